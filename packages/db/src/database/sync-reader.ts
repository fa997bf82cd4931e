import Libsql from 'libsql';
import * as schema from '../schema';
import { closeReplaced, isBusyError } from './busy';
import { syncDrizzle } from './driver-internals';
import { StatementCache } from './statement-cache';
import type { SyncDb } from './types';

/** The reader's page cache, in KiB: the catalogue's tables and indexes stay in memory. */
const READER_CACHE_KIB = 32_768;

/**
 * The process's reads of an embedded file: one synchronous libSQL connection with its statements
 * prepared once and kept (the same `StatementCache` the writer uses), under drizzle.
 *
 * The libSQL client prepares every statement again on each `execute` and converts every row
 * through a promise; for the small indexed reads of a page that is most of their cost. libSQL runs
 * an embedded query on the calling thread either way, so reading synchronously blocks the event
 * loop no longer than the client did. WAL lets these reads run beside the writer's transactions;
 * each statement is reset after use, so no read holds a snapshot open and every read sees every
 * write committed before it started.
 *
 * A connection that reported SQLITE_BUSY is closed, and the next read opens a fresh one.
 */
export class EmbeddedReader {
  #path: string;
  #busyTimeoutMs: number;
  #connection!: Libsql.Database;
  #db!: SyncDb;
  #dataVersion!: Libsql.Statement<unknown[]>;
  #broken = false;
  #closed = false;
  /** Connections opened so far (1 until one was replaced). */
  opened = 0;

  constructor(path: string, busyTimeoutMs: number) {
    this.#path = path;
    this.#busyTimeoutMs = busyTimeoutMs;
    this.#open();
  }

  #open(): void {
    const connection = new Libsql(this.#path, { timeout: this.#busyTimeoutMs });
    connection.exec(`PRAGMA busy_timeout = ${Math.trunc(this.#busyTimeoutMs)}`);
    connection.exec(`PRAGMA cache_size = -${READER_CACHE_KIB}`);
    // This connection never writes; a write through it would bypass the one writer.
    connection.exec('PRAGMA query_only = ON');
    this.#connection = connection;
    this.#db = syncDrizzle(
      new StatementCache(connection, (error) => {
        if (isBusyError(error)) this.#broken = true;
      }),
      schema,
    );
    this.#dataVersion = connection.prepare('PRAGMA data_version').raw(true);
    this.#broken = false;
    this.opened += 1;
  }

  #current(): void {
    if (this.#closed) throw new Error('Database is closed');
    if (!this.#broken) return;
    closeReplaced(this.#connection);
    this.#open();
  }

  /** Drizzle over the reader's connection (a fresh one if the last read saw SQLITE_BUSY). */
  get db(): SyncDb {
    this.#current();
    return this.#db;
  }

  /**
   * SQLite's `data_version` on this connection: it changes whenever another connection (the
   * writer, another process) commits to the file, and costs one cached statement to read.
   */
  dataVersion(): number {
    this.#current();
    try {
      const row = this.#dataVersion.get() as unknown[] | undefined;
      return Number(row?.[0] ?? 0);
    } catch (error) {
      if (isBusyError(error)) this.#broken = true;
      throw error;
    }
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#connection.close();
  }
}
