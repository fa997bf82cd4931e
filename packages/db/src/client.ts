import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate as migrateAsync } from 'drizzle-orm/libsql/migrator';
import { migrate as migrateSync } from 'drizzle-orm/better-sqlite3/migrator';
import { BetterSQLiteSession } from 'drizzle-orm/better-sqlite3/session';
import { BaseSQLiteDatabase, SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { createTableRelationsHelpers, extractTablesRelationalConfig } from 'drizzle-orm';
import Libsql from 'libsql';
import LibsqlPromise from 'libsql/promise';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

export type Schema = typeof schema;
/** Drizzle handle for reads (libSQL client: embedded file or a libSQL server). */
export type Db = LibSQLDatabase<Schema>;
/**
 * The handle a write gets. For an embedded file it is a synchronous connection owned by the
 * writer; for a libSQL server it is an async transaction. Both take `await tx.select()…`; code
 * must not depend on a driver's result shape (use `.returning()` or a select to count).
 */
export type Tx = BaseSQLiteDatabase<'sync' | 'async', unknown, Schema>;
type SyncDb = BaseSQLiteDatabase<'sync', Libsql.RunResult, Schema>;

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
    if (/SQLITE_BUSY|database is locked/.test(String((e as { message?: unknown }).message ?? '')))
      return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Prepared statements of one connection, kept by their SQL text so that a statement is compiled
 * once and then only bound and stepped. Drizzle switches a statement to array rows with `raw()`;
 * the raw and the object form are separate statements here, so one use cannot change another.
 */
class StatementCache {
  #connection: Libsql.Database;
  #plain = new Map<string, Libsql.Statement<unknown[]>>();
  #raw = new Map<string, Libsql.Statement<unknown[]>>();
  static readonly limit = 512;

  constructor(connection: Libsql.Database) {
    this.#connection = connection;
  }

  #get(map: Map<string, Libsql.Statement<unknown[]>>, sql: string, raw: boolean) {
    let statement = map.get(sql);
    if (!statement) {
      // Queries with a variable number of parameters (IN lists) can make many texts.
      if (map.size >= StatementCache.limit) map.clear();
      statement = this.#connection.prepare(sql);
      if (raw) statement.raw(true);
      map.set(sql, statement);
    }
    return statement;
  }

  /** The better-sqlite3 shape drizzle's session expects. */
  prepare(sql: string) {
    const plain = this.#get(this.#plain, sql, false);
    const raw = () => this.#get(this.#raw, sql, true);
    return {
      run: (...params: unknown[]) => plain.run(...params),
      get: (...params: unknown[]) => plain.get(...params),
      all: (...params: unknown[]) => plain.all(...params),
      raw: () => raw(),
    };
  }
}

/**
 * libSQL's asynchronous `exec`, which runs on the native side's own thread. The synchronous and the
 * promise API of the `libsql` package share one native connection type, so it can commit a
 * transaction the synchronous connection opened. Null if a future version changes that shape.
 */
const asyncExec: ((this: { db: unknown }, sql: string) => Promise<void>) | null = (() => {
  const exec = (LibsqlPromise as unknown as { prototype?: { exec?: unknown } }).prototype?.exec;
  return typeof exec === 'function'
    ? (exec as (this: { db: unknown }, sql: string) => Promise<void>)
    : null;
})();

/** The writer's page cache, in KiB. */
const WRITER_CACHE_KIB = 65_536;

/** A synchronous libSQL connection to an embedded file, with drizzle over cached statements. */
class SyncWriter {
  readonly connection: Libsql.Database;
  readonly db: SyncDb;
  #begin: Libsql.Statement<unknown[]>;
  #commit: Libsql.Statement<unknown[]>;
  #rollback: Libsql.Statement<unknown[]>;
  #savepoint: Libsql.Statement<unknown[]>;
  #release: Libsql.Statement<unknown[]>;
  #rollbackTo: Libsql.Statement<unknown[]>;

  readonly #commitInThread: boolean;

