import { generateConfirmationCode, normalizeConfirmationCode } from '@seoro/domain';
import { newSessionToken, sha256Hex } from '../resident-auth/secrets';

/** How long a pairing code works after it is made. */
export const KIOSK_PAIRING_CODE_TTL_MS = 10 * 60_000;

/**
 * A new pairing code: 8 symbols of Crockford's base32 (no I, L, O or U) from the CSPRNG, shown
 * grouped as 'K7QP-3MWX'. 40 bits, used once within 10 minutes, is plenty for a code typed at a
 * kiosk by the person standing next to it; only its hash is stored.
 */
export function newKioskPairingCode(random: (bytes: number) => Uint8Array): string {
  return generateConfirmationCode(random(5));
}

/**
 * The stored form of a pairing code as typed (any case, spaces or dashes, O for 0): the SHA-256 of
 * its canonical form, or null when it cannot be a code at all.
 */
export function kioskPairingCodeHash(typed: string): string | null {
  const code = normalizeConfirmationCode(typed);
  return code ? sha256Hex(`kiosk-pairing:${code}`) : null;
}

/** A kiosk's device token: 32 random bytes (256 bits), base64url. Only its hash is stored. */
export const newKioskToken = newSessionToken;

/** The stored form of a kiosk's device token. */
export const kioskTokenHash = (token: string) => sha256Hex(`kiosk-token:${token}`);
