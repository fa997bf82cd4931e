import type Libsql from 'libsql';

type Statement = Libsql.Statement<unknown[]>;

/** The part of better-sqlite3's statement that drizzle's synchronous session uses. */
export interface PreparedStatement {
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  /** The same statement returning rows as arrays. */
  raw(): PreparedStatement;
}

/** A connection as drizzle's synchronous session uses it: better-sqlite3's `prepare`. */
export interface PreparingConnection {
  prepare(sql: string): PreparedStatement;
}

/**
 * Prepared statements of one connection, kept by their SQL text so that a statement is compiled
 * once and then only bound and stepped. Drizzle switches a statement to array rows with `raw()`;
 * the raw and the object form are separate statements here, so one use cannot change another.
 */
export class StatementCache implements PreparingConnection {
  #connection: Pick<Libsql.Database, 'prepare'>;
  #plain = new Map<string, Statement>();
  #raw = new Map<string, Statement>();
  static readonly limit = 512;

  constructor(connection: Pick<Libsql.Database, 'prepare'>) {
    this.#connection = connection;
  }

  #get(map: Map<string, Statement>, sql: string, raw: boolean): Statement {
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
  prepare(sql: string): PreparedStatement {
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