  constructor(path: string, busyTimeoutMs: number, commitInThread: boolean) {
    this.#commitInThread = commitInThread;
    this.connection = new Libsql(path, { timeout: busyTimeoutMs });
    this.connection.exec(`PRAGMA busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
    // WAL is persistent in the file; readers then never block the writer nor each other.
    this.connection.exec('PRAGMA journal_mode = WAL');
    // FULL: the WAL is synced at every COMMIT, so an acknowledged write survives a power cut.
    this.connection.exec('PRAGMA synchronous = FULL');
    this.connection.exec('PRAGMA foreign_keys = ON');
    // Up to 64 MiB of pages kept in memory (SQLite's default is 2 MiB): the indexes a registration
    // touches stay cached as the tables grow, which halves the statement time of a busy term.
    this.connection.exec(`PRAGMA cache_size = -${WRITER_CACHE_KIB}`);
    const dialect = new SQLiteSyncDialect();
    const tables = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
    const relational = {
      fullSchema: schema,
      schema: tables.tables,
      tableNamesMap: tables.tableNamesMap,
    };
    const session = new BetterSQLiteSession(
      new StatementCache(this.connection) as unknown as ConstructorParameters<
        typeof BetterSQLiteSession
      >[0],
      dialect,
      relational,
    );
    this.db = new BaseSQLiteDatabase('sync', dialect, session, relational) as SyncDb;
    this.#begin = this.connection.prepare('BEGIN IMMEDIATE');
    this.#commit = this.connection.prepare('COMMIT');
    this.#rollback = this.connection.prepare('ROLLBACK');
    this.#savepoint = this.connection.prepare('SAVEPOINT write_item');
    this.#release = this.connection.prepare('RELEASE write_item');
    this.#rollbackTo = this.connection.prepare('ROLLBACK TO write_item');
  }

  begin() {
    this.#begin.run();
  }
  /**
   * COMMIT, by default off the event loop: the fsync that `synchronous = FULL` asks for runs on
   * libSQL's own thread while requests keep being parsed (they queue for the next batch). The
   * writer is used by nothing else until it resolves. With `commitInThread`, on this thread.
   */
  commit(): Promise<void> {
    const handle = (this.connection as unknown as { db?: unknown }).db;
    if (this.#commitInThread || !asyncExec || handle === undefined) {
      this.#commit.run();
      return Promise.resolve();
    }
    return asyncExec.call({ db: handle }, 'COMMIT');
  }
  rollback() {
    if (this.connection.inTransaction) this.#rollback.run();
  }
  savepoint() {
    this.#savepoint.run();
  }
  release() {
    this.#release.run();
  }
  rollbackToSavepoint() {
    this.#rollbackTo.run();
    this.#release.run();
  }
  /** A pragma's single value, e.g. `synchronous` → 2. */
  pragma(name: string): unknown {
    const row = this.connection.prepare(`PRAGMA ${name}`).raw(true).get() as unknown[] | undefined;
    return row?.[0];
  }
  close() {
    this.connection.close();
  }
}

/**
 * The process's one door to the database.
 *
 * Every write goes through `write()`: one writer runs one transaction at a time (BEGIN IMMEDIATE),
 * so two writes of this process never meet on the file lock. Reads use `db` (the libSQL client);
 * WAL lets them run beside the writer and they never see uncommitted work.
 *
 * For an embedded file the writer is its own synchronous libSQL connection with prepared
 * statements kept per SQL text: a registration is a dozen bound statements, not a dozen parses and
 * promise round trips. For a libSQL server (`libsql://`) writes go through the client's
 * transactions instead.
 *
 * A writer that reported SQLITE_BUSY (another process held the lock past the busy timeout) is
 * closed and replaced rather than reused, so no stale snapshot survives.
 */
export class Database {
  readonly url: string;
  #options: DatabaseOptions;
  #client: Client;
  #db: Db;
  #path: string | null;
  #writer: SyncWriter | null = null;
  #lock = createWriteLock();
  #closed = false;
  #queue: PendingWrite[] = [];
  #draining = false;
  /** Most writes committed together; bounds how long the last of a batch waits. */
  #maxBatch = 256;
  #writes = 0;
  #commits = 0;

  private constructor(options: DatabaseOptions) {
    this.url = options.url;
    this.#options = options;
    this.#path = localPath(options.url);
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
    if (options.writes === false) return database;
    if (path) {
      database.#writer = new SyncWriter(
        path,
        options.busyTimeoutMs ?? 5000,
        options.commitInThread ?? false,
      );
    } else {
      await database.#client.execute('PRAGMA foreign_keys = ON');
    }
    return database;
  }

  /** Writes and commits so far: the batching at work (benchmarks report it). */
  get stats(): { writes: number; commits: number } {
    return { writes: this.#writes, commits: this.#commits };
  }

  /** The writer's `synchronous` mode (0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA), null for a server. */
  get synchronous(): 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA' | null {
    if (!this.#writer) return null;
    const mode = Number(this.#writer.pragma('synchronous'));
    return (['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const)[mode] ?? null;
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
   * Group commit: writes that arrive while the writer is busy, or in the same turn of the event
   * loop, are drained together into a single transaction (BEGIN IMMEDIATE … COMMIT), each in its
   * own savepoint. A failing write rolls back to its savepoint and fails alone; the others commit
   * together, so one fsync serves the whole batch. Nobody is answered before the COMMIT that holds
   * their change has returned.
   */
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.#options.writes === false) return Promise.reject(readOnlyError());
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

  async #runBatch(batch: PendingWrite[]) {
    this.#writes += batch.length;
    if (this.#closed) {
      for (const item of batch) item.reject(new Error('Database is closed'));
      return;
    }
    if (this.#writer) return this.#runSyncBatch(batch);
    return this.#runClientBatch(batch);
  }

  async #runSyncBatch(batch: PendingWrite[]) {
    let writer = this.#writer!;
    try {
      writer.begin();
    } catch (error) {
      if (!isBusyError(error)) {
        for (const item of batch) item.reject(error);
        return;
      }
      // Another process held the lock past the busy timeout: a fresh connection, one more try.
      writer = this.#replaceWriter();
      try {
        writer.begin();
      } catch (again) {
        if (isBusyError(again)) this.#replaceWriter();
        for (const item of batch) item.reject(again);
        return;
      }
    }
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      for (const item of batch) {
        writer.savepoint();
        try {
          const value = await item.work(writer.db as unknown as Tx);
          writer.release();
          outcomes.push({ ok: true, value });
        } catch (error) {
          writer.rollbackToSavepoint();
          outcomes.push({ ok: false, error });
        }
      }
      await writer.commit();
      this.#commits += 1;
    } catch (error) {
      // The batch did not commit (I/O error, full disk, …): nothing of it is kept.
      try {
        writer.rollback();
      } catch {
        // The connection is unusable; the next write gets a fresh one.
      }
      this.#replaceWriter();
      for (const item of batch) item.reject(error);
      return;
    }
    for (const [i, item] of batch.entries()) {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    }
  }

  #replaceWriter(): SyncWriter {
    const old = this.#writer!;
    try {
      old.close();
    } catch {
      // Already broken; replaced below.
    }
    this.#writer = new SyncWriter(
      this.#path!,
      this.#options.busyTimeoutMs ?? 5000,
      this.#options.commitInThread ?? false,
    );
    return this.#writer;
  }

  /** A libSQL server: the same batching over the client's transactions. */
  async #runClientBatch(batch: PendingWrite[]) {
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    const attempt = async () => {
      outcomes.length = 0;
      await this.#db.transaction(async (tx) => {
        for (const item of batch) {
          try {
            outcomes.push({
              ok: true,
              value: await tx.transaction((inner) => item.work(inner as unknown as Tx)),
            });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    };
    try {
      try {
        await attempt();
      } catch (error) {
        if (!isBusyError(error)) throw error;
        this.#replaceClient();
        await attempt();
      }
      this.#commits += 1;
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    for (const [i, item] of batch.entries()) {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    }
  }

  #replaceClient() {
    const old = this.#client;
    this.#client = Database.#connect(this.#options);
    this.#db = drizzle({ client: this.#client, schema });
    old.close();
  }

  /** Applies the committed migrations (idempotent). */
  async migrate(migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
    if (this.#options.writes === false) throw readOnlyError();
    await this.#lock(async () => {
      if (this.#writer) migrateSync(this.#writer.db, { migrationsFolder });
      else await migrateAsync(this.#db, { migrationsFolder });
    });
  }

  /** Waits for queued writes, then closes the connections. */
  async close(): Promise<void> {
    while (this.#draining || this.#queue.length > 0) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    await this.#lock(async () => {
      this.#closed = true;
      this.#writer?.close();
      this.#client.close();
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

/**
 * The committed migrations. Resolved through the package (not this file's URL) so it also holds
 * when this module is bundled into the server.
 */
export const MIGRATIONS_FOLDER = join(
  dirname(createRequire(import.meta.url).resolve('@seoro/db/package.json')),
  'drizzle',
);
