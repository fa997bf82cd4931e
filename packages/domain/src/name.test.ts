import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskName, NAME_MAX_LENGTH, normalizeName } from './name';

const len = (s: string) => Array.from(s).length;

describe('normalizeName examples', () => {
  it.each([
    ['홍길동', '홍길동'],
    ['  홍길동  ', '홍길동'],
    ['남궁\t 민수', '남궁 민수'],
    ['John   Smith', 'John Smith'],
    ['John\nSmith', 'John Smith'],
    ['\u3000김철수\u3000', '김철수'], // ideographic space from a Korean IME
    ["Seán O'Brien", "Seán O'Brien"],
    ['Jean-Luc Picard', 'Jean-Luc Picard'],
    ['존·스미스', '존·스미스'],
    ['Nguyễn Văn An', 'Nguyễn Văn An'],
    ['王小明', '王小明'],
  ])('accepts %j as %j', (input, name) => {
    expect(normalizeName(input)).toEqual({ ok: true, name });
  });

  it('composes decomposed Hangul (as typed on macOS) so both spellings match', () => {
    const decomposed = '홍길동'.normalize('NFD');
    expect(decomposed).not.toBe('홍길동');
    expect(normalizeName(decomposed)).toEqual({ ok: true, name: '홍길동' });
  });

  it.each(['', '   ', '\n\t', '\u3000'])('reports %j as empty', (input) => {
    expect(normalizeName(input)).toEqual({ ok: false, reason: 'empty' });
  });

  it('allows exactly 40 code points, counting astral characters once', () => {
    expect(normalizeName('가'.repeat(NAME_MAX_LENGTH))).toEqual({
      ok: true,
      name: '가'.repeat(40),
    });
    expect(normalizeName('𠀀'.repeat(40))).toEqual({ ok: true, name: '𠀀'.repeat(40) });
    expect(normalizeName('가'.repeat(41))).toEqual({ ok: false, reason: 'too_long' });
  });

  it.each([
    '<script>',
    '홍길동<b>',
    '{name}',
    '홍길동1',
    '010-1234-5678',
    '홍\u0000길동',
    '홍\u200b길동', // zero-width space
    '\u202e홍길동', // bidi override
    'a@b.c',
    '---',
    '😀',
  ])('reports %j as invalid_chars', (input) => {
    expect(normalizeName(input)).toEqual({ ok: false, reason: 'invalid_chars' });
  });
});

describe('maskName examples', () => {
  it.each([
    ['홍길동', '홍*동'],
    ['김철', '김*'],
    ['김', '*'],
    ['남궁민수', '남**수'],
    ['남궁 민수', '남* *수'],
    ['김 철', '김 *'],
    ['John Smith', 'J*** S****'],
    ['John F Kennedy', 'J*** * K******'],
    ['A B', 'A *'],
    ['J', '*'],
    ['Jo', 'J*'],
    ["O'Brien", 'O******'],
    ['Nguyễn Văn An', 'N***** V** A*'],
    ['王小明', '王**'],
  ])('masks %j as %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});

const hangul = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCodePoint(c));
const latin = fc.constantFrom(
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéüñ'.split(''),
);
const other = fc.constantFrom('王', '明', '𠀀', 'ж', 'λ', "'", '-', '.', '·');
const space = fc.constantFrom(' ', '  ', '\t', '\u3000');
const nameFrom = (...letters: fc.Arbitrary<string>[]) =>
  fc
    .array(
      fc.oneof({ weight: 5, arbitrary: fc.oneof(...letters) }, { weight: 1, arbitrary: space }),
      {
        minLength: 0,
        maxLength: 50,
      },
    )
    .map((parts) => parts.join(''));
/** Korean-only, Latin-only and mixed-script names, typed with untidy whitespace. */
const typedName = fc.oneof(
  nameFrom(hangul),
  nameFrom(latin, other),
  nameFrom(hangul, latin, other),
);
const validName = typedName
  .map(normalizeName)
  .filter((r) => r.ok)
  .map((r) => (r.ok ? r.name : ''));

describe('normalizeName properties', () => {
  it('is idempotent and produces a trimmed, collapsed, NFC name of 1..40 code points', () => {
    fc.assert(
      fc.property(typedName, (input) => {
        const r = normalizeName(input);
        if (!r.ok) return;
        expect(normalizeName(r.name)).toEqual(r);
        expect(r.name).toBe(r.name.trim());
        expect(r.name).not.toMatch(/\s{2}|[\t\n\u3000]/);
        expect(r.name).toBe(r.name.normalize('NFC'));
        expect(len(r.name)).toBeGreaterThanOrEqual(1);
        expect(len(r.name)).toBeLessThanOrEqual(NAME_MAX_LENGTH);
      }),
    );
  });

  it('rejects any name containing a control character or one of <>{}', () => {
    fc.assert(
      fc.property(
        validName,
        fc.constantFrom(
          '<',
          '>',
          '{',
          '}',
          '\u0000',
          '\u0007',
          '\u001b',
          '\u007f',
          '\u200b',
          '\u202e',
        ),
        fc.nat(),
        (name, bad, at) => {
          const chars = Array.from(name);
          const i = at % (chars.length + 1);
          const input = [...chars.slice(0, i), bad, ...chars.slice(i)].join('');
          expect(normalizeName(input).ok).toBe(false);
        },
      ),
    );
  });
});

describe('maskName properties', () => {
  it('preserves the length in code points', () => {
    fc.assert(
      fc.property(validName, (name) => {
        expect(len(maskName(name))).toBe(len(name));
      }),
    );
  });

  it('never returns the name unchanged once it has 2 or more code points, and keeps its first character', () => {
    fc.assert(
      fc.property(
        validName.filter((n) => len(n) >= 2),
        (name) => {
          const masked = maskName(name);
          expect(masked).not.toBe(name);
          expect(Array.from(masked)[0]).toBe(Array.from(name)[0]);
        },
      ),
    );
  });

  it('only ever shows characters of the name in their own position, stars or spaces elsewhere', () => {
    fc.assert(
      fc.property(validName, (name) => {
        const original = Array.from(name);
        Array.from(maskName(name)).forEach((c, i) => {
          expect(c === '*' || c === original[i]).toBe(true);
          expect(c === ' ').toBe(original[i] === ' ');
        });
      }),
    );
  });

  it('reveals at most two characters of a Hangul name and one per word otherwise', () => {
    fc.assert(
      fc.property(validName, (name) => {
        const shown = Array.from(maskName(name)).filter((c) => c !== '*' && c !== ' ').length;
        const limit = /\p{Script=Hangul}/u.test(name) ? 2 : name.split(' ').length;
        expect(shown).toBeLessThanOrEqual(limit);
        if (len(name.replaceAll(' ', '')) === 1) expect(shown).toBe(0);
      }),
    );
  });
});
