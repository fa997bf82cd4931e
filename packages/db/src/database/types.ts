import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type Libsql from 'libsql';
import type * as schema from '../schema';

export type Schema = typeof schema;
/**
 * Drizzle handle for reads: synchronous over an embedded file, the libSQL client for a server.
 * Both take `await db.select()…`; code must not depend on a driver's result shape.
 */
export type Db = BaseSQLiteDatabase<'sync' | 'async', unknown, Schema>;
/** Drizzle over the libSQL client. */
export type ClientDb = LibSQLDatabase<Schema>;
/**
 * The handle a write gets. For an embedded file it is a synchronous connection owned by the
 * writer; for a libSQL server it is an async transaction. Both take `await tx.select()…`; code
 * must not depend on a driver's result shape (use `.returning()` or a select to count).
 */
export type Tx = BaseSQLiteDatabase<'sync' | 'async', unknown, Schema>;
/** Drizzle over the embedded writer's synchronous connection. */
export type SyncDb = BaseSQLiteDatabase<'sync', Libsql.RunResult, Schema>;
