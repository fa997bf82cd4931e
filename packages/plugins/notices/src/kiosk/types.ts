/** Result types of the notices procedures, inferred from the router so they follow the server. */
import type { inferRouterOutputs } from '@trpc/server';
import type { NoticesRouter } from './contract';

export type { NoticesRouter };
export type CurrentResult = inferRouterOutputs<NoticesRouter>['notices']['current'];
export type KioskNotice = CurrentResult['notices'][number];
