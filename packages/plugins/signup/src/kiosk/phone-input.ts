/**
 * The mobile number typed on the kiosk's number pad: digits only, shown grouped as it is typed
 * (010-1234-5678). The server has the final word on the number; this only shapes the typing.
 */

/** A Korean mobile number has 11 digits (010) or 10 (old 011/016–019 numbers). */
export const PHONE_MAX_DIGITS = 11;

export type PhoneAction =
  { type: 'digit'; digit: string } | { type: 'backspace' } | { type: 'clear' };

export function reducePhone(digits: string, action: PhoneAction): string {
  switch (action.type) {
    case 'digit':
      if (!/^[0-9]$/.test(action.digit) || digits.length >= PHONE_MAX_DIGITS) return digits;
      return digits + action.digit;
    case 'backspace':
      return digits.slice(0, -1);
    case 'clear':
      return '';
  }
}

/**
 * '01012345678' → '010-1234-5678' as it is typed ('0101' → '010-1'); a 10-digit old number
 * ('0111234567') is grouped 3-3-4.
 */
export function formatTypedPhone(digits: string): string {
  if (digits.length <= 3) return digits;
  const middle = digits.length === 10 && !digits.startsWith('010') ? 3 : 4;
  const a = digits.slice(0, 3);
  const b = digits.slice(3, 3 + middle);
  const c = digits.slice(3 + middle);
  return c === '' ? `${a}-${b}` : `${a}-${b}-${c}`;
}

/** Worth sending: 010 and eight digits, or an old 01X number with seven or eight. */
export function isPhoneComplete(digits: string): boolean {
  return /^010[0-9]{8}$/.test(digits) || /^01[16789][0-9]{7,8}$/.test(digits);
}
