/** What the wishes screen does with the shared on-screen keyboard: its words and the text rules. */
import { m } from '@seoro/i18n';
import { WISH_TEXT_MAX, WISH_TEXT_MIN } from '@seoro/domain';
import {
  hasLooseJamo,
  reduceKeyboardText,
  type HangulKeyboardLabels,
  type KeyboardAction,
} from '@seoro/ui/kiosk/keyboard-input';

/** Applies one key to the wish: at most `WISH_TEXT_MAX` characters, English in small letters. */
export function reduceWish(text: string, action: KeyboardAction): string {
  return reduceKeyboardText(text, action, { maxLength: WISH_TEXT_MAX });
}

/** Ready to send as typed: long enough, no jamo standing alone (half a letter). */
export function isWishReady(text: string): boolean {
  const trimmed = text.trim();
  return [...trimmed].length >= WISH_TEXT_MIN && !hasLooseJamo(trimmed);
}

/** The keyboard's words in the kiosk's language (the same words as at signup). */
export function keyboardLabels(locale: 'ko' | 'en'): HangulKeyboardLabels {
  const o = { locale };
  return {
    groupKo: m.kiosk_signup_keyboard_ko({}, o),
    groupEn: m.kiosk_signup_keyboard_en({}, o),
    shift: m.kiosk_signup_key_shift({}, o),
    shiftName: m.kiosk_signup_key_shift_name({}, o),
    backspace: m.kiosk_signup_key_backspace({}, o),
    backspaceName: m.kiosk_signup_key_backspace_name({}, o),
    hyphenName: m.kiosk_signup_key_hyphen_name({}, o),
    toEn: m.kiosk_signup_key_to_en({}, o),
    toKo: m.kiosk_signup_key_to_ko({}, o),
    space: m.kiosk_signup_key_space({}, o),
    clear: m.kiosk_signup_key_clear({}, o),
  };
}

/** The page to apply to teach, in the kiosk's language, on the site that serves this kiosk. */
export function teachUrl(origin: string, locale: 'ko' | 'en'): string {
  return `${origin.replace(/\/+$/, '')}${locale === 'en' ? '/en' : ''}/teach`;
}

/** Where a scroll area stands, for the screen's Up and Down buttons (a pixel of slack). */
export function scrollPosition(box: {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
}): { overflows: boolean; atTop: boolean; atBottom: boolean } {
  return {
    overflows: box.scrollHeight - box.clientHeight > 1,
    atTop: box.scrollTop <= 1,
    atBottom: box.scrollTop + box.clientHeight >= box.scrollHeight - 1,
  };
}
