import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LMS_MAX_BYTES, lmsBytes } from './sms';

describe('lmsBytes', () => {
  it('counts ASCII as one byte and Hangul as two', () => {
    expect(lmsBytes('')).toBe(0);
    expect(lmsBytes('AB12-CD34')).toBe(9);
    expect(lmsBytes('확인 코드 AB12')).toBe(14);
    expect(lmsBytes('‘캘리그라피’')).toBe(14);
    expect(LMS_MAX_BYTES).toBe(2000);
  });

  it('is the sum of its parts', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(lmsBytes(a + b)).toBe(lmsBytes(a) + lmsBytes(b));
      }),
    );
  });

  it('gives an ASCII text its length and a Hangul text twice its length', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) }),
        fc.string({
          unit: fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c)),
        }),
        (ascii, hangul) => {
          expect(lmsBytes(ascii)).toBe(ascii.length);
          expect(lmsBytes(hangul)).toBe(hangul.length * 2);
        },
      ),
    );
  });
});
