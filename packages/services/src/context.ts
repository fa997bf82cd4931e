import type { Clock } from '@seoro/domain';
import { systemClock } from '@seoro/domain';
import { pooledRandomBytes, type Database } from '@seoro/db';
import type { HookHandlers, ServerHooks } from './hooks';
import type { ReadCache } from './read-cache';
import {
  writeOperations,
  type WriteInput,
  type WriteOperation,
  type WriteResult,
  type WriteService,
} from './write-operations';

/** What every service function gets: the database, the clock and the randomness, all injectable. */
export interface ServiceContext {
  database: Database;
  clock: Clock;
  /** Cryptographic random bytes (confirmation codes). */
  random: (bytes: number) => Uint8Array;
  /** Extension-point handlers, core first, then plugins in registry order. */
  hooks: HookRunner;
  /** Where failures that must not reach the caller are reported (e.g. a throwing hook). */
  logError: (message: string, error: unknown) => void;
  /**
   * Set where writes happen elsewhere (the server's writer thread): each write service then hands
   * its input to `remote` instead of running here. Null or absent: the service runs in place.
   */
  remote?: RemoteWriter | null;
  /**
   * Where the public catalogue's reads are kept between writes (see `ReadCache`); null or absent:
   * every read goes to the database.
   */
  readCache?: ReadCache | null;
}

/**
 * Runs a write service where the writer is, and answers with its result. Names, inputs and results
 * are those of `writeOperations`, whose doc says what changes when they cross to another thread.
 */
export interface RemoteWriter {
  call<K extends WriteOperation>(operation: K, input: WriteInput<K>): Promise<WriteResult<K>>;
}

/**
 * The write service `operation` of `writeOperations`: run in place by a process that writes,
 * handed with its input to the writer (`ctx.remote`) by one that does not, so the hand-over lives
 * here once.
 *
 * @example export const registerForCourse = writeService('registerForCourse');
 */
export function writeService<K extends WriteOperation>(operation: K): WriteService<K> {
  return (ctx, input) =>
    ctx.remote ? ctx.remote.call(operation, input) : writeOperations[operation](ctx, input);
}

/** Runs named hooks after a change committed. A throwing handler is logged, never propagated. */
export interface HookRunner {
  fire<K extends keyof ServerHooks>(name: K, event: Parameters<ServerHooks[K]>[0]): Promise<void>;
}

export function createHookRunner(
  handlers: HookHandlers[],
  logError: ServiceContext['logError'],
): HookRunner {
  return {
    async fire(name, event) {
      for (const set of handlers) {
        const handler = set[name] as ((e: typeof event) => void | Promise<void>) | undefined;
        if (!handler) continue;
        try {
          await handler(event);
        } catch (error) {
          logError(`hook ${name} failed`, error);
        }
      }
    },
  };
}

/** A context with real time and randomness; tests pass their own clock. */
export function createServiceContext(
  database: Database,
  options: Partial<Omit<ServiceContext, 'database'>> & { hookHandlers?: HookHandlers[] } = {},
): ServiceContext {
  const logError = options.logError ?? ((message, error) => console.error(message, error));
  return {
    database,
    clock: options.clock ?? systemClock,
    random: options.random ?? pooledRandomBytes(),
    hooks: options.hooks ?? createHookRunner(options.hookHandlers ?? [], logError),
    logError,
    remote: options.remote ?? null,
    readCache: options.readCache ?? null,
  };
}
