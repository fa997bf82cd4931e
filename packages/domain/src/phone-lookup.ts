/**
 * What a resident typed at the kiosk to find their own registration by phone: the last four
 * digits of their number, or the whole number. Pure, so the kiosk and the server agree on it.
 */
import { normalizeKrMobile } from './phone';

/** A phone lookup the server can run: a suffix to match, or one whole normalised number. */
export type PhoneLookup = { kind: 'last4'; last4: string } | { kind: 'full'; e164: string };

/** Digits shown as "last four": exactly this many. */
export const PHONE_LAST_DIGITS = 4;

/**
 * Reads the digits typed on the kiosk's number pad: four digits are the end of a number; a whole
 * Korean mobile number (010…) is that number; anything else is null (nothing to look up).
 *
 * @example parsePhoneLookup('5678') // { kind: 'last4', last4: '5678' }
 * @example parsePhoneLookup('01012345678') // { kind: 'full', e164: '+821012345678' }
 */
export function parsePhoneLookup(digits: string): PhoneLookup | null {
  if (!/^[0-9]+$/.test(digits)) return null;
  if (digits.length === PHONE_LAST_DIGITS) return { kind: 'last4', last4: digits };
  // A whole number starts with 01; a partly typed one must not be mistaken for a suffix.
  if (!digits.startsWith('01')) return null;
  const phone = normalizeKrMobile(digits);
  return phone.ok ? { kind: 'full', e164: phone.e164 } : null;
}

/**
 * Whether typed digits are worth looking up — four digits, or what has the shape of a whole
 * mobile number — without parsing the number. Browser code uses this so it never carries the
 * phone-number library; the server still parses with `parsePhoneLookup`.
 */
export function phoneLookupReady(digits: string): boolean {
  return /^(?:[0-9]{4}|01[016789][0-9]{7,8})$/.test(digits);
}

/** Whether a stored E.164 number is the one a lookup asks for. */
export function phoneMatchesLookup(e164: string, lookup: PhoneLookup): boolean {
  return lookup.kind === 'full' ? e164 === lookup.e164 : e164.endsWith(lookup.last4);
}

/** The most digits a kiosk's pad takes: a whole mobile number, 010 and eight more. */
export const PHONE_DIGITS_MAX = 11;
