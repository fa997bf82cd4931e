import { describe, expect, it } from 'vitest';
import { isWishReady, reduceWish, scrollPosition, teachUrl } from './keyboard';

describe('typing a wish', () => {
  it('composes Hangul and keeps English small', () => {
    let text = '';
    for (const jamo of ['ㅇ', 'ㅛ', 'ㄱ', 'ㅏ']) text = reduceWish(text, { type: 'jamo', jamo });
    expect(text).toBe('요가');
    text = reduceWish(text, { type: 'space' });
    text = reduceWish(text, { type: 'letter', letter: 'A' });
    expect(text).toBe('요가 a');
    expect(isWishReady('요가')).toBe(true);
    expect(isWishReady('요ㄱ')).toBe(false);
    expect(isWishReady('요')).toBe(false);
  });

  it('links to the page to apply, in the kiosk language', () => {
    expect(teachUrl('https://seoro.example/', 'ko')).toBe('https://seoro.example/teach');
    expect(teachUrl('https://seoro.example', 'en')).toBe('https://seoro.example/en/teach');
  });
});

describe('the Up and Down buttons', () => {
  it('show only when the screen overflows, each resting at its end', () => {
    expect(scrollPosition({ scrollTop: 0, scrollHeight: 900, clientHeight: 900 }).overflows).toBe(
      false,
    );
    expect(scrollPosition({ scrollTop: 0, scrollHeight: 1800, clientHeight: 900 })).toEqual({
      overflows: true,
      atTop: true,
      atBottom: false,
    });
    expect(scrollPosition({ scrollTop: 900, scrollHeight: 1800, clientHeight: 900 }).atBottom).toBe(
      true,
    );
  });
});
