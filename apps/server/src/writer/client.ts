import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { DomainError, type DomainErrorCode } from '@seoro/domain';
import type { RemoteWriter, WriteInput, WriteOperation, WriteResult } from '@seoro/services';
import {
  bundledSender,
  type FromWriter,
  type SerializedError,
  type ToWriter,
  type WriterThreadData,
} from './protocol';

export interface WriterThread {
  remote: RemoteWriter;
  /** Stops the background work, waits for writes in hand and closes the database. */
  close(): Promise<void>;
}

/**
 * Bundled, this module is dist/index.js and the thread dist/writer-thread.js. From source (`pnpm
 * dev`, under tsx) the thread is thread.ts, loaded through tsx's loader registered in the thread.
 */
function spawnThread(data: WriterThreadData): Worker {
  const here = new URL(import.meta.url);
  if (!here.pathname.endsWith('.ts')) {
    const execArgv = process.execArgv.filter((arg) => arg.startsWith('--cpu-prof'));
    return new Worker(new URL('./writer-thread.js', here), { workerData: data, execArgv });
  }
  const tsx = import.meta.resolve('tsx/esm/api');
  const thread = new URL('./thread.ts', here).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(thread)}); });`;
  return new Worker(code, { eval: true, workerData: data, execArgv: [] });
}

function revive(error: SerializedError): Error {
  if (error.kind === 'domain') return new DomainError(error.code as DomainErrorCode, error.params);
  return Object.assign(new Error(error.message), {
    name: error.name,
    ...(error.code ? { code: error.code } : {}),
  });
}

/**
 * Starts the writer thread and resolves once it has opened the database. If the thread dies, the process exits: a server
 * that cannot write must be restarted, not limp on.
 */
export async function startWriterThread(
  data: WriterThreadData,
  logger: Logger,
  onFatal: (error: unknown) => void,
): Promise<WriterThread> {
  const worker = spawnThread(data);
  /** Calls in flight by id; each resolves with its operation's result (WriteResult). */
  const pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: unknown) => void }
  >();
  let nextId = 1;
  let closing = false;
  let onClosed: (() => void) | null = null;

  const ready = new Promise<void>((resolve, reject) => {
    const early = (error: unknown) => reject(error);
    worker.once('error', early);
    worker.once('message', ([message]: FromWriter[]) => {
      worker.off('error', early);
      if (message?.type === 'ready') resolve();
      else reject(new Error(`Writer thread sent ${message?.type} before it was ready`));
    });
  });
  await ready;

  worker.on('message', (messages: FromWriter[]) => {
    for (const message of messages) {
      if (message.type === 'result') {
        const call = pending.get(message.id);
        if (!call) continue;
        pending.delete(message.id);
        if (message.ok) call.resolve(message.value);
        else call.reject(revive(message.error));
      } else if (message.type === 'closed') {
        onClosed?.();
      }
    }
  });
  const fail = (error: unknown) => {
    for (const call of pending.values()) call.reject(error);
    pending.clear();
    if (!closing) onFatal(error);
  };
  worker.on('error', (error) => {
    logger.fatal({ err: error }, 'writer thread failed');
    fail(error);
  });
  worker.on('exit', (code) => {
    if (!closing) fail(new Error(`Writer thread exited with code ${code}`));
  });

  const { send } = bundledSender<ToWriter>(
    (messages) => worker.postMessage(messages),
    (send) => setImmediate(send),
  );
  return {
    remote: {
      call<K extends WriteOperation>(operation: K, input: WriteInput<K>) {
        if (closing) return Promise.reject(new Error('The server is shutting down'));
        const id = nextId++;
        return new Promise<WriteResult<K>>((resolve, reject) => {
          // The thread answers this id with what writeOperations[operation] resolved to.
          pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
          send({ type: 'call', id, operation, input });
        });
      },
    },
    async close() {
      if (closing) return;
      closing = true;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      await new Promise<void>((resolve) => {
        onClosed = resolve;
        send({ type: 'close' });
      });
      // The thread ends by itself once the database is closed; stop it if anything holds it.
      const timer = setTimeout(() => void worker.terminate(), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
