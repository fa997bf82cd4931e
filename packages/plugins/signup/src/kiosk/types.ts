/** Result types of the signup procedures, inferred from the router so they follow the server. */
import type { inferRouterOutputs } from '@trpc/server';
import type { SignupRouter } from './contract';

export type { SignupRouter };
export type CoursesResult = inferRouterOutputs<SignupRouter>['signup']['courses'];
export type SignupCourse = Extract<CoursesResult, { state: 'open' }>['courses'][number];
export type SignupResult = inferRouterOutputs<SignupRouter>['signup']['register'];

/** The steps of a signup, in order; the result follows the last. */
export const STEPS = ['course', 'name', 'phone', 'consent', 'confirm'] as const;
export type Step = (typeof STEPS)[number];
