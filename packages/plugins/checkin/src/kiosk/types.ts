/** Result types of the check-in procedures, inferred from the router so they follow the server. */
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { CheckinRouter } from './contract';

export type { CheckinRouter };
export type TodayResult = inferRouterOutputs<CheckinRouter>['checkin']['today'];
export type TodayMeeting = TodayResult['meetings'][number];
export type CheckInInput = inferRouterInputs<CheckinRouter>['checkin']['checkIn'];
export type CheckInMethod = CheckInInput['method'];
export type CheckInResult = inferRouterOutputs<CheckinRouter>['checkin']['checkIn'];
