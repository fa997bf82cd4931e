import { v7 } from 'uuid';

/**
 * A new row id: a UUIDv7 (RFC 9562), the creation time in milliseconds followed by 74 random bits.
 * Ids made one after another sort together, so a busy table's primary-key index grows at its end
 * instead of at a random page per insert: a batch of registrations dirties a few index pages, not
 * one each. The time an id was made is visible in it; nothing that must stay secret is an id.
 */
export function newId(): string {
  return v7();
}
