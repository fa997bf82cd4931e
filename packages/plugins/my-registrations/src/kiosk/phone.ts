/**
 * The phone number and the code as typed on the number pad: pure rules for what may be typed,
 * how it is shown, and when it is complete.
 */

/** A Korean mobile number has at most 11 digits (010-1234-5678). */
export const PHONE_MAX_DIGITS = 11;
/** The SMS code's length. */
export const CODE_DIGITS = 6;

export type PadAction =
  { type: 'digit'; digit: string } | { type: 'backspace' } | { type: 'clear' };

/** Applies one key to what is typed; anything but a digit, or one too many, changes nothing. */
export function reduceDigits(current: string, action: PadAction, max: number): string {
  switch (action.type) {
    case 'clear':
      return '';
    case 'backspace':
      return current.slice(0, -1);
    case 'digit':
      return /^\d$/.test(action.digit) && current.length < max ? current + action.digit : current;
  }
}

/**
 * Typed digits grouped as a Korean mobile number is written, while they are typed:
 * '010' → '010', '0101234' → '010-1234', '01012345678' → '010-1234-5678'; a 10-digit legacy
 * number (011-234-5678) keeps a 3-digit middle group.
 */
export function formatTypedPhone(digits: string): string {
  if (digits.length <= 3) return digits;
  const head = digits.slice(0, 3);
  const rest = digits.slice(3);
  if (digits.length <= 7) return `${head}-${rest}`;
  const middle = digits.length === 10 ? 3 : 4;
  return `${head}-${rest.slice(0, middle)}-${rest.slice(middle)}`;
}

/**
 * Whether the digits make a whole mobile number: 010 and eight digits, or a legacy 01X number with
 * seven or eight. The server checks the number properly; this only decides when "send" lights up.
 */
export function isPhoneComplete(digits: string): boolean {
  if (digits.startsWith('010')) return /^010\d{8}$/.test(digits);
  return /^01[16789]\d{7,8}$/.test(digits);
}
