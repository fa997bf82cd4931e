import { createTRPCClient, httpBatchLink, type TRPCClient, type TRPCLink } from '@trpc/client';
import type { AppRouter } from '@seoro/api';
import type { RequestEvent } from '@sveltejs/kit';

/**
 * The tRPC client for one request. Prefers the host's in-process link (`platform.createTrpcLink`,
 * given by the Hono server); otherwise HTTP to `API_URL` or this origin's `/trpc`.
 *
 * Uses the global `fetch`, not `event.fetch`: SvelteKit's fetch would route a same-origin `/trpc`
 * into SvelteKit itself, which has no such route.
 */
export function createApiClient(
  event: Pick<RequestEvent, 'platform' | 'url'>,
  locale: 'ko' | 'en',
  apiUrl: string | undefined,
): TRPCClient<AppRouter> {
  const hostLink: TRPCLink<AppRouter> | undefined = event.platform?.createTrpcLink?.({ locale });
  const link =
    hostLink ??
    httpBatchLink<AppRouter>({
      url: apiUrl || new URL('/trpc', event.url.origin).href,
      headers: { 'x-seoro-locale': locale },
      fetch: (input, init) => globalThis.fetch(input, init),
    });
  return createTRPCClient<AppRouter>({ links: [link] });
}
