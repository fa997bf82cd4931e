/** Result types of the procedures, inferred from the router so they follow the server. */
import type { inferRouterOutputs } from '@trpc/server';
import type { MyRegistrationsRouter } from './contract';

export type { MyRegistrationsRouter };
type Outputs = inferRouterOutputs<MyRegistrationsRouter>['myRegistrations'];
export type CodeRequested = Outputs['requestCode'];
export type SignedIn = Outputs['verifyCode'];
export type RegistrationsView = Outputs['registrations'];
export type Registration = RegistrationsView['live'][number];
export type Cancelled = Outputs['cancel'];
