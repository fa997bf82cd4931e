/** `@seoro/db`: the schema and the client factory. Import `./schema` alone to avoid the driver. */
export * from './schema';
export { Database, createWriteLock, isBusyError, MIGRATIONS_FOLDER } from './client';
export { newId } from './ids';
export { pooledRandomBytes } from './random';
export { statementsFor } from './prepared';
export type { Db, Tx, DatabaseOptions, Schema } from './client';
