import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canLookUp, formatDigits, reduceDigits, type DigitsAction } from './phone-digits';

const action: fc.Arbitrary<DigitsAction> = fc.oneof(
  fc.string({ maxLength: 2 }).map((digit) => ({ type: 'append' as const, digit })),
  fc.constantFrom(...'0123456789').map((digit) => ({ type: 'append' as const, digit })),
  fc.constant({ type: 'backspace' as const }),
  fc.constant({ type: 'clear' as const }),
);

describe('phone digits', () => {
  it('only ever holds up to 11 digits, whatever is pressed', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
        const digits = actions.reduce(reduceDigits, '');
        expect(digits).toMatch(/^[0-9]{0,11}$/);
        // Formatting only adds dashes.
        expect(formatDigits(digits).replaceAll('-', '')).toBe(digits);
      }),
    );
  });

  it('can look up four digits or a whole number, nothing in between', () => {
    expect(canLookUp('5678')).toBe(true);
    expect(canLookUp('01012345678')).toBe(true);
    expect(canLookUp('567')).toBe(false);
    expect(canLookUp('01012')).toBe(false);
    expect(formatDigits('01012345678')).toBe('010-1234-5678');
    expect(formatDigits('0101234')).toBe('010-1234');
    expect(formatDigits('5678')).toBe('5678');
  });
});
