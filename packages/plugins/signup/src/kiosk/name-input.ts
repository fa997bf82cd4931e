/**
 * The name being typed on the kiosk's on-screen keyboard (the shared Hangul keyboard of
 * `@seoro/ui`): at most `NAME_MAX_LENGTH` characters, English in capitals as on official forms.
 */
import { NAME_MAX_LENGTH } from '@seoro/domain';
import { m } from '@seoro/i18n';
import {
  hasLooseJamo,
  reduceKeyboardText,
  type HangulKeyboardLabels,
  type KeyboardAction,
} from '@seoro/ui/kiosk/keyboard-input';

export { actionForKey, hasLooseJamo } from '@seoro/ui/kiosk/keyboard-input';
export type NameAction = KeyboardAction;

/** Applies one key; anything that would make the name invalid or too long changes nothing. */
export function reduceName(name: string, action: NameAction): string {
  return reduceKeyboardText(name, action, { maxLength: NAME_MAX_LENGTH, upperCase: true });
}

/** Ready to go on: something typed, no loose jamo, no trailing space or hyphen. */
export function isNameComplete(name: string): boolean {
  const trimmed = name.trim();
  return trimmed !== '' && !hasLooseJamo(trimmed) && !trimmed.endsWith('-');
}

/** The on-screen keyboard's words in the kiosk's language. */
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
