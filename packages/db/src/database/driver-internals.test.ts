import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import Libsql from 'libsql';
import LibsqlPromise from 'libsql/promise';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { offThreadCommit, syncDrizzle } from './driver-internals';
import { StatementCache } from './statement-cache';

function open(path: string): Libsql.Database {
  const connection = new Libsql(path);
  onTestFinished(() => {
    connection.close();
  });
  return connection;
}

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'seoro-internals-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'internals.db');
}

describe('libsql: COMMIT on libSQL’s own thread (offThreadCommit)', () => {
  it('the promise API still has an asynchronous Database.prototype.exec', () => {
    expect(
      typeof LibsqlPromise.prototype.exec,
      'libsql/promise: Database.prototype.exec is gone, so offThreadCommit has nothing to borrow',
    ).toBe('function');
  });

  it('a synchronous connection still keeps its native handle in `db`', () => {
    const connection = open(':memory:');
    expect(
      'db' in connection && connection.db != null,
      'libsql: a Database instance no longer holds its native connection in the `db` field',
    ).toBe(true);
  });

  it('commits a transaction the synchronous connection began, seen from another connection', async () => {
    const path = tempFile();
    const writer = open(path);
    const reader = open(path);
    writer.exec('PRAGMA journal_mode = WAL');
    writer.exec('CREATE TABLE t (v INTEGER)');
    const count = () => reader.prepare('SELECT count(*) FROM t').raw(true).get();

    const commit = offThreadCommit(writer);
    expect(
      commit,
      'offThreadCommit found no async exec or native handle: every COMMIT would block the thread',
    ).not.toBeNull();
    writer.exec('BEGIN IMMEDIATE');
    writer.prepare('INSERT INTO t VALUES (1)').run();
    expect(count()).toEqual([0]);

    const committing = commit!();
    expect(committing, 'the promise API’s exec no longer returns a promise').toBeInstanceOf(
      Promise,
    );
    await committing;
    expect(
      writer.inTransaction,
      'COMMIT through the promise API’s exec left the synchronous connection’s transaction open',
    ).toBe(false);
    expect(count(), 'the committed row is not visible to another connection').toEqual([1]);
  });
});

describe('drizzle: the synchronous database over the statement cache (syncDrizzle)', () => {
  const items = sqliteTable('items', {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
  });

  it('asks the connection to prepare every query, and each SQL text is compiled once', () => {
    const connection = open(':memory:');
    connection.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    const compile = vi.spyOn(connection, 'prepare');
    const cache = new StatementCache(connection);
    const prepare = vi.spyOn(cache, 'prepare');
    const db = syncDrizzle(cache, { items });

    for (let id = 1; id <= 3; id++)
      db.insert(items)
        .values({ id, name: `n${id}` })
        .run();
    for (let id = 1; id <= 3; id++) {
      expect(db.select().from(items).where(eq(items.id, id)).get()).toEqual({ id, name: `n${id}` });
    }
    expect(db.select({ name: items.name }).from(items).all()).toEqual([
      { name: 'n1' },
      { name: 'n2' },
      { name: 'n3' },
    ]);

    expect(
      prepare,
      'drizzle-orm: BetterSQLiteSession no longer calls the connection’s prepare(sql) once per query',
    ).toHaveBeenCalledTimes(7);
    // Three texts: the insert (object rows) and two selects (each also in raw, array-row form).
    expect(
      compile,
      'a SQL text was compiled again: drizzle no longer goes through the cached statement',
    ).toHaveBeenCalledTimes(5);
  });
});
