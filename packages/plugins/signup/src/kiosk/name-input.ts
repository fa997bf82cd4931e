/**
 * The name being typed on the kiosk's on-screen keyboard, as a pure reducer. Hangul is composed
 * the way a 두벌식 keyboard does it (ㅎ ㅗ ㅇ → 홍) by es-hangul, and backspace takes away the last
 * jamo (홍 → 호), so the keys, the tests and a physical keyboard all share one set of rules.
 */
import { assemble, removeLastCharacter } from 'es-hangul';
import { NAME_MAX_LENGTH } from '@seoro/domain';

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

export type NameAction =
  | { type: 'jamo'; jamo: string }
  | { type: 'letter'; letter: string }
  | { type: 'space' }
  | { type: 'hyphen' }
  | { type: 'backspace' }
  | { type: 'clear' };

const JAMO = /^[\u3131-\u3163]$/u;
const LETTER = /^[A-Za-z]$/;
const length = (s: string) => Array.from(s).length;

/** Applies one key; anything that would make the name invalid or too long changes nothing. */
export function reduceName(name: string, action: NameAction): string {
  switch (action.type) {
    case 'jamo': {
      if (!JAMO.test(action.jamo)) return name;
      const next = composeJamo(name, action.jamo);
      return length(next) > NAME_MAX_LENGTH ? name : next;
    }
    case 'letter':
      if (!LETTER.test(action.letter) || length(name) >= NAME_MAX_LENGTH) return name;
      return name + action.letter.toUpperCase();
    case 'space':
      // Never first, never two in a row: the server would collapse them anyway.
      if (name === '' || name.endsWith(' ') || length(name) >= NAME_MAX_LENGTH) return name;
      return `${name} `;
    case 'hyphen':
      if (name === '' || /[ -]$/.test(name) || length(name) >= NAME_MAX_LENGTH) return name;
      return `${name}-`;
    case 'backspace':
      return name === '' ? '' : removeLastCharacter(name);
    case 'clear':
      return '';
  }
}

/** The name with one more jamo, composed into the last syllable where Hangul allows it. */
function composeJamo(name: string, jamo: string): string {
  try {
    return assemble([name, jamo]);
  } catch {
    // es-hangul refuses what it cannot compose; the jamo then simply follows.
    return name + jamo;
  }
}

/** A jamo standing alone (ㅎ, ㅏ) is half a letter: the name is not finished while it has one. */
export function hasLooseJamo(name: string): boolean {
  return /[\u3131-\u3163]/u.test(name);
}

/** Ready to go on: something typed, no loose jamo, no trailing space or hyphen. */
export function isNameComplete(name: string): boolean {
  const trimmed = name.trim();
  return trimmed !== '' && !hasLooseJamo(trimmed) && !trimmed.endsWith('-');
}

/** Maps a physical key to an action on the English layout, or null (Korean comes from the keys). */
export function actionForKey(key: string): NameAction | null {
  if (key === 'Backspace') return { type: 'backspace' };
  if (key === ' ') return { type: 'space' };
  if (key === '-') return { type: 'hyphen' };
  if (LETTER.test(key)) return { type: 'letter', letter: key };
  if (JAMO.test(key)) return { type: 'jamo', jamo: key };
  return null;
}
