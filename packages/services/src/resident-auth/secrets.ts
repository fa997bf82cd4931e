import { createHash, timingSafeEqual } from 'node:crypto';

/** Hex SHA-256 of a UTF-8 string. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Compares two hex digests in time that does not depend on where they differ. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

// The largest multiple of 10^6 below 2^32: values at or above it would make low codes likelier.
const UNBIASED_LIMIT = Math.floor(2 ** 32 / 1_000_000) * 1_000_000;

/**
 * Six decimal digits, uniformly distributed: 32 random bits, redrawn (rejection sampling) when they
 * fall in the short last stretch that would favour some codes.
 *
 * @example randomSixDigits((n) => crypto.getRandomValues(new Uint8Array(n))) // '048213'
 */
export function randomSixDigits(random: (bytes: number) => Uint8Array): string {
  for (let attempt = 0; attempt < 64; attempt++) {
    const bytes = random(4);
    if (bytes.length < 4) throw new Error('random source returned too few bytes');
    const value = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
    if (value < UNBIASED_LIMIT) return String(value % 1_000_000).padStart(6, '0');
  }
  // 64 rejections in a row has odds of about 10^-180: the random source is broken.
  throw new Error('random source keeps returning out-of-range values');
}

/** A session token: 32 random bytes, base64url (43 characters, no padding). */
export function newSessionToken(random: (bytes: number) => Uint8Array): string {
  const bytes = random(32);
  if (bytes.length < 32) throw new Error('random source returned too few bytes');
  return Buffer.from(bytes).toString('base64url');
}

/** What a session token looks like; anything else is not looked up at all. */
export const SESSION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
