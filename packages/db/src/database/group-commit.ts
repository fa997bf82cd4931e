import type { Tx } from './types';
import type { createWriteLock } from './write-lock';

/** A write waiting for its batch: the work, and how to answer whoever asked for it. */
export interface PendingWrite {
  work: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** What one write of a batch came to, kept until the batch has committed. */
export type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Answers each write of a committed batch with its own outcome. */
export function answerBatch(batch: PendingWrite[], outcomes: Outcome[]): void {
  for (const [i, item] of batch.entries()) {
    const outcome = outcomes[i]!;
    if (outcome.ok) item.resolve(outcome.value);
    else item.reject(outcome.error);
  }
}

/** Fails every write of a batch that did not commit. */
export function rejectBatch(batch: PendingWrite[], error: unknown): void {
  for (const item of batch) item.reject(error);
}

/**
 * Group commit: writes that arrive while a batch is running, or in the same turn of the event
 * loop, are handed to `runBatch` together, at most `maxBatch` at a time and one batch at a time
 * under `lock`. `runBatch` runs them in one transaction (each in its own savepoint) and answers
 * each write only once that transaction has committed, so one fsync serves the whole batch.
 */
export class WriteQueue {
  #queue: PendingWrite[] = [];
  #draining = false;
  #runBatch: (batch: PendingWrite[]) => Promise<void>;
  #lock: ReturnType<typeof createWriteLock>;
  /** Most writes committed together; bounds how long the last of a batch waits. */
  #maxBatch: number;

  constructor(
    runBatch: (batch: PendingWrite[]) => Promise<void>,
    lock: ReturnType<typeof createWriteLock>,
    maxBatch = 256,
  ) {
    this.#runBatch = runBatch;
    this.#lock = lock;
    this.#maxBatch = maxBatch;
  }

  /** True while writes are queued or a batch is running. */
  get busy(): boolean {
    return this.#draining || this.#queue.length > 0;
  }

  push<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#draining) {
        this.#draining = true;
        // After the current I/O callbacks: requests parsed in this turn join the same batch.
        setImmediate(() => void this.#drain());
      }
    });
  }

  async #drain() {
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0, this.#maxBatch);
        await this.#lock(() => this.#runBatch(batch));
      }
    } finally {
      this.#draining = false;
    }
  }
}
