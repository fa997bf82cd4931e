/**
 * What this package relies on in its drivers beyond their documented API, kept in this one module.
 * An upgrade of `libsql` or `drizzle-orm` that changes any of it fails driver-internals.test.ts,
 * which names what changed, instead of breaking writes at run time.
 */
import {
  createTableRelationsHelpers,
  extractTablesRelationalConfig,
  type ExtractTablesWithRelations,
} from 'drizzle-orm';
import { BetterSQLiteSession } from 'drizzle-orm/better-sqlite3/session';
import { BaseSQLiteDatabase, SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type Libsql from 'libsql';
import LibsqlPromise from 'libsql/promise';
import type { PreparingConnection } from './statement-cache';

/**
 * COMMIT for a connection of the synchronous `libsql` API, run on libSQL's own thread so that the
 * fsync does not hold up the event loop. libSQL offers no asynchronous call on a synchronous
 * connection, but its promise API wraps the same native connection (the instance's `db` field)
 * and its `exec` runs there: a promise-API view of this connection's handle commits what the
 * connection began. Null when either shape is missing; the caller then commits synchronously.
 */
export function offThreadCommit(connection: Libsql.Database): (() => Promise<void>) | null {
  const handle = 'db' in connection ? connection.db : undefined;
  if (handle === undefined || handle === null) return null;
  if (typeof LibsqlPromise.prototype.exec !== 'function') return null;
  const asyncView: LibsqlPromise = Object.create(LibsqlPromise.prototype);
  asyncView.db = handle;
  return () => asyncView.exec('COMMIT');
}

/**
 * Drizzle's synchronous SQLite database over a connection with better-sqlite3's `prepare`: what
 * `drizzle()` of `drizzle-orm/better-sqlite3` builds, which cannot be used here because that entry
 * imports the `better-sqlite3` package (libSQL is this project's driver). Drizzle calls
 * `connection.prepare(sql)` each time a query runs, so the connection decides what a prepare
 * costs (the StatementCache: a lookup).
 */
export function syncDrizzle<S extends Record<string, unknown>>(
  connection: PreparingConnection,
  schema: S,
): BaseSQLiteDatabase<'sync', Libsql.RunResult, S, ExtractTablesWithRelations<S>> {
  const dialect = new SQLiteSyncDialect();
  const tables = extractTablesRelationalConfig<ExtractTablesWithRelations<S>>(
    schema,
    createTableRelationsHelpers,
  );
  const relational = {
    fullSchema: schema,
    schema: tables.tables,
    tableNamesMap: tables.tableNamesMap,
  };
  const session = new BetterSQLiteSession<S, ExtractTablesWithRelations<S>>(
    connection,
    dialect,
    relational,
  );
  return new BaseSQLiteDatabase('sync', dialect, session, relational);
}
