import type { Tx } from './client';

/**
 * Statements built once per write connection: `statementsFor(build)(tx)` builds them on a
 * connection's first write and hands the same ones to every later write on it. The embedded
 * writer gives every write the same handle, so a hot write only binds and runs its statements
 * instead of building their SQL each time. (A libSQL server's transactions are new handles each
 * time and build them per call.)
 */
export function statementsFor<S>(build: (tx: Tx) => S): (tx: Tx) => S {
  const built = new WeakMap<Tx, S>();
  return (tx) => {
    let statements = built.get(tx);
    if (!statements) {
      statements = build(tx);
      built.set(tx, statements);
    }
    return statements;
  };
}
