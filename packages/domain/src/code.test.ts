import { base32crockford } from '@scure/base';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONFIRMATION_CODE_ALPHABET,
  CONFIRMATION_CODE_BITS,
  generateConfirmationCode,
  normalizeConfirmationCode,
} from './code';

const CODE_RE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

describe('generateConfirmationCode examples', () => {
  it('encodes 40 bits as two groups of four', () => {
    expect(CONFIRMATION_CODE_BITS).toBe(40);
    expect(generateConfirmationCode(new Uint8Array([0, 0, 0, 0, 0]))).toBe('0000-0000');
    expect(generateConfirmationCode(new Uint8Array([255, 255, 255, 255, 255]))).toBe('ZZZZ-ZZZZ');
    expect(generateConfirmationCode(new Uint8Array([1, 2, 3, 4, 5]))).toBe('0410-6105');
  });

  it('uses only the first 5 bytes', () => {
    expect(generateConfirmationCode(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toBe('0410-6105');
  });

  it('accepts a Node Buffer (what crypto.randomBytes returns)', () => {
    expect(generateConfirmationCode(Buffer.from([1, 2, 3, 4, 5]))).toBe('0410-6105');
  });

  it('throws when given fewer than 5 bytes', () => {
    expect(() => generateConfirmationCode(new Uint8Array(4))).toThrow(RangeError);
    expect(() => generateConfirmationCode(new Uint8Array(0))).toThrow(RangeError);
  });
});

describe('normalizeConfirmationCode examples', () => {
  it.each([
    'ABCD-EFGH',
    'abcd-efgh',
    'ABCDEFGH',
    ' abcd efgh ',
    'AB CD-EF GH',
    'ABCD–EFGH', // en dash
    'ABCD—EFGH', // em dash
    'ABCD−EFGH', // minus sign
    'ＡＢＣＤ－ＥＦＧＨ', // full-width, as typed with a Korean IME in full-width mode
    'https://seoro.example/registrations/ABCD-EFGH',
    'https://seoro.example/registrations/abcd-efgh/',
    'https://seoro.example/registrations/ABCD-EFGH?lang=en',
    'https://seoro.example/check-in?code=abcd-efgh&lang=ko',
    'https://seoro.example/check-in?lang=ko&code=ABCDEFGH#top',
    'seoro://checkin/ABCD%20EFGH',
    'code=ABCD-EFGH',
  ])('reads %j as ABCD-EFGH', (input) => {
    expect(normalizeConfirmationCode(input)).toBe('ABCD-EFGH');
  });

  it("applies Crockford's ambiguity rules", () => {
    expect(normalizeConfirmationCode('O0oo-1iLl')).toBe('0000-1111');
  });

  it.each([
    '',
    'ABCD-EFG',
    'ABCD-EFGHJ',
    'ABCD-EFGU', // U is excluded from the alphabet
    'ABCD_EFGH',
    'ABCD-EFG!',
    'ABCD-EFGß',
    '가나다라-마바사아',
    'https://seoro.example/registrations',
    'https://seoro.example/registrations/ABCD-EFGH/extra',
  ])('rejects %j', (input) => {
    expect(normalizeConfirmationCode(input)).toBeNull();
  });
});

const bytes5 = fc.uint8Array({ minLength: 5, maxLength: 5 });
const anyBytes = fc.uint8Array({ minLength: 5, maxLength: 32 });

/** Ways a person or scanner might garble a correct code without changing its meaning. */
function garble(code: string, choices: number[]): string {
  let out = '';
  let i = 0;
  for (const ch of code.replace('-', '')) {
    const c = choices[i++ % choices.length] ?? 0;
    let sym = ch;
    if (ch === '0' && c % 3 === 1) sym = c % 2 ? 'o' : 'O';
    if (ch === '1' && c % 3 === 1) sym = ['i', 'I', 'l', 'L'][c % 4] ?? 'I';
    if (/[A-Z]/.test(sym) && c % 2 === 0) sym = sym.toLowerCase();
    if (c % 5 === 0) sym = String.fromCharCode(sym.charCodeAt(0) + 0xfee0); // full-width
    const sep = [' ', '-', '', '', '–', '\u3000'][c % 6] ?? '';
    out += sym + sep;
  }
  return out;
}

describe('confirmation code properties', () => {
  it('every generated code has 8 symbols from the Crockford alphabet in two groups', () => {
    fc.assert(
      fc.property(anyBytes, (b) => {
        const code = generateConfirmationCode(b);
        expect(code).toMatch(CODE_RE);
        for (const ch of code.replace('-', '')) expect(CONFIRMATION_CODE_ALPHABET).toContain(ch);
      }),
    );
  });

  it('normalising a generated code returns it unchanged', () => {
    fc.assert(
      fc.property(anyBytes, (b) => {
        const code = generateConfirmationCode(b);
        expect(normalizeConfirmationCode(code)).toBe(code);
      }),
    );
  });

  it('lower case, spaced, dashed, full-width and O/I/L variants all normalise to the same code', () => {
    fc.assert(
      fc.property(bytes5, fc.array(fc.nat(59), { minLength: 1, maxLength: 8 }), (b, choices) => {
        const code = generateConfirmationCode(b);
        expect(normalizeConfirmationCode(garble(code, choices))).toBe(code);
        expect(normalizeConfirmationCode(code.toLowerCase())).toBe(code);
      }),
    );
  });

  it('a code inside a QR URL (path segment or code= query) is extracted', () => {
    fc.assert(
      fc.property(bytes5, fc.boolean(), (b, asQuery) => {
        const code = generateConfirmationCode(b);
        const url = asQuery
          ? `https://seoro.example/kiosk?lang=ko&code=${code.toLowerCase()}`
          : `https://seoro.example/registrations/${code}`;
        expect(normalizeConfirmationCode(url)).toBe(code);
      }),
    );
  });

  it('is a bijection on 40 bits: the code decodes back to the 5 input bytes', () => {
    fc.assert(
      fc.property(bytes5, (b) => {
        const code = generateConfirmationCode(b);
        expect(base32crockford.decode(code.replace('-', ''))).toEqual(b);
      }),
    );
  });

  it('distinct 5-byte inputs give distinct codes', () => {
    fc.assert(
      fc.property(bytes5, bytes5, (a, b) => {
        fc.pre(a.some((x, i) => x !== b[i]));
        expect(generateConfirmationCode(a)).not.toBe(generateConfirmationCode(b));
      }),
    );
    // Near neighbours (one bit apart) are the likeliest collision for a careless encoder: try all 40.
    fc.assert(
      fc.property(bytes5, (a) => {
        const code = generateConfirmationCode(a);
        for (let bit = 0; bit < CONFIRMATION_CODE_BITS; bit++) {
          const b = Uint8Array.from(a);
          b[bit >> 3] = (b[bit >> 3] ?? 0) ^ (1 << (bit & 7));
          expect(generateConfirmationCode(b)).not.toBe(code);
        }
      }),
    );
  });

  it('rejects any 8-symbol string containing a character outside the alphabet (including U)', () => {
    fc.assert(
      fc.property(
        bytes5,
        fc.integer({ min: 0, max: 7 }),
        fc.constantFrom('U', 'u', '!', '_', '가', '*', '#', 'é', '.'),
        (b, pos, bad) => {
          const symbols = Array.from(generateConfirmationCode(b).replace('-', ''));
          symbols[pos] = bad;
          expect(normalizeConfirmationCode(symbols.join(''))).toBeNull();
        },
      ),
    );
  });

  it('rejects anything that is not exactly 8 symbols', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...CONFIRMATION_CODE_ALPHABET.split('')),
          maxLength: 16,
        }),
        (s) => {
          fc.pre(s.length !== 8);
          expect(normalizeConfirmationCode(s)).toBeNull();
        },
      ),
    );
  });
});
