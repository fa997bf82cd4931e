import { randomFillSync } from 'node:crypto';

/**
 * Cryptographic random bytes served from a 4 KiB pool refilled from the system's generator: the
 * same bytes a call per code would give (each used once), without a call into OpenSSL per
 * confirmation code, which costs more than the rest of drawing one.
 */
export function pooledRandomBytes(poolSize = 4096): (bytes: number) => Uint8Array {
  const pool = new Uint8Array(poolSize);
  let offset = pool.length;
  return (bytes) => {
    if (bytes > pool.length) return randomFillSync(new Uint8Array(bytes));
    if (offset + bytes > pool.length) {
      randomFillSync(pool);
      offset = 0;
    }
    const out = pool.slice(offset, offset + bytes);
    offset += bytes;
    return out;
  };
}
