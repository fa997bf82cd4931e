/** Messages between the server's main thread and its writer thread. */
import type { NotificationSettings, WriteInput, WriteOperation } from '@seoro/services';

export interface WriterThreadData {
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  logLevel: string;
  /** Checked at start (`loadConfig`); the thread builds its transports from them. */
  notifications: NotificationSettings;
}

/**
 * A write service of `writeOperations` to run, with its input (structured-cloned on the way).
 * `K` ties the input to the operation where one call is built or run.
 */
export interface WriteCall<K extends WriteOperation = WriteOperation> {
  type: 'call';
  id: number;
  operation: K;
  input: WriteInput<K>;
}

export type ToWriter = WriteCall | { type: 'close' };

/** A refusal travels as its code and parameters; anything else as a plain error. */
export type SerializedError =
  | { kind: 'domain'; code: string; params: Record<string, string | number> }
  | { kind: 'error'; name: string; message: string; code?: string };

export type FromWriter =
  | { type: 'ready' }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: SerializedError }
  | { type: 'closed' };

/**
 * Posts messages in bundles: those sent in one turn of the event loop go together, as soon as
 * `max` are waiting or when the turn ends (`schedule`: `setImmediate` on the main thread, where
 * requests arrive one I/O callback each; `queueMicrotask` in the writer thread, whose results
 * come out of one commit together and must not wait for the next batch). A rush of registrations
 * then costs a postMessage (a structured clone, a wake-up of the other thread) per bundle, not
 * per registration.
 */
export function bundledSender<T>(
  post: (messages: T[]) => void,
  schedule: (send: () => void) => void,
  max = 32,
): { send(message: T): void; flush(): void } {
  let waiting: T[] = [];
  const flushNow = () => {
    if (waiting.length === 0) return;
    const out = waiting;
    waiting = [];
    post(out);
  };
  return {
    send(message) {
      waiting.push(message);
      if (waiting.length >= max) flushNow();
      else if (waiting.length === 1) schedule(flushNow);
    },
    /** Posts what is waiting now (before the port closes). */
    flush: flushNow,
  };
}
