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
 * Refuses a parameter libSQL cannot bind, as a TypeError the write fails with. libSQL 0.5's native
 * binding does not throw for a boolean, a Date, a Buffer or a plain object: it panics, which
 * aborts the whole process (the server's writer thread takes the server down with it). Drizzle
 * encodes column values itself (a Date column becomes epoch ms); what reaches here unencoded is a
 * raw `sql` parameter or a placeholder bound to the wrong value.
 */
export function bindable(params: unknown[]): unknown[] {
  for (let i = 0; i < params.length; i++) {
    const value = params[i];
    const type = typeof value;
    if (value === null || value === undefined) continue;
    if (type === 'string' || type === 'number' || type === 'bigint') continue;
    const what = type === 'object' ? (value.constructor?.name ?? 'object') : type;
    throw new TypeError(`Statement parameter ${i + 1} is a ${what}, which libSQL cannot bind`);
  }
  return params;
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
  #onError: ((error: unknown) => void) | null;
  static readonly limit = 512;

  /** `onError` sees every error a statement throws (before it reaches the caller). */
  constructor(
    connection: Pick<Libsql.Database, 'prepare'>,
    onError: ((error: unknown) => void) | null = null,
  ) {
    this.#connection = connection;
    this.#onError = onError;
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

  /** The better-sqlite3 shape drizzle's session expects, every binding checked. */
  prepare(sql: string): PreparedStatement {
    const onError = this.#onError;
    const plain = this.#get(this.#plain, sql, false);
    const checked = (statement: Statement, raw: () => PreparedStatement): PreparedStatement =>
      onError
        ? {
            run: (...params: unknown[]) => watch(onError, () => statement.run(...bindable(params))),
            get: (...params: unknown[]) => watch(onError, () => statement.get(...bindable(params))),
            all: (...params: unknown[]) => watch(onError, () => statement.all(...bindable(params))),
            raw,
          }
        : {
            run: (...params: unknown[]) => statement.run(...bindable(params)),
            get: (...params: unknown[]) => statement.get(...bindable(params)),
            all: (...params: unknown[]) => statement.all(...bindable(params)),
            raw,
          };
    const asArrays = (): PreparedStatement => checked(this.#get(this.#raw, sql, true), asArrays);
    return checked(plain, asArrays);
  }
}

/** Runs `call`, showing its error to `onError` before it propagates. */
function watch<T>(onError: (error: unknown) => void, call: () => T): T {
  try {
    return call();
  } catch (error) {
    onError(error);
    throw error;
  }
}
