import { v7 } from 'uuid';
import { pooledRandomBytes } from './random';

const random = pooledRandomBytes();
/** The last id's millisecond and counter: ids made within one millisecond count up from it. */
let lastMs = -Infinity;
let counter = 0;

/**
 * A new row id: a UUIDv7 (RFC 9562), the creation time in milliseconds followed by 74 random bits.
 * Ids made one after another sort together, so a busy table's primary-key index grows at its end
 * instead of at a random page per insert: a batch of registrations dirties a few index pages, not
 * one each. The time an id was made is visible in it; nothing that must stay secret is an id.
 *
 * The random bits come from the pooled generator: `uuid`'s own draws 16 bytes from WebCrypto per
 * id, which cost more than the rest of a registration's ids together. Within one millisecond the
 * 31-bit counter (random start, RFC 9562 method 1) keeps ids in the order they were made.
 */
export function newId(): string {
  const bytes = random(16);
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    counter = ((bytes[6]! & 0x7f) << 24) | (bytes[7]! << 16) | (bytes[8]! << 8) | bytes[9]!;
  } else {
    counter = (counter + 1) | 0;
    // The counter ran over: borrow the next millisecond, as RFC 9562 allows.
    if (counter < 0) {
      lastMs += 1;
      counter = 0;
    }
  }
  return v7({ random: bytes, msecs: lastMs, seq: counter });
}
