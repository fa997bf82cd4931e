import { CONFIRMATION_CODE_ALPHABET } from '@seoro/domain';

/**
 * A strong password for someone to be given once: 20 symbols of Crockford's base32 (100 random
 * bits), lower case, in groups of five ("k7qp3-mwx9a-…") so it can be read out and typed.
 */
export function generateStaffPassword(random: (bytes: number) => Uint8Array): string {
  const alphabet = CONFIRMATION_CODE_ALPHABET.toLowerCase();
  const bytes = random(20);
  if (bytes.length < 20) throw new Error('random source returned too few bytes');
  // 256 is a multiple of 32, so each byte's low five bits are uniform.
  const symbols = [...bytes].map((b) => alphabet[b % 32]).join('');
  return symbols.match(/.{5}/g)?.join('-') ?? symbols;
}
