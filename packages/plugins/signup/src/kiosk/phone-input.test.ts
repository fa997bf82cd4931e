import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTypedPhone, isPhoneComplete, reducePhone } from './phone-input';

describe('typing a phone number', () => {
  it('groups the digits as they come', () => {
    const shown: string[] = [];
    let digits = '';
    for (const d of '01012345678') {
      digits = reducePhone(digits, { type: 'digit', digit: d });
      shown.push(formatTypedPhone(digits));
    }
    expect(shown).toEqual([
      '0',
      '01',
      '010',
      '010-1',
      '010-12',
      '010-123',
      '010-1234',
      '010-1234-5',
      '010-1234-56',
      '010-1234-567',
      '010-1234-5678',
    ]);
    expect(isPhoneComplete(digits)).toBe(true);
    expect(reducePhone(digits, { type: 'digit', digit: '9' })).toBe(digits);
  });

  it('groups an old ten-digit number 3-3-4', () => {
    expect(formatTypedPhone('0111234567')).toBe('011-123-4567');
    expect(isPhoneComplete('0111234567')).toBe(true);
    expect(isPhoneComplete('0101234567')).toBe(false);
  });

  it('shows exactly the digits typed, in order', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{0,11}$/), (digits) => {
        expect(formatTypedPhone(digits).replaceAll('-', '')).toBe(digits);
      }),
    );
  });
});
