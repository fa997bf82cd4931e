import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = LibSQLDatabase<Schema>;
/** The handle a write transaction gets; same query API as `Db`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface DatabaseOptions {
  /** `file:./data/seoroseoro.db` (embedded) or `libsql://…` (a libSQL server). */
  url: string;
  authToken?: string;
  /** busy_timeout in ms, applied by the driver to every pooled connection. */
  busyTimeoutMs?: number;
}

interface PendingWrite {
  work: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Serialises async work: each call starts after the previous one settled. A failed task does not
 * break the chain.
 */
export function createWriteLock() {
  let tail: Promise<unknown> = Promise.resolve();
  return function withWriteLock<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** True when the error, or any error in its cause chain, is SQLite's "database is locked". */
export function isBusyError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 8; depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT') return true;
    if (/SQLITE_BUSY/.test(String((e as { message?: unknown }).message ?? ''))) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * The process's one door to the database.
 *
 * libSQL's embedded driver is synchronous underneath: two write transactions in one process make
 * the second busy-wait on the event loop and then fail with SQLITE_BUSY, and a connection that saw
 * SQLITE_BUSY can keep reading a stale snapshot. So every write goes through `write()`, which runs
 * one transaction at a time (BEGIN IMMEDIATE), and a client that reported SQLITE_BUSY is closed and
 * replaced rather than reused. Reads use `db` directly; WAL lets them run beside the writer.
 */
export class Database {
  readonly url: string;
  #options: DatabaseOptions;
  #client: Client;
  #db: Db;
  #lock = createWriteLock();
  #closed = false;
  #queue: PendingWrite[] = [];
  #draining = false;
  /** Most writes committed together; bounds how long the first of a batch waits. */
  #maxBatch = 64;
  #writes = 0;
  #commits = 0;

  private constructor(options: DatabaseOptions) {
    this.url = options.url;
    this.#options = options;
    this.#client = Database.#connect(options);
    this.#db = drizzle({ client: this.#client, schema });
  }

  static #connect(options: DatabaseOptions): Client {
    return createClient({
      url: options.url,
      authToken: options.authToken,
      timeout: options.busyTimeoutMs ?? 5000,
    });
  }

  /** Opens (creating the file and its folder if needed) and prepares a database. */
  static async open(options: DatabaseOptions): Promise<Database> {
    const path = localPath(options.url);
    if (path) mkdirSync(dirname(path), { recursive: true });
    const database = new Database(options);
    if (path) {
      // WAL is persistent in the file; readers then never block the writer nor each other.
      await database.#client.execute('PRAGMA journal_mode = WAL');
    }
    await database.#client.execute('PRAGMA foreign_keys = ON');
    return database;
  }

  /** Writes and commits so far: the batching at work (benchmarks report it). */
  get stats(): { writes: number; commits: number } {
    return { writes: this.#writes, commits: this.#commits };
  }

  /** Drizzle handle for reads. */
  get db(): Db {
    return this.#db;
  }

  /** The raw libSQL client (pragmas, health checks). */
  get client(): Client {
    return this.#client;
  }

  /**
   * Runs `work` in a write transaction, after every earlier write finished, and resolves once it is
   * committed. Rolls back `work`'s changes if it throws.
   *
   * Group commit: writes that queue up while one is running are drained together into a single
   * transaction (BEGIN IMMEDIATE … COMMIT), each in its own savepoint. A failing write rolls back
   * to its savepoint and fails alone; the others commit together, so one fsync serves the whole
   * batch. Nobody is answered before the COMMIT that holds their change has returned.
   *
   * On SQLITE_BUSY (another process held the lock past the busy timeout) the client is replaced
   * and the writes are retried one by one.
   */
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#draining) void this.#drain();
    });
  }

  async #drain() {
    this.#draining = true;
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0, this.#maxBatch);
        await this.#lock(() => this.#runBatch(batch));
      }
    } finally {
      this.#draining = false;
    }
  }

  async #runBatch(batch: PendingWrite[]) {
    this.#writes += batch.length;
    if (this.#closed) {
      for (const item of batch) item.reject(new Error('Database is closed'));
      return;
    }
    if (batch.length === 1) {
      const [item] = batch as [PendingWrite];
      try {
        item.resolve(await this.#transactWithRetry(item.work));
      } catch (error) {
        item.reject(error);
      }
      return;
    }
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      await this.#db.transaction(async (tx) => {
        for (const item of batch) {
          try {
            outcomes.push({ ok: true, value: await tx.transaction(item.work) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
      this.#commits += 1;
    } catch (error) {
      if (!isBusyError(error)) {
        for (const item of batch) item.reject(error);
        return;
      }
      // The batch did not commit: replace the client and give each write its own transaction.
      this.#replaceClient();
      for (const item of batch) {
        try {
          item.resolve(await this.#transactWithRetry(item.work));
        } catch (itemError) {
          item.reject(itemError);
        }
      }
      return;
    }
    for (const [i, item] of batch.entries()) {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    }
  }

  async #transactWithRetry<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await this.#db.transaction(work);
    } catch (error) {
      if (!isBusyError(error)) throw error;
      this.#replaceClient();
      result = await this.#db.transaction(work);
    }
    this.#commits += 1;
    return result;
  }

  #replaceClient() {
    const old = this.#client;
    this.#client = Database.#connect(this.#options);
    this.#db = drizzle({ client: this.#client, schema });
    old.close();
  }

  /** Applies the committed migrations (idempotent). */
  async migrate(migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
    await this.#lock(() => migrate(this.#db, { migrationsFolder }));
  }

  /** Waits for queued writes, then closes the connection. */
  async close(): Promise<void> {
    await this.#lock(async () => {
      this.#closed = true;
      this.#client.close();
    });
  }
}

function localPath(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  const rest = url.slice('file:'.length);
  if (rest === ':memory:' || rest === '') return null;
  return rest.startsWith('//') ? fileURLToPath(url) : rest;
}

/**
 * The committed migrations. Resolved through the package (not this file's URL) so it also holds
 * when this module is bundled into the server.
 */
export const MIGRATIONS_FOLDER = join(
  dirname(createRequire(import.meta.url).resolve('@seoro/db/package.json')),
  'drizzle',
);
