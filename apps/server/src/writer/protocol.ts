/** Messages between the server's main thread and its writer thread. */
import type { WriteOperation } from '@seoro/services';

export interface WriterThreadData {
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  logLevel: string;
}

export type ToWriter =
  { type: 'call'; id: number; operation: WriteOperation; input: unknown } | { type: 'close' };

/** A refusal travels as its code and parameters; anything else as a plain error. */
export type SerializedError =
  | { kind: 'domain'; code: string; params: Record<string, string | number> }
  | { kind: 'error'; name: string; message: string; code?: string };

export type FromWriter =
  | { type: 'ready' }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: SerializedError }
  | { type: 'closed' };
