/**
 * Resident names: one normalisation for storage and lookup, one masking function for every screen
 * other people can see (kiosk confirmation, waitlist, attendance sheet shown to instructors).
 */

/** Result of validating a typed name. */
export type NormalizedName =
  { ok: true; name: string } | { ok: false; reason: 'empty' | 'too_long' | 'invalid_chars' };

/** Longest accepted name, counted in code points so a Hangul syllable or an astral character is 1. */
export const NAME_MAX_LENGTH = 40;

// An allow-list rather than a deny-list: names are printed on the attendance sheet and read aloud,
// so letters (any script), combining marks, spaces, and the punctuation real names use
// (O'Brien, Jean-Luc, St. John, 존·스미스) are enough. Digits, symbols, <>{} and all control and
// format characters (zero-width spaces, bidi overrides) are rejected.
const ALLOWED = /^[\p{L}\p{M} '\u2019\-\u2010.\u00b7\u30fb]+$/u;
const HAS_LETTER = /\p{L}/u;
const HANGUL = /\p{Script=Hangul}/u;

/** NFC-normalises, trims and collapses whitespace, then checks length (1..40 code points) and characters. */
export function normalizeName(input: string): NormalizedName {
  // NFC so a name typed on macOS (decomposed jamo) equals the same name typed on Windows.
  // Tabs and newlines are whitespace: they collapse to one space rather than being rejected.
  const name = input.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (name === '') return { ok: false, reason: 'empty' };
  if (Array.from(name).length > NAME_MAX_LENGTH) return { ok: false, reason: 'too_long' };
  if (!ALLOWED.test(name) || !HAS_LETTER.test(name)) return { ok: false, reason: 'invalid_chars' };
  return { ok: true, name };
}

const isSpace = (c: string) => c === ' ';

/**
 * Masks a normalised name for display to others, preserving its length in code points:
 * Hangul names keep the first and (from 3 letters) last letter ('홍길동' → '홍*동', '김철' → '김*');
 * other names keep the first letter of each word ('John Smith' → 'J*** S****'); one letter → '*'.
 */
export function maskName(name: string): string {
  const chars = Array.from(name);
  return (HANGUL.test(name) ? maskHangul(chars) : maskWords(chars)).join('');
}

function maskHangul(chars: string[]): string[] {
  const letters = chars.flatMap((c, i) => (isSpace(c) ? [] : [i]));
  const first = letters[0];
  // With two letters, showing the last one too would reveal the whole name.
  const last = letters.length >= 3 ? letters[letters.length - 1] : undefined;
  return chars.map((c, i) => {
    if (isSpace(c)) return c;
    if (letters.length >= 2 && (i === first || i === last)) return c;
    return '*';
  });
}

function maskWords(chars: string[]): string[] {
  const letters = chars.filter((c) => !isSpace(c)).length;
  const out: string[] = [];
  let wordNo = 0;
  for (let i = 0; i < chars.length;) {
    if (isSpace(chars[i] ?? '')) {
      out.push(' ');
      i++;
      continue;
    }
    let end = i;
    while (end < chars.length && !isSpace(chars[end] ?? ' ')) end++;
    // A lone initial after the first word ('A B') is starred too, or the name would show in full.
    const keepFirst = letters >= 2 && (wordNo === 0 || end - i >= 2);
    for (let k = i; k < end; k++) out.push(k === i && keepFirst ? (chars[k] ?? '*') : '*');
    wordNo++;
    i = end;
  }
  return out;
}
