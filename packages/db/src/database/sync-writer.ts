import Libsql from 'libsql';
import * as schema from '../schema';
import { closeReplaced, retryOnFreshConnection } from './busy';
import { offThreadCommit, syncDrizzle } from './driver-internals';
import { answerBatch, rejectBatch, type Outcome, type PendingWrite } from './group-commit';
import { StatementCache } from './statement-cache';
import type { SyncDb } from './types';

/** The writer's page cache, in KiB. */
const WRITER_CACHE_KIB = 65_536;

/** A synchronous libSQL connection to an embedded file, with drizzle over cached statements. */
class WriterConnection {
  readonly connection: Libsql.Database;
  readonly db: SyncDb;
  #begin: Libsql.Statement<unknown[]>;
  #commit: Libsql.Statement<unknown[]>;
  #rollback: Libsql.Statement<unknown[]>;
  #savepoint: Libsql.Statement<unknown[]>;
  #release: Libsql.Statement<unknown[]>;
  #rollbackTo: Libsql.Statement<unknown[]>;
  /** Null: COMMIT runs on this thread (asked for, or libSQL offers no other way). */
  readonly #commitOffThread: (() => Promise<void>) | null;

  constructor(path: string, busyTimeoutMs: number, commitInThread: boolean) {
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
    this.db = syncDrizzle(new StatementCache(this.connection), schema);
    this.#begin = this.connection.prepare('BEGIN IMMEDIATE');
    this.#commit = this.connection.prepare('COMMIT');
    this.#rollback = this.connection.prepare('ROLLBACK');
    this.#savepoint = this.connection.prepare('SAVEPOINT write_item');
    this.#release = this.connection.prepare('RELEASE write_item');
    this.#rollbackTo = this.connection.prepare('ROLLBACK TO write_item');
    this.#commitOffThread = commitInThread ? null : offThreadCommit(this.connection);
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
    if (!this.#commitOffThread) {
      this.#commit.run();
      return Promise.resolve();
    }
    return this.#commitOffThread();
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
 * The embedded file's writer: one synchronous connection, with prepared statements kept per SQL
 * text, that runs each batch of writes in one transaction (BEGIN IMMEDIATE … COMMIT), each write
 * in its own savepoint. A failing write rolls back to its savepoint and fails alone; the others
 * commit together. Nobody is answered before the COMMIT that holds their change has returned.
 *
 * A connection that reported SQLITE_BUSY, or whose batch failed to commit, is closed and replaced
 * rather than reused, so no stale snapshot survives.
 */
export class EmbeddedWriter {
  #path: string;
  #busyTimeoutMs: number;
  #commitInThread: boolean;
  #connection: WriterConnection;
  /** Batches committed so far. */
  commits = 0;

  constructor(path: string, busyTimeoutMs: number, commitInThread: boolean) {
    this.#path = path;
    this.#busyTimeoutMs = busyTimeoutMs;
    this.#commitInThread = commitInThread;
    this.#connection = this.#open();
  }

  #open(): WriterConnection {
    return new WriterConnection(this.#path, this.#busyTimeoutMs, this.#commitInThread);
  }

  #replace(): void {
    closeReplaced(this.#connection);
    this.#connection = this.#open();
  }

  /** Drizzle over the writer's connection (migrations run through it). */
  get db(): SyncDb {
    return this.#connection.db;
  }

  /** A pragma's single value on the writer's connection, e.g. `synchronous` → 2. */
  pragma(name: string): unknown {
    return this.#connection.pragma(name);
  }

  async runBatch(batch: PendingWrite[]): Promise<void> {
    let writer: WriterConnection;
    try {
      writer = retryOnFreshConnection(
        () => {
          this.#connection.begin();
          return this.#connection;
        },
        () => this.#replace(),
      );
    } catch (error) {
      rejectBatch(batch, error);
      return;
    }
    const outcomes: Outcome[] = [];
    try {
      for (const item of batch) {
        writer.savepoint();
        try {
          const value = await item.work(writer.db);
          writer.release();
          outcomes.push({ ok: true, value });
        } catch (error) {
          writer.rollbackToSavepoint();
          outcomes.push({ ok: false, error });
        }
      }
      await writer.commit();
      this.commits += 1;
    } catch (error) {
      // The batch did not commit (I/O error, full disk, …): nothing of it is kept.
      try {
        writer.rollback();
      } catch {
        // The connection is unusable; the next write gets a fresh one.
      }
      this.#replace();
      rejectBatch(batch, error);
      return;
    }
    answerBatch(batch, outcomes);
  }

  close(): void {
    this.#connection.close();
  }
}
