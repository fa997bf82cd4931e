import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CODE_DIGITS,
  PHONE_MAX_DIGITS,
  formatTypedPhone,
  isPhoneComplete,
  reduceDigits,
  type PadAction,
} from './phone';

const action = fc.oneof(
  fc.constantFrom<PadAction>({ type: 'backspace' }, { type: 'clear' }),
  fc.string({ minLength: 1, maxLength: 2 }).map((digit): PadAction => ({ type: 'digit', digit })),
  fc.integer({ min: 0, max: 9 }).map((d): PadAction => ({ type: 'digit', digit: String(d) })),
);

describe('typing on the number pad', () => {
  it('only ever holds digits, never more than allowed', () => {
    fc.assert(
      fc.property(fc.array(action), fc.constantFrom(PHONE_MAX_DIGITS, CODE_DIGITS), (keys, max) => {
        const typed = keys.reduce((s, a) => reduceDigits(s, a, max), '');
        expect(typed).toMatch(/^\d*$/);
        expect(typed.length).toBeLessThanOrEqual(max);
      }),
    );
  });

  it('deletes exactly the last digit, and clear empties', () => {
    expect(reduceDigits('0105', { type: 'backspace' }, 11)).toBe('010');
    expect(reduceDigits('', { type: 'backspace' }, 11)).toBe('');
    expect(reduceDigits('0105', { type: 'clear' }, 11)).toBe('');
    expect(reduceDigits('12345', { type: 'digit', digit: '6' }, 6)).toBe('123456');
    expect(reduceDigits('123456', { type: 'digit', digit: '7' }, 6)).toBe('123456');
  });
});

describe('formatTypedPhone', () => {
  it.each([
    ['', ''],
    ['01', '01'],
    ['010', '010'],
    ['0105', '010-5'],
    ['0105550', '010-5550'],
    ['01055501', '010-5550-1'],
    ['01055501234', '010-5550-1234'],
    ['0112345678', '011-234-5678'],
  ])('shows %j as %j', (digits, shown) => {
    expect(formatTypedPhone(digits)).toBe(shown);
  });

  it('keeps every digit in order and adds only hyphens', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{0,11}$/), (digits) => {
        const shown = formatTypedPhone(digits);
        expect(shown.replaceAll('-', '')).toBe(digits);
        expect(shown).not.toMatch(/^-|-$|--/);
      }),
    );
  });
});

describe('isPhoneComplete', () => {
  it('wants 010 and eight digits, or a legacy number', () => {
    expect(isPhoneComplete('01055501234')).toBe(true);
    expect(isPhoneComplete('0105550123')).toBe(false);
    expect(isPhoneComplete('0112345678')).toBe(true);
    expect(isPhoneComplete('0212345678')).toBe(false);
  });

  it('accepts any 010 number with eight more digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), (rest) => {
        expect(isPhoneComplete(`010${rest}`)).toBe(true);
        expect(isPhoneComplete(`010${rest.slice(1)}`)).toBe(false);
      }),
    );
  });
});
