/**
 * The confirmation code being typed on the kiosk, as a pure reducer so the keypad, a physical
 * keyboard and the tests all go through the same rules.
 */
import { CONFIRMATION_CODE_ALPHABET, normalizeConfirmationCode } from '@seoro/domain';

/** A code has 8 symbols, shown as two groups of 4 (XXXX-XXXX). */
export const CODE_LENGTH = 8;

/** Keys on the digits block, in the phone-keypad order older residents know (1-2-3 / … / 0). */
export const DIGIT_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;

/** Letters in alphabetical order; I, L, O and U never appear in a code, so they get no key. */
export const LETTER_KEYS = [...CONFIRMATION_CODE_ALPHABET].filter((c) => c >= 'A' && c <= 'Z');

export type CodeAction =
  { type: 'append'; char: string } | { type: 'backspace' } | { type: 'clear' };

/**
 * The code symbol a key stands for, or null if it is not one. Case is ignored, and Crockford's
 * look-alikes are folded the way the server folds them (O→0, I/L→1), so a resident typing the
 * letter O on a keyboard still gets the zero printed on their confirmation.
 */
export function toCodeSymbol(key: string): string | null {
  if (key.length !== 1) return null;
  const upper = key >= 'a' && key <= 'z' ? key.toUpperCase() : key;
  const mapped = upper === 'O' ? '0' : upper === 'I' || upper === 'L' ? '1' : upper;
  return CONFIRMATION_CODE_ALPHABET.includes(mapped) ? mapped : null;
}

/** Applies one keypad action; anything that is not a code symbol, or beyond 8 symbols, changes nothing. */
export function reduceCode(code: string, action: CodeAction): string {
  switch (action.type) {
    case 'append': {
      const symbol = toCodeSymbol(action.char);
      if (symbol === null || code.length >= CODE_LENGTH) return code;
      return code + symbol;
    }
    case 'backspace':
      return code.slice(0, -1);
    case 'clear':
      return '';
  }
}

/** True once all 8 symbols are there. */
export const isCodeComplete = (code: string): boolean => code.length === CODE_LENGTH;

/** 'ABCDEFGH' → 'ABCD-EFGH' (partial codes keep the dash only once the second group starts). */
export function formatCode(code: string): string {
  return code.length > 4 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/**
 * Whether a scanned string is plausibly a check-in code: a bare code or a link ending in one
 * (…/registrations/7KQ2-M9XD). The server has the final word; this only decides who gets the scan.
 */
export function looksLikeCheckinScan(text: string): boolean {
  return normalizeConfirmationCode(text) !== null;
}
