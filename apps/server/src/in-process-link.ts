import { TRPCClientError, type TRPCLink } from '@trpc/client';
import {
  callTRPCProcedure,
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  type AnyTRPCRouter,
} from '@trpc/server';
import { observable } from '@trpc/server/observable';

/** A copy as JSON carries it: what a browser calling over HTTP would get. */
const asJson = <T>(value: T): T =>
  value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);

/**
 * The tRPC link SvelteKit's server code calls the router through, in this process: the procedure
 * runs with a context made for the call, and its answer (or its error's shape) crosses as JSON,
 * exactly as over HTTP, so a page sees what it would see over the network and never holds an
 * object a cache shares.
 *
 * tRPC's own `localLink` does the same with an abort controller raced against the caller's signal
 * and a promise per call that a page render never uses: on a server-rendered page that was a tenth
 * of the request's time. Queries and mutations only; there are no subscriptions here.
 */
export function inProcessLink<TRouter extends AnyTRPCRouter>(opts: {
  router: TRouter;
  createContext: () => Promise<object> | object;
}): TRPCLink<TRouter> {
  return () =>
    ({ op }) =>
      observable((observer) => {
        let ctx: object | undefined;
        const run = async () => {
          if (op.type === 'subscription') throw new Error('No subscriptions in process');
          ctx = await opts.createContext();
          const data: unknown = await callTRPCProcedure({
            router: opts.router,
            path: op.path,
            getRawInput: () => Promise.resolve(op.input),
            ctx,
            type: op.type,
            signal: op.signal ?? undefined,
            batchIndex: 0,
          });
          observer.next({ result: { data: asJson(data) } });
          observer.complete();
        };
        run().catch((cause: unknown) => {
          const error = getTRPCErrorFromUnknown(cause);
          const shape = getTRPCErrorShape({
            config: opts.router._def._config,
            ctx,
            error,
            input: op.input,
            path: op.path,
            type: op.type,
          });
          observer.error(
            TRPCClientError.from(
              { error: asJson(shape) },
              { cause: cause instanceof Error ? cause : undefined },
            ),
          );
        });
      });
}
