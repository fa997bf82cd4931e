import fc from 'fast-check';
import { disassemble } from 'es-hangul';
import { describe, expect, it } from 'vitest';
import { isNameComplete, reduceName, type NameAction } from './name-input';

const typeAll = (actions: NameAction[], from = '') => actions.reduce(reduceName, from);
const jamo = (s: string): NameAction[] =>
  [...s].map((j) => (j === ' ' ? { type: 'space' } : { type: 'jamo', jamo: j }));

describe('typing a name on the Korean keyboard', () => {
  it('composes ㅎ ㅗ ㅇ ㄱ ㅣ ㄹ ㄷ ㅗ ㅇ into 홍길동', () => {
    const steps: string[] = [];
    let name = '';
    for (const a of jamo('ㅎㅗㅇㄱㅣㄹㄷㅗㅇ')) steps.push((name = reduceName(name, a)));
    expect(steps).toEqual(['ㅎ', '호', '홍', '홍ㄱ', '홍기', '홍길', '홍길ㄷ', '홍길도', '홍길동']);
  });

  it('moves a final consonant to the next syllable and builds compound vowels and finals', () => {
    expect(typeAll(jamo('ㄱㅏㄱㅏ'))).toBe('가가');
    expect(typeAll(jamo('ㄱㅗㅏㅇ'))).toBe('광');
    expect(typeAll(jamo('ㄷㅏㄹㄱ'))).toBe('닭');
    expect(typeAll(jamo('ㅇㅢ'))).toBe('의');
  });

  it('removes the last jamo on backspace, not the whole syllable', () => {
    expect(reduceName('홍길동', { type: 'backspace' })).toBe('홍길도');
    expect(reduceName('광', { type: 'backspace' })).toBe('과');
    expect(reduceName('과', { type: 'backspace' })).toBe('고');
    expect(reduceName('닭', { type: 'backspace' })).toBe('달');
    expect(reduceName('', { type: 'backspace' })).toBe('');
  });

  it('types any sequence of whole syllables back as itself, and backspaces to nothing', () => {
    const syllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.array(syllable, { minLength: 1, maxLength: 5 }), (chars) => {
        const name = chars.join('');
        const keys = jamo(disassemble(name));
        expect(typeAll(keys)).toBe(name);
        const back = keys.reduce((n) => reduceName(n, { type: 'backspace' }), name);
        expect(back).toBe('');
      }),
    );
  });

  it('is complete only without loose jamo', () => {
    expect(isNameComplete('홍길동')).toBe(true);
    expect(isNameComplete('홍길ㄷ')).toBe(false);
    expect(isNameComplete('')).toBe(false);
    expect(isNameComplete('JEAN-')).toBe(false);
  });
});

describe('typing a name on the English keyboard', () => {
  it('types capitals, one space between words and hyphens inside them', () => {
    const actions: NameAction[] = [
      { type: 'space' },
      ...[...'ann'].map((l): NameAction => ({ type: 'letter', letter: l })),
      { type: 'hyphen' },
      { type: 'hyphen' },
      { type: 'letter', letter: 'm' },
      { type: 'space' },
      { type: 'space' },
      { type: 'letter', letter: 'L' },
      { type: 'letter', letter: '1' },
    ];
    expect(typeAll(actions)).toBe('ANN-M L');
    expect(reduceName('ANN-M L', { type: 'backspace' })).toBe('ANN-M ');
  });

  it('never grows past 40 letters', () => {
    const full = 'A'.repeat(40);
    expect(reduceName(full, { type: 'letter', letter: 'B' })).toBe(full);
    expect(reduceName(full, { type: 'jamo', jamo: 'ㄱ' })).toBe(full);
  });
});
