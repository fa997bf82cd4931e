import { describe, expect, it } from 'vitest';
import { noticeLang, noticeText, scrollPosition } from './text';

const both = { body: { ko: '주차장 공사', en: 'Car park closed' } };
const koOnly = { body: { ko: '주차장 공사', en: '  ' } };

describe('notice text on the kiosk', () => {
  it('is in the kiosk language, falling back to Korean when the English is empty', () => {
    expect(noticeText(both, 'ko')).toBe('주차장 공사');
    expect(noticeText(both, 'en')).toBe('Car park closed');
    expect(noticeText(koOnly, 'en')).toBe('주차장 공사');
    expect(noticeLang(koOnly, 'en')).toBe('ko');
    expect(noticeLang(both, 'en')).toBe('en');
    expect(noticeLang(both, 'ko')).toBe('ko');
  });
});

describe('scrollPosition', () => {
  it('tells whether the area scrolls and where it stands', () => {
    expect(scrollPosition({ scrollTop: 0, scrollHeight: 500, clientHeight: 500 })).toEqual({
      overflows: false,
      atTop: true,
      atBottom: true,
    });
    expect(scrollPosition({ scrollTop: 0, scrollHeight: 900, clientHeight: 500 })).toEqual({
      overflows: true,
      atTop: true,
      atBottom: false,
    });
    expect(scrollPosition({ scrollTop: 399.5, scrollHeight: 900, clientHeight: 500 })).toEqual({
      overflows: true,
      atTop: false,
      atBottom: true,
    });
  });
});
