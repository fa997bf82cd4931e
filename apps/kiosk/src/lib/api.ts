/** The shell's own tRPC client (today's classes on the start screen). Type-only use of the router. */
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@seoro/api';

export type TodayResult = inferRouterOutputs<AppRouter>['checkin']['today'];

export function createShellClient(url: string, headers: () => Record<string, string>) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url, headers: () => headers() })],
  });
}
