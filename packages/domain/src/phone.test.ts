import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatKrMobile,
  formatTypedPhone,
  isAnonymizedPhone,
  maskPhone,
  normalizeKrMobile,
  requireKrMobile,
} from './phone';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

const ok = (e164: string) => ({ ok: true, e164 });
const fail = (reason: string) => ({ ok: false, reason });

describe('normalizeKrMobile examples', () => {
  it.each([
    '010-1234-5678',
    '01012345678',
    '010 1234 5678',
    '010.1234.5678',
    ' 010 - 1234 - 5678 ',
    '(010) 1234-5678',
    '+82 10-1234-5678',
    '+82 010-1234-5678',
    '+821012345678',
    '+82-10-1234-5678',
    '０１０－１２３４－５６７８',
    '０１０１２３４５６７８',
    '＋８２１０１２３４５６７８',
    '010–1234–5678', // en dash, as pasted from a word processor
    '010\u00a01234\u00a05678', // no-break space
  ])('accepts %j', (input) => {
    expect(normalizeKrMobile(input)).toEqual(ok('+821012345678'));
  });

  it('accepts 010 blocks libphonenumber does not know yet', () => {
    expect(normalizeKrMobile('010-5987-1234')).toEqual(ok('+821059871234'));
  });

  it('accepts legacy 01X numbers', () => {
    expect(normalizeKrMobile('011-234-5678')).toEqual(ok('+82112345678'));
    expect(normalizeKrMobile('016-1234-5678')).toEqual(ok('+821612345678'));
  });

  it.each(['', '   ', '\u3000'])('reports %j as empty', (input) => {
    expect(normalizeKrMobile(input)).toEqual(fail('empty'));
  });

  it.each([
    '02-123-4567',
    '02-1234-5678',
    '031-123-4567',
    '070-1234-5678',
    '1588-1234',
    '+82 2 123 4567',
  ])('reports landline/service number %j as not_mobile', (input) => {
    expect(normalizeKrMobile(input)).toEqual(fail('not_mobile'));
  });

  it.each([
    'abc',
    '홍길동',
    '---',
    '010-1234-567', // one digit short
    '010-1234-56789', // one digit too many
    '010-1234-5678 ext 9',
    'call 010-1234-5678',
    '010+1234+5678',
    '1234',
    '+1 202 555 0143', // valid, but not Korean
    '+44 7911 123456',
    '0'.repeat(50),
  ])('reports %j as invalid', (input) => {
    expect(normalizeKrMobile(input)).toEqual(fail('invalid'));
  });
});

describe('requireKrMobile', () => {
  it('gives the E.164 form of a mobile number', () => {
    expect(requireKrMobile('０１０－１２３４－５６７８')).toBe('+821012345678');
  });

  it.each([
    ['02-1234-5678', 'not_mobile_phone'],
    ['010-123-456', 'invalid_phone'],
    ['', 'invalid_phone'],
    ['call 010-1234-5678', 'invalid_phone'],
  ])('refuses %j with %s', (input, code) => {
    expect(() => requireKrMobile(input)).toThrow(
      expect.objectContaining({ name: 'DomainError', code }),
    );
  });
});

