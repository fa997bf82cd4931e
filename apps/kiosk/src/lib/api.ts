/** The shell's own tRPC client (pairing, heartbeat, today's classes). Type-only use of the router. */
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@seoro/api';
import { createKioskClient } from '@seoro/plugin-sdk/kiosk-client';

export type TodayResult = inferRouterOutputs<AppRouter>['checkin']['today'];

export function createShellClient(trpcUrl: string, headers: () => Record<string, string>) {
  return createKioskClient<AppRouter>({ trpcUrl, headers });
}
