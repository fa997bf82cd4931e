/**
 * The writer thread: the one place in the server process that writes to the database. It owns the
 * writer connection, runs the write services the main thread hands it (registration, cancelling,
 * check-in, sign-in, …) with group commit, and does the background work (notifications, periodic
 * jobs). The main thread keeps HTTP, tRPC and reads, so statement work and fsyncs never hold up a
 * request that is being parsed or answered.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Database } from '@seoro/db';
import { isDomainError } from '@seoro/domain';
import { writeOperations, type WriteOperation } from '@seoro/services';
import { createLogger } from '../logger';
import { serverServices } from '../services';
import { startBackgroundWork } from './background';
import {
  bundledSender,
  type FromWriter,
  type SerializedError,
  type ToWriter,
  type WriteCall,
  type WriterThreadData,
} from './protocol';

if (!parentPort) throw new Error('The writer thread must be started as a worker');
const port = parentPort;
const data = workerData as WriterThreadData;
const logger = createLogger(data.logLevel).child({ thread: 'writer' });

const database = await Database.open({
  url: data.databaseUrl,
  authToken: data.databaseAuthToken,
  // This thread only writes: waiting out the fsync here is cheaper than a hand-off per commit.
  commitInThread: true,
});
const ctx = serverServices(database, logger);

function serialize(error: unknown): SerializedError {
  if (isDomainError(error)) return { kind: 'domain', code: error.code, params: error.params };
  const e = error instanceof Error ? error : new Error(String(error));
  const code = (e as { code?: unknown }).code;
  return {
    kind: 'error',
    name: e.name,
    message: e.message,
    ...(typeof code === 'string' ? { code } : {}),
  };
}

const outgoing = bundledSender<FromWriter>(
  (messages) => port.postMessage(messages),
  (send) => queueMicrotask(send),
);
const post = outgoing.send;
const stopBackground = startBackgroundWork(ctx, database, logger, data.notifications);

port.on('message', (messages: ToWriter[]) => {
  for (const message of messages) handle(message);
});

function handle(message: ToWriter) {
  if (message.type === 'close') {
    void (async () => {
      await stopBackground();
      const { writes, commits } = database.stats;
      logger.info(
        { writes, commits },
        'writer thread stopping: writes and the commits that held them',
      );
      await database.close();
      post({ type: 'closed' });
      outgoing.flush();
      port.close();
    })();
    return;
  }
  run(message);
}

/** Runs one write service of `writeOperations` in place and posts its outcome. */
function run<K extends WriteOperation>({ id, operation, input }: WriteCall<K>) {
  // The name came over a thread boundary: only the map's own entries are run.
  if (!Object.hasOwn(writeOperations, operation)) {
    post({
      type: 'result',
      id,
      ok: false,
      error: { kind: 'error', name: 'Error', message: `Unknown write operation ${operation}` },
    });
    return;
  }
  writeOperations[operation](ctx, input).then(
    (value) => post({ type: 'result', id, ok: true, value }),
    (error: unknown) => {
      if (!isDomainError(error)) logger.error({ err: error, operation }, 'write failed');
      post({ type: 'result', id, ok: false, error: serialize(error) });
    },
  );
}

post({ type: 'ready' });