describe('formatKrMobile / maskPhone examples', () => {
  it('formats and masks 010 numbers', () => {
    expect(formatKrMobile('+821012345678')).toBe('010-1234-5678');
    expect(maskPhone('+821012345678')).toBe('010-****-5678');
  });

  it('formats and masks legacy numbers with a 3-digit middle group', () => {
    expect(formatKrMobile('+82112345678')).toBe('011-234-5678');
    expect(maskPhone('+82112345678')).toBe('011-***-5678');
  });

  it.each(['01012345678', '+8221234567', '+12025550143', 'garbage', ''])(
    'rejects non-E.164 mobile %j',
    (input) => {
      expect(() => formatKrMobile(input)).toThrow(RangeError);
      expect(() => maskPhone(input)).toThrow(RangeError);
    },
  );
});

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const toFullWidth = (s: string) =>
  s.replace(/[0-9+-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** One of the shapes a resident might type for 010-<a>-<b>. */
const typedVariant = (a: string, b: string) =>
  fc.constantFrom(
    `010${a}${b}`,
    `010-${a}-${b}`,
    `010 ${a} ${b}`,
    `010.${a}.${b}`,
    ` 010-${a}-${b} `,
    `+8210${a}${b}`,
    `+82 10-${a}-${b}`,
    `+82 010 ${a} ${b}`,
    toFullWidth(`010-${a}-${b}`),
    toFullWidth(`+8210${a}${b}`),
  );

describe('phone properties', () => {
  it("'010' followed by any 8 digits normalises to '+8210' + the digits, however it is typed", () => {
    fc.assert(
      fc.property(
        digits(4).chain((a) =>
          digits(4).chain((b) => typedVariant(a, b).map((typed) => ({ a, b, typed }))),
        ),
        ({ a, b, typed }) => {
          expect(normalizeKrMobile(typed)).toEqual(ok(`+8210${a}${b}`));
        },
      ),
      { numRuns: 1000 },
    );
  });

  const acceptedE164 = fc.oneof(
    digits(8).map((d) => `+8210${d}`),
    fc
      .tuple(
        fc.constantFrom('11', '16', '17', '18', '19'),
        fc.integer({ min: 2, max: 9 }),
        digits(6),
      )
      .map(([p, first, rest]) => `+82${p}${first}${rest}`)
      .filter((e) => normalizeKrMobile(e).ok),
  );

  it('is idempotent: the E.164 form and the formatted national form both normalise to the same E.164', () => {
    fc.assert(
      fc.property(acceptedE164, (e164) => {
        expect(normalizeKrMobile(e164)).toEqual(ok(e164));
        expect(normalizeKrMobile(formatKrMobile(e164))).toEqual(ok(e164));
        expect(formatKrMobile(e164)).toMatch(/^01[016789]-\d{3,4}-\d{4}$/);
      }),
    );
  });

  /** Phone-like input: a realistic prefix, then digits with random separators (many valid, many not). */
  const phoneLike = fc
    .tuple(
      fc.constantFrom(
        '010',
        '011',
        '016',
        '017',
        '018',
        '019',
        '+82 10',
        '+8211',
        '02',
        '031',
        '070',
        '1588',
        '+1',
      ),
      fc.array(
        fc.tuple(fc.integer({ min: 0, max: 9 }), fc.constantFrom('', '', '', '-', ' ', '.', '－')),
        { minLength: 5, maxLength: 10 },
      ),
    )
    .map(([prefix, rest]) => prefix + rest.map(([d, sep]) => `${d}${sep}`).join(''));

  it('normalising any accepted input twice gives the same result', () => {
    let accepted = 0;
    fc.assert(
      fc.property(phoneLike, (input) => {
        const first = normalizeKrMobile(input);
        if (first.ok) {
          accepted++;
          expect(normalizeKrMobile(first.e164)).toEqual(first);
          expect(normalizeKrMobile(formatKrMobile(first.e164))).toEqual(first);
        }
      }),
      { numRuns: 1000 },
    );
    // Guard against a generator that never produces a valid number (a vacuous property).
    expect(accepted).toBeGreaterThan(50);
  });

  it('mask keeps the prefix and last 4 digits and stars every middle digit', () => {
    fc.assert(
      fc.property(acceptedE164, (e164) => {
        const [prefix, middle, last] = formatKrMobile(e164).split('-') as [string, string, string];
        const masked = maskPhone(e164);
        expect(masked).toBe(`${prefix}-${'*'.repeat(middle.length)}-${last}`);
        expect(masked.length).toBe(formatKrMobile(e164).length);
        const [, maskedMiddle, maskedLast] = masked.split('-') as [string, string, string];
        expect(maskedMiddle).toMatch(/^\*+$/);
        expect(maskedLast).toBe(e164.slice(-4));
      }),
    );
  });

  it('Seoul landlines are never accepted as mobiles', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9 }), fc.oneof(digits(6), digits(7)), (first, rest) => {
        const result = normalizeKrMobile(`02-${first}${rest}`);
        expect(result.ok).toBe(false);
      }),
    );
  });

  it('input containing a letter is never accepted', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 10 }),
        fc.constantFrom(...'abcxyzABCㄱ가e'.split('')),
        fc.string({ maxLength: 10 }),
        (before, letter, after) => {
          expect(normalizeKrMobile(`${before}010-1234-5678${letter}${after}`).ok).toBe(false);
        },
      ),
    );
  });
});

describe('the common shapes decided without the metadata', () => {
  it('give what libphonenumber and the 010 rule give', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{8}$/), (digits) => {
        const national = parsePhoneNumberFromString(`010${digits}`, 'KR')?.nationalNumber;
        const international = parsePhoneNumberFromString(`+8210${digits}`, 'KR')?.nationalNumber;
        expect(national).toBe(`10${digits}`);
        expect(international).toBe(`10${digits}`);
        const expected = { ok: true, e164: `+8210${digits}` };
        expect(normalizeKrMobile(`010${digits}`)).toEqual(expected);
        expect(normalizeKrMobile(`+8210${digits}`)).toEqual(expected);
        expect(normalizeKrMobile(`010-${digits.slice(0, 4)}-${digits.slice(4)}`)).toEqual(expected);
      }),
    );
  });
});

describe('formatTypedPhone', () => {
  it('shows a typed number in the usual hyphenated form', () => {
    expect(formatTypedPhone('01070701234')).toBe('010-7070-1234');
    expect(formatTypedPhone(' +82 10 7070 1234 ')).toBe('010-7070-1234');
    expect(formatTypedPhone('011-234-5678')).toBe('011-234-5678');
    expect(formatTypedPhone(' 02-123-4567 ')).toBe('02-123-4567');
  });

  const onlyDigits = (s: string) => s.normalize('NFKC').replace(/\D/g, '');

  it('never changes the digits of a number typed in the national form', () => {
    fc.assert(
      fc.property(
        digits(4).chain((a) =>
          digits(4).chain((b) =>
            fc
              .constantFrom(
                `010${a}${b}`,
                `010-${a}-${b}`,
                `010 ${a} ${b}`,
                `010.${a}.${b}`,
                ` 010-${a}-${b} `,
                toFullWidth(`010-${a}-${b}`),
              )
              .map((typed) => ({ typed, a, b })),
          ),
        ),
        ({ typed, a, b }) => {
          const shown = formatTypedPhone(typed);
          expect(onlyDigits(shown)).toBe(onlyDigits(typed));
          expect(shown).toBe(`010-${a}-${b}`);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('shows anything else exactly as typed, apart from surrounding spaces', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (typed) => {
        const shown = formatTypedPhone(typed);
        if (normalizeKrMobile(typed).ok) {
          expect(shown).toMatch(/^01[016789]-\d{3,4}-\d{4}$/);
        } else {
          expect(shown).toBe(typed.trim());
        }
      }),
    );
  });
});

describe('a destroyed number', () => {
  it('shows as nothing, masked or formatted', () => {
    expect(isAnonymizedPhone('anonymized:abc')).toBe(true);
    expect(isAnonymizedPhone('+821012345678')).toBe(false);
    expect(maskPhone('anonymized:abc')).toBe('');
    expect(formatKrMobile('anonymized:abc')).toBe('');
  });
});
