/**
 * Korean mobile numbers. Residents type their number in every imaginable shape (hyphens, spaces,
 * +82, full-width digits from a Korean IME); we store one canonical E.164 string so that lookups at
 * the kiosk match what was typed on the web.
 */
// The `max` metadata is needed for getType(): the smaller default bundle cannot tell MOBILE from FIXED_LINE.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { DomainError } from './errors';

/** Result of normalising a typed phone number. */
export type NormalizedPhone =
  { ok: true; e164: string } | { ok: false; reason: 'empty' | 'invalid' | 'not_mobile' };

// Whatever is left after NFKC may only be digits, a leading '+', and separators people actually use.
const ALLOWED_CHARS = /^[+0-9\s.()\-\p{Pd}\u2212]+$/u;
const SEPARATORS = /[\s.()\-\p{Pd}\u2212]/gu;
const MAX_INPUT_LENGTH = 40;
const COMMON_010 = /^010[0-9]{8}$/;
const E164_010 = /^\+8210[0-9]{8}$/;

/**
 * The E.164 form of a Korean mobile number typed by a resident, or the refusal they are shown:
 * `not_mobile_phone` for a landline (a text message cannot reach it), `invalid_phone` otherwise.
 *
 * @example requireKrMobile('010-1234-5678') // '+821012345678'
 */
export function requireKrMobile(input: string): string {
  const phone = normalizeKrMobile(input);
  if (phone.ok) return phone.e164;
  throw new DomainError(phone.reason === 'not_mobile' ? 'not_mobile_phone' : 'invalid_phone');
}

/** Normalises any common way of writing a Korean mobile number to E.164 ('+821012345678'). */
export function normalizeKrMobile(input: string): NormalizedPhone {
  // NFKC folds full-width digits, '＋' and '－' (as typed with a Korean IME) to ASCII.
  const text = input.normalize('NFKC').trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (text.length > MAX_INPUT_LENGTH || !ALLOWED_CHARS.test(text))
    return { ok: false, reason: 'invalid' };
  const compact = text.replace(SEPARATORS, '');
  // Rejecting letters above and a misplaced '+' here keeps libphonenumber from "finding" a number
  // inside arbitrary text (e.g. '010-1234-5678 ext 9' or 'call 010…').
  if (!/^\+?[0-9]+$/.test(compact)) return { ok: false, reason: 'invalid' };
  // The two shapes nearly everyone types, decided without the metadata lookup: the result is
  // what the 010 rule below gives them (a registration parses its number on two threads).
  if (COMMON_010.test(compact)) return { ok: true, e164: `+82${compact.slice(1)}` };
  if (E164_010.test(compact)) return { ok: true, e164: compact };

  const parsed = parsePhoneNumberFromString(compact, 'KR');
  if (!parsed || parsed.countryCallingCode !== '82') return { ok: false, reason: 'invalid' };
  const national = parsed.nationalNumber;

  if (national.startsWith('10')) {
    // Every 010 number in service is 010-XXXX-XXXX. libphonenumber both accepts a 3-digit middle
    // group (so a number missing one digit would pass and the resident would never get our SMS)
    // and rejects a few real 4-digit blocks (e.g. 010-5970..010-5999), so 010 is decided here.
    return /^10[0-9]{8}$/.test(national)
      ? { ok: true, e164: `+82${national}` }
      : { ok: false, reason: 'invalid' };
  }
  if (!parsed.isValid()) return { ok: false, reason: 'invalid' };
  // Legacy 011/016/017/018/019 numbers are still MOBILE; landlines, 070 VoIP, 050x and 15xx are not.
  if (parsed.getType() !== 'MOBILE') return { ok: false, reason: 'not_mobile' };
  return { ok: true, e164: parsed.number };
}

function nationalGroups(e164: string): [string, string, string] {
  const result = normalizeKrMobile(e164);
  if (!result.ok || result.e164 !== e164) {
    throw new RangeError(`'${e164}' is not a normalised Korean mobile number`);
  }
  const national = `0${e164.slice(3)}`;
  if (national.length === 11)
    return [national.slice(0, 3), national.slice(3, 7), national.slice(7)];
  // Legacy 01X numbers with a 3-digit middle group (e.g. 011-234-5678).
  return [national.slice(0, 3), national.slice(3, 6), national.slice(6)];
}

/**
 * Whether a stored phone value is the placeholder left when a resident's number was destroyed
 * (retention or a deletion request): it is no number, and shows as nothing.
 */
export function isAnonymizedPhone(stored: string): boolean {
  return stored.startsWith('anonymized:');
}

/**
 * National display format with hyphens ('010-1234-5678'); '' for a destroyed number's
 * placeholder; throws RangeError for anything else that is not a normalised E.164 mobile.
 */
export function formatKrMobile(e164: string): string {
  if (isAnonymizedPhone(e164)) return '';
  return nationalGroups(e164).join('-');
}

/**
 * Display form for screens other people can see: middle group starred, last 4 digits kept
 * ('010-****-5678'); '' for a destroyed number's placeholder.
 */
export function maskPhone(e164: string): string {
  if (isAnonymizedPhone(e164)) return '';
  const [prefix, middle, last] = nationalGroups(e164);
  return `${prefix}-${'*'.repeat(middle.length)}-${last}`;
}

/**
 * A number as the resident typed it, shown back to them in the usual hyphenated form
 * ('01070701234' → '010-7070-1234'). Anything that is not a Korean mobile number is returned as
 * typed (trimmed), so the digits shown are always the ones the resident gave.
 */
export function formatTypedPhone(input: string): string {
  const phone = normalizeKrMobile(input);
  return phone.ok ? formatKrMobile(phone.e164) : input.trim();
}
