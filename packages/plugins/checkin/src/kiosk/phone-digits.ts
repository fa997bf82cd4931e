/** The phone digits being typed on the kiosk, as a pure reducer (keypad and keyboard alike). */
import { PHONE_DIGITS_MAX, phoneLookupReady } from '@seoro/domain';

export type DigitsAction =
  { type: 'append'; digit: string } | { type: 'backspace' } | { type: 'clear' };

/** Applies one key; anything but a digit, or a digit past a whole number, changes nothing. */
export function reduceDigits(digits: string, action: DigitsAction): string {
  switch (action.type) {
    case 'append':
      if (!/^[0-9]$/.test(action.digit) || digits.length >= PHONE_DIGITS_MAX) return digits;
      return digits + action.digit;
    case 'backspace':
      return digits.slice(0, -1);
    case 'clear':
      return '';
  }
}

/** True when the digits can be looked up: four, or a whole mobile number. */
export const canLookUp = (digits: string): boolean => phoneLookupReady(digits);

/** True once no more digits fit. */
export const digitsFull = (digits: string): boolean => digits.length >= PHONE_DIGITS_MAX;

/** '01012345678' → '010-1234-5678'; shorter inputs are grouped as they grow ('0101234' → '010-1234'). */
export function formatDigits(digits: string): string {
  if (digits.length <= 4 || !digits.startsWith('0')) return digits;
  if (digits.length <= 7) return `${digits.slice(0, 3)}-${digits.slice(3)}`;
  const middle = digits.length === 10 ? 3 : 4;
  return `${digits.slice(0, 3)}-${digits.slice(3, 3 + middle)}-${digits.slice(3 + middle)}`;
}
