import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@libsql/client';
import { ClientConnection } from './database/client-writer';
import { WriteQueue, rejectBatch, type PendingWrite } from './database/group-commit';
import { applyMigrations, MIGRATIONS_FOLDER } from './database/migrations';
import { EmbeddedReader } from './database/sync-reader';
import { EmbeddedWriter } from './database/sync-writer';
import type { Db, Tx } from './database/types';
import { createWriteLock } from './database/write-lock';

export type { Db, Schema, Tx } from './database/types';
export { createWriteLock } from './database/write-lock';
export { isBusyError } from './database/busy';
export { MIGRATIONS_FOLDER } from './database/migrations';

export interface DatabaseOptions {
  /** `file:./data/seoroseoro.db` (embedded) or `libsql://…` (a libSQL server). */
  url: string;
  authToken?: string;
  /** busy_timeout in ms: how long a write waits for another process's lock. */
  busyTimeoutMs?: number;
  /**
   * False for a handle that only reads, because this process writes elsewhere (the server's writer
   * thread): `write()` and `migrate()` then refuse instead of opening a second writer.
   */
  writes?: boolean;
  /**
   * True for a thread that does nothing but write (the server's writer thread): COMMIT, and the
   * fsync it waits for, then run on that thread. Handing it to libSQL's own thread and back keeps
   * an event loop free during the fsync but costs more CPU than the wait (about 150 µs a commit
   * here). Default false: a thread that also serves requests commits off its event loop.
   */
  commitInThread?: boolean;
  /**
   * Fault injection, for the test that proves the registration rush check can fail: `false` runs
   * each write straight on the writer connection as it arrives, beside every other write and in no
   * transaction (each statement commits alone), as if the single-writer queue and its lock did not
   * exist. Never false in the product.
   */
  serializeWrites?: boolean;
  /**
   * False reads an embedded file through the libSQL client, as a libSQL server is read, instead of
   * the synchronous reader with prepared statements (the benchmark's comparison). Default true.
   */
  embeddedReads?: boolean;
}

/**
 * The process's one door to the database.
 *
 * Every write goes through `write()`: one writer runs one transaction at a time (BEGIN IMMEDIATE),
 * so two writes of this process never meet on the file lock. Reads use `db` (the libSQL client);
 * WAL lets them run beside the writer and they never see uncommitted work.
 *
 * For an embedded file the writer is its own synchronous libSQL connection with prepared
 * statements kept per SQL text (`EmbeddedWriter`): a registration is a dozen bound statements, not
 * a dozen parses and promise round trips. For a libSQL server (`libsql://`) writes go through the
 * client's transactions instead (`ClientConnection`).
 */
export class Database {
  readonly url: string;
  #options: DatabaseOptions;
  #connection: ClientConnection;
  #writer: EmbeddedWriter | null = null;
  #reader: EmbeddedReader | null = null;
  /** Writes this handle committed (for `changeMark` where there is no data_version to read). */
  #committed = 0;
  #lock = createWriteLock();
  #queue = new WriteQueue((batch) => this.#runBatch(batch), this.#lock);
  #closed = false;
  #writes = 0;

  private constructor(options: DatabaseOptions) {
    this.url = options.url;
    this.#options = options;
    this.#connection = new ClientConnection({
      url: options.url,
      authToken: options.authToken,
      busyTimeoutMs: options.busyTimeoutMs ?? 5000,
    });
  }

  /** Opens (creating the file and its folder if needed) and prepares a database. */
  static async open(options: DatabaseOptions): Promise<Database> {
    const path = localPath(options.url);
    if (path) mkdirSync(dirname(path), { recursive: true });
    const database = new Database(options);
    if (path && options.embeddedReads !== false) {
      // The file must exist (and be in WAL mode) before a query-only connection opens it.
      await database.#connection.client.execute('select 1');
      database.#reader = new EmbeddedReader(path, options.busyTimeoutMs ?? 5000);
    }
    if (options.writes === false) return database;
    if (path) {
      database.#writer = new EmbeddedWriter(
        path,
        options.busyTimeoutMs ?? 5000,
        options.commitInThread ?? false,
      );
    } else {
      await database.#connection.client.execute('PRAGMA foreign_keys = ON');
    }
    return database;
  }

  /** Writes and commits so far: the batching at work (benchmarks report it). */
  get stats(): { writes: number; commits: number } {
    return { writes: this.#writes, commits: (this.#writer ?? this.#connection).commits };
  }

  /** The writer's `synchronous` mode (0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA), null for a server. */
  get synchronous(): 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA' | null {
    if (!this.#writer) return null;
    const mode = Number(this.#writer.pragma('synchronous'));
    return (['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const)[mode] ?? null;
  }

  /**
   * Drizzle handle for reads: for an embedded file, the synchronous reader with its statements
   * prepared once (`EmbeddedReader`); for a libSQL server, the client.
   */
  get db(): Db {
    return this.#reader ? this.#reader.db : this.#connection.db;
  }

  /**
   * A value that changes whenever the data may have changed: SQLite's `data_version` as the reader
   * sees it (any connection's commit, this process's writer thread and other processes alike),
   * with the writes this handle committed. Null for a libSQL server, whose other clients' writes
   * this process cannot see happen: there, nothing may be kept on the strength of this mark.
   */
  changeMark(): string | null {
    if (!this.#reader) return null;
    return `${this.#reader.dataVersion()}.${this.#committed}`;
  }

  /** The raw libSQL client (pragmas, health checks). */
  get client(): Client {
    return this.#connection.client;
  }

  /**
   * Runs `work` in a write transaction, after every earlier write finished, and resolves once it is
   * committed. Rolls back `work`'s changes if it throws.
   *
   * Group commit: writes that arrive while the writer is busy, or in the same turn of the event
   * loop, are drained together into a single transaction (BEGIN IMMEDIATE … COMMIT), each in its
   * own savepoint. A failing write rolls back to its savepoint and fails alone; the others commit
   * together, so one fsync serves the whole batch. Nobody is answered before the COMMIT that holds
   * their change has returned.
   */
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.#options.writes === false) return Promise.reject(readOnlyError());
    if (this.#options.serializeWrites === false) {
      this.#writes += 1;
      return work(this.#writer ? this.#writer.db : this.#connection.db).finally(() => {
        this.#committed += 1;
      });
    }
    return this.#queue.push(work).finally(() => {
      this.#committed += 1;
    });
  }

  async #runBatch(batch: PendingWrite[]): Promise<void> {
    this.#writes += batch.length;
    if (this.#closed) return rejectBatch(batch, new Error('Database is closed'));
    if (this.#writer) return this.#writer.runBatch(batch);
    return this.#connection.runBatch(batch);
  }

  /** Applies the committed migrations (idempotent). */
  async migrate(migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
    if (this.#options.writes === false) throw readOnlyError();
    await this.#lock(() =>
      applyMigrations(
        this.#writer ? { writer: this.#writer.db } : { client: this.#connection.db },
        migrationsFolder,
      ),
    );
  }

  /** Waits for queued writes, then closes the connections. */
  async close(): Promise<void> {
    while (this.#queue.busy) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    await this.#lock(async () => {
      this.#closed = true;
      this.#writer?.close();
      this.#reader?.close();
      this.#connection.close();
    });
  }
}

function readOnlyError(): Error {
  return new Error(
    'This database handle only reads: writes go through the process writer (ServiceContext.remote)',
  );
}

function localPath(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  const rest = url.slice('file:'.length);
  if (rest === ':memory:' || rest === '') return null;
  return rest.startsWith('//') ? fileURLToPath(url) : rest;
}
