/**
 * Text typed on the kiosk's on-screen keyboard, as a pure reducer. Hangul is composed the way a
 * 두벌식 keyboard does it (ㅎ ㅗ ㅇ → 홍) by es-hangul, and backspace takes away the last jamo
 * (홍 → 호), so the keys, the tests and a physical keyboard all share one set of rules. Used for a
 * name at signup and for a wish.
 */
import { assemble, removeLastCharacter } from 'es-hangul';

/** The 두벌식 layout: consonants on the left, vowels on the right, as on every Korean keyboard. */
export const HANGUL_ROWS: readonly (readonly string[])[] = [
  ['ㅂ', 'ㅈ', 'ㄷ', 'ㄱ', 'ㅅ', 'ㅛ', 'ㅕ', 'ㅑ', 'ㅐ', 'ㅔ'],
  ['ㅁ', 'ㄴ', 'ㅇ', 'ㄹ', 'ㅎ', 'ㅗ', 'ㅓ', 'ㅏ', 'ㅣ'],
  ['ㅋ', 'ㅌ', 'ㅊ', 'ㅍ', 'ㅠ', 'ㅜ', 'ㅡ'],
];

/** What shift turns a key into (ㄲㄸㅃㅆㅉ and ㅒㅖ); other keys stay as they are. */
export const SHIFTED: Readonly<Record<string, string>> = {
  ㅂ: 'ㅃ',
  ㅈ: 'ㅉ',
  ㄷ: 'ㄸ',
  ㄱ: 'ㄲ',
  ㅅ: 'ㅆ',
  ㅐ: 'ㅒ',
  ㅔ: 'ㅖ',
};

/** The English layout in QWERTY order, capitals only (as names are written on official forms). */
export const ENGLISH_ROWS: readonly (readonly string[])[] = [
  ['Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P'],
  ['A', 'S', 'D', 'F', 'G', 'H', 'J', 'K', 'L'],
  ['Z', 'X', 'C', 'V', 'B', 'N', 'M'],
];

export type KeyboardAction =
  | { type: 'jamo'; jamo: string }
  | { type: 'letter'; letter: string }
  | { type: 'space' }
  | { type: 'hyphen' }
  | { type: 'backspace' }
  | { type: 'clear' };

/** The keyboard's words in the screen's language. */
export interface HangulKeyboardLabels {
  /** The group's accessible name with each layout. */
  groupKo: string;
  groupEn: string;
  shift: string;
  shiftName: string;
  backspace: string;
  backspaceName: string;
  hyphenName: string;
  toEn: string;
  toKo: string;
  space: string;
  clear: string;
}

/** How much may be typed, and whether English letters are capitals (names on forms) or small. */
export interface KeyboardTextRules {
  maxLength: number;
  upperCase?: boolean;
}

const JAMO = /^[\u3131-\u3163]$/u;
const LETTER = /^[A-Za-z]$/;
const length = (s: string) => Array.from(s).length;

/** Applies one key; anything that would make the text invalid or too long changes nothing. */
export function reduceKeyboardText(
  text: string,
  action: KeyboardAction,
  rules: KeyboardTextRules,
): string {
  const max = rules.maxLength;
  switch (action.type) {
    case 'jamo': {
      if (!JAMO.test(action.jamo)) return text;
      const next = composeJamo(text, action.jamo);
      return length(next) > max ? text : next;
    }
    case 'letter':
      if (!LETTER.test(action.letter) || length(text) >= max) return text;
      return text + (rules.upperCase ? action.letter.toUpperCase() : action.letter.toLowerCase());
    case 'space':
      // Never first, never two in a row: the server would collapse them anyway.
      if (text === '' || text.endsWith(' ') || length(text) >= max) return text;
      return `${text} `;
    case 'hyphen':
      if (text === '' || /[ -]$/.test(text) || length(text) >= max) return text;
      return `${text}-`;
    case 'backspace':
      return text === '' ? '' : removeLastCharacter(text);
    case 'clear':
      return '';
  }
}

/** The text with one more jamo, composed into the last syllable where Hangul allows it. */
function composeJamo(text: string, jamo: string): string {
  try {
    return assemble([text, jamo]);
  } catch {
    // es-hangul refuses what it cannot compose; the jamo then simply follows.
    return text + jamo;
  }
}

/** A jamo standing alone (ㅎ, ㅏ) is half a letter: the text is not finished while it has one. */
export function hasLooseJamo(text: string): boolean {
  return /[\u3131-\u3163]/u.test(text);
}

/** Maps a physical key to an action on the English layout, or null (Korean comes from the keys). */
export function actionForKey(key: string): KeyboardAction | null {
  if (key === 'Backspace') return { type: 'backspace' };
  if (key === ' ') return { type: 'space' };
  if (key === '-') return { type: 'hyphen' };
  if (LETTER.test(key)) return { type: 'letter', letter: key };
  if (JAMO.test(key)) return { type: 'jamo', jamo: key };
  return null;
}
