/**
 * Confirmation codes: 8 Crockford base32 symbols (40 bits) shown as 'XXXX-XXXX'. Crockford's
 * alphabet has no I, L, O or U, so a code read aloud over the phone or typed from a printout
 * survives the usual confusions, and 40 bits is plenty for a few thousand registrations a term
 * when lookups are rate limited.
 */
import { base32crockford } from '@scure/base';

/** Entropy of one confirmation code. */
export const CONFIRMATION_CODE_BITS = 40;

/** The 32 symbols a canonical code may contain. */
export const CONFIRMATION_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const CODE_BYTES = CONFIRMATION_CODE_BITS / 8;
const CODE_SYMBOLS = CONFIRMATION_CODE_BITS / 5;

const format = (symbols: string) => `${symbols.slice(0, 4)}-${symbols.slice(4)}`;

/** Encodes the first 5 of the caller's random bytes as 'XXXX-XXXX'; throws RangeError if fewer than 5 are given. */
export function generateConfirmationCode(random: Uint8Array): string {
  if (!(random instanceof Uint8Array) || random.length < CODE_BYTES) {
    throw new RangeError(`need at least ${CODE_BYTES} random bytes`);
  }
  // 5 bytes are exactly 8 base32 symbols, so every code is reachable and no bits are padding.
  return format(base32crockford.encode(random.subarray(0, CODE_BYTES)));
}

// Anything a resident or a keyboard-wedge scanner puts between symbols: ASCII and Unicode
// spaces, hyphen-minus, Unicode dashes and the minus sign.
const SEPARATORS = /[\s\p{Pd}\u2212]/gu;
const CODE_PARAM = /(?:^|[?&#;])code=([^&#]*)/i;

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The part of a scanned or pasted string that should hold the code: a `code=` value, else whatever follows the last '/' or '='. */
function extractCandidate(text: string): string {
  const param = CODE_PARAM.exec(text);
  if (param) return safeDecode(param[1] ?? '');
  if (!/[/=]/.test(text)) return text;
  const withoutQuery = text.replace(/[?#].*$/s, '').replace(/\/+$/, '');
  const cut = Math.max(withoutQuery.lastIndexOf('/'), withoutQuery.lastIndexOf('='));
  return safeDecode(withoutQuery.slice(cut + 1));
}

/**
 * Canonical 'XXXX-XXXX' for whatever was typed or scanned, or null if it is not exactly 8 valid symbols.
 * Tolerates case, spaces, dashes, Crockford's O→0 and I/L→1, full-width characters, and a QR URL
 * such as 'https://host/registrations/ABCD-EFGH' or '…?code=ABCD-EFGH'; rejects U and anything else.
 */
export function normalizeConfirmationCode(input: string): string | null {
  // NFKC folds full-width letters and digits, which a Korean IME produces in full-width mode.
  const text = input.normalize('NFKC').trim();
  const symbols = extractCandidate(text).replace(SEPARATORS, '');
  if (symbols.length !== CODE_SYMBOLS) return null;
  let canonical = '';
  for (const ch of symbols) {
    // Only ASCII is case-folded: toUpperCase() on e.g. 'ß' or 'ı' would invent symbols.
    const upper = ch >= 'a' && ch <= 'z' ? String.fromCharCode(ch.charCodeAt(0) - 32) : ch;
    const mapped = upper === 'O' ? '0' : upper === 'I' || upper === 'L' ? '1' : upper;
    if (!CONFIRMATION_CODE_ALPHABET.includes(mapped)) return null;
    canonical += mapped;
  }
  return format(canonical);
}
