import type { Logger } from 'pino';
import { pluginHookHandlers } from '@seoro/api';
import type { Database } from '@seoro/db';
import {
  createServiceContext,
  ReadCache,
  type RemoteWriter,
  type ServiceContext,
} from '@seoro/services';

/**
 * The service context as both of the server's threads build it: the plugins' hooks, failures to
 * the log, and on the main thread the writer thread that its writes are handed to and (unless
 * PAGE_CACHE is off) the cache of the public catalogue's reads.
 */
export function serverServices(
  database: Database,
  logger: Logger,
  remote?: RemoteWriter,
  options: { readCache?: boolean } = {},
): ServiceContext {
  return createServiceContext(database, {
    hookHandlers: pluginHookHandlers,
    logError: (message, error) => logger.error({ err: error }, message),
    remote: remote ?? null,
    readCache: options.readCache ? new ReadCache(database) : null,
  });
}
