import { describe, expect, it } from 'vitest';
import {
  CODE_LENGTH,
  DIGIT_KEYS,
  LETTER_KEYS,
  formatCode,
  isCodeComplete,
  looksLikeCheckinScan,
  reduceCode,
  toCodeSymbol,
} from './code';

const type = (keys: string, from = '') =>
  [...keys].reduce((code, char) => reduceCode(code, { type: 'append', char }), from);

describe('keypad keys', () => {
  it('offers ten digits and the 22 letters of the code alphabet, without I, L, O, U', () => {
    expect(DIGIT_KEYS).toHaveLength(10);
    expect(LETTER_KEYS.join('')).toBe('ABCDEFGHJKMNPQRSTVWXYZ');
    for (const missing of ['I', 'L', 'O', 'U']) expect(LETTER_KEYS).not.toContain(missing);
  });
});

describe('reduceCode', () => {
  it('appends code symbols', () => {
    expect(type('7KQ2')).toBe('7KQ2');
  });

  it('stops at 8 symbols', () => {
    expect(type('7KQ2M9XDAB')).toBe('7KQ2M9XD');
    expect(type('7KQ2M9XD')).toHaveLength(CODE_LENGTH);
  });

  it('normalises case and Crockford look-alikes, and ignores everything else', () => {
    expect(type('7kq2-m9xd')).toBe('7KQ2M9XD');
    expect(type('oil')).toBe('011');
    expect(type('u /:.!')).toBe('');
    expect(reduceCode('AB', { type: 'append', char: 'Enter' })).toBe('AB');
    expect(reduceCode('AB', { type: 'append', char: '' })).toBe('AB');
  });

  it('backspace removes the last symbol and is harmless when empty', () => {
    expect(reduceCode('7KQ', { type: 'backspace' })).toBe('7K');
    expect(reduceCode('', { type: 'backspace' })).toBe('');
  });

  it('clear empties the code', () => {
    expect(reduceCode('7KQ2M9XD', { type: 'clear' })).toBe('');
  });
});

describe('toCodeSymbol', () => {
  it('accepts only single code characters', () => {
    expect(toCodeSymbol('a')).toBe('A');
    expect(toCodeSymbol('0')).toBe('0');
    expect(toCodeSymbol('Shift')).toBeNull();
    expect(toCodeSymbol('ㄱ')).toBeNull();
  });
});

describe('formatCode / isCodeComplete', () => {
  it('groups as XXXX-XXXX', () => {
    expect(formatCode('7KQ2M9XD')).toBe('7KQ2-M9XD');
    expect(formatCode('7KQ2M')).toBe('7KQ2-M');
    expect(formatCode('7KQ2')).toBe('7KQ2');
    expect(isCodeComplete('7KQ2M9X')).toBe(false);
    expect(isCodeComplete('7KQ2M9XD')).toBe(true);
  });
});

describe('looksLikeCheckinScan', () => {
  it('claims bare codes and confirmation links', () => {
    expect(looksLikeCheckinScan('7KQ2-M9XD')).toBe(true);
    expect(looksLikeCheckinScan(' 7kq2m9xd ')).toBe(true);
    expect(looksLikeCheckinScan('https://seoro.example/registrations/7KQ2-M9XD')).toBe(true);
  });

  it('leaves other scans alone', () => {
    expect(looksLikeCheckinScan('8801234567890')).toBe(false);
    expect(looksLikeCheckinScan('https://example.com/hello')).toBe(false);
  });
});
