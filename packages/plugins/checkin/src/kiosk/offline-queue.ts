/**
 * Check-ins the kiosk took while it could not reach the server, kept in IndexedDB until the server
 * has answered each one. An item holds the confirmation code, how it was entered, the tap's time
 * and the key made at the tap — nothing else about the person.
 *
 * Exactly once: an item is written (durably) before the screen says "saved", and deleted only
 * after the server answered it; the server writes a key once however often it arrives, so a
 * power cut between the answer and the delete only means one harmless repeat.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CheckInMethod } from './types';

/** One check-in kept on the device. */
export interface QueuedCheckIn {
  /** Made at the tap (a UUID); the server writes one row per key. */
  key: string;
  /** The normalised confirmation code (XXXX-XXXX). */
  code: string;
  method: CheckInMethod;
  /** When the person tapped (ISO instant); the server judges the check-in at this time. */
  takenAt: string;
}

/**
 * What the server said to one item: `sent` (checked in, or it already was), `refused` (a definite
 * no, such as an unknown code: sending it again would get the same), or `retry` (no answer, or
 * none that settles it: keep the item and stop until the next flush).
 */
export type SendOutcome = 'sent' | 'refused' | 'retry';

export interface FlushReport {
  sent: number;
  refused: number;
  /** True when the flush stopped at an item it has to try again later. */
  stopped: boolean;
}

/** Counts kept beside the items, for staff: how many queued check-ins the server refused. */
export interface QueueStats {
  refused: number;
  /** The domain code of the last refusal, if the server gave one. */
  lastRefusal: string | null;
}

interface QueueSchema extends DBSchema {
  items: { key: string; value: QueuedCheckIn; indexes: { byTakenAt: [string, string] } };
  stats: { key: 'stats'; value: QueueStats };
}

export const QUEUE_DB_NAME = 'seoro-checkin-offline';

export interface OfflineQueue {
  /** Keeps a check-in; resolves once it is on disk, so only then may the screen say "saved". */
  add(item: QueuedCheckIn): Promise<void>;
  /** How many check-ins wait to be sent. */
  pending(): Promise<number>;
  /** Waiting check-ins, oldest tap first. */
  list(): Promise<QueuedCheckIn[]>;
  stats(): Promise<QueueStats>;
  /**
   * Sends waiting check-ins oldest first, one at a time, deleting each once `send` settled it, and
   * stops at the first `retry`. Calls while a flush runs join that flush rather than start another.
   */
  flush(
    send: (item: QueuedCheckIn) => Promise<{ outcome: SendOutcome; reason?: string | null }>,
  ): Promise<FlushReport>;
  close(): Promise<void>;
}

export function createOfflineQueue(name: string = QUEUE_DB_NAME): OfflineQueue {
  let opened: Promise<IDBPDatabase<QueueSchema>> | null = null;
  let inFlight: Promise<FlushReport> | null = null;

  const db = () =>
    (opened ??= openDB<QueueSchema>(name, 1, {
      upgrade(database) {
        const items = database.createObjectStore('items', { keyPath: 'key' });
        items.createIndex('byTakenAt', ['takenAt', 'key']);
        database.createObjectStore('stats');
      },
      // Another copy of the kiosk wants a newer schema: let it, and open again next time.
      blocking() {
        void opened?.then((d) => d.close());
        opened = null;
      },
    }));

  async function oldest(): Promise<QueuedCheckIn | undefined> {
    const cursor = await (await db()).transaction('items').store.index('byTakenAt').openCursor();
    return cursor?.value;
  }

  async function settle(key: string, refusedReason: string | null | false): Promise<void> {
    const tx = (await db()).transaction(['items', 'stats'], 'readwrite', { durability: 'strict' });
    await tx.objectStore('items').delete(key);
    if (refusedReason !== false) {
      const stats = tx.objectStore('stats');
      const now = (await stats.get('stats')) ?? { refused: 0, lastRefusal: null };
      await stats.put({ refused: now.refused + 1, lastRefusal: refusedReason }, 'stats');
    }
    await tx.done;
  }

  async function run(send: Parameters<OfflineQueue['flush']>[0]): Promise<FlushReport> {
    const report: FlushReport = { sent: 0, refused: 0, stopped: false };
    // Read afresh each time: items the screen adds meanwhile are sent in tap order too.
    for (let item = await oldest(); item; item = await oldest()) {
      let answer: Awaited<ReturnType<typeof send>>;
      try {
        answer = await send(item);
      } catch {
        answer = { outcome: 'retry' };
      }
      if (answer.outcome === 'retry') {
        report.stopped = true;
        break;
      }
      await settle(item.key, answer.outcome === 'refused' ? (answer.reason ?? null) : false);
      if (answer.outcome === 'sent') report.sent++;
      else report.refused++;
    }
    return report;
  }

  return {
    async add(item) {
      const tx = (await db()).transaction('items', 'readwrite', { durability: 'strict' });
      await tx.store.put(item);
      await tx.done;
    },
    async pending() {
      return (await db()).count('items');
    },
    async list() {
      return (await db()).getAllFromIndex('items', 'byTakenAt');
    },
    async stats() {
      return (await (await db()).get('stats', 'stats')) ?? { refused: 0, lastRefusal: null };
    },
    flush(send) {
      inFlight ??= run(send).finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
    async close() {
      await inFlight?.catch(() => undefined);
      const d = await opened;
      opened = null;
      d?.close();
    },
  };
}
