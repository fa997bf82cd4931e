import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePhoneLookup, phoneLookupReady, phoneMatchesLookup } from './phone-lookup';

const digit = fc.constantFrom(...'0123456789');
const digits = (min: number, max: number) =>
  fc.array(digit, { minLength: min, maxLength: max }).map((d) => d.join(''));

describe('parsePhoneLookup', () => {
  it('reads four digits as the end of a number, whatever they are', () => {
    fc.assert(
      fc.property(digits(4, 4), (d) => {
        expect(parsePhoneLookup(d)).toEqual({ kind: 'last4', last4: d });
      }),
    );
  });

  it('reads a whole 010 number as that number, and it matches its own last four', () => {
    fc.assert(
      fc.property(digits(8, 8), (rest) => {
        const lookup = parsePhoneLookup(`010${rest}`);
        expect(lookup).toEqual({ kind: 'full', e164: `+8210${rest}` });
        const last4 = parsePhoneLookup(rest.slice(-4));
        expect(last4 && phoneMatchesLookup(`+8210${rest}`, last4)).toBe(true);
      }),
    );
  });

  it('finds nothing in a partly typed number or in anything but digits', () => {
    fc.assert(
      fc.property(digits(0, 11), (d) => {
        fc.pre(d.length !== 4 && !/^010[0-9]{8}$/.test(d) && !/^01[1-9]/.test(d));
        expect(parsePhoneLookup(d)).toBeNull();
      }),
    );
    expect(parsePhoneLookup('12a4')).toBeNull();
    expect(parsePhoneLookup('010-1234-5678')).toBeNull();
    expect(parsePhoneLookup('0212345678')).toBeNull();
  });

  it('a suffix matches only numbers that end with it', () => {
    fc.assert(
      fc.property(digits(8, 8), digits(4, 4), (rest, last4) => {
        const e164 = `+8210${rest}`;
        expect(phoneMatchesLookup(e164, { kind: 'last4', last4 })).toBe(rest.endsWith(last4));
        expect(phoneMatchesLookup(e164, { kind: 'full', e164: `+8210${rest}` })).toBe(true);
      }),
    );
  });
});

describe('phoneLookupReady', () => {
  it('is true for everything the server can look up, and for four digits and 010 numbers', () => {
    fc.assert(
      fc.property(digits(0, 12), (d) => {
        if (parsePhoneLookup(d) !== null) expect(phoneLookupReady(d)).toBe(true);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(digits(8, 8), (rest) => {
        expect(phoneLookupReady(`010${rest}`)).toBe(true);
        expect(phoneLookupReady(rest.slice(0, 4))).toBe(true);
      }),
    );
  });

  it('is false for a partly typed number and for anything but digits', () => {
    for (const typed of [
      '',
      '123',
      '12345',
      '0101234',
      '010-1234-5678',
      '０１０１２３４５６７８',
    ]) {
      expect(phoneLookupReady(typed), typed).toBe(false);
    }
  });
});
