/**
 * Text message sizes. Korean gateways send SMS and LMS in EUC-KR, where an ASCII character takes
 * one byte and a Hangul syllable (or any other character the encoding has) takes two. One LMS
 * (long message) holds 2,000 bytes.
 */

/** What one LMS holds, in EUC-KR bytes. */
export const LMS_MAX_BYTES = 2000;

/**
 * The size of a text in EUC-KR terms: 1 byte for each ASCII character, 2 for every other one
 * (Hangul, punctuation such as ‘’ or “”, a character outside the encoding counted as its
 * replacement would be).
 *
 * @example lmsBytes('확인 코드 AB12') // 14
 */
export function lmsBytes(text: string): number {
  let bytes = 0;
  for (const char of text) bytes += (char.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
  return bytes;
}
