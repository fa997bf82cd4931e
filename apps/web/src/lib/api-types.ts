/**
 * Shapes of the API's answers, inferred from the router type so that a change on the server shows
 * up here as a type error. Type-only: nothing from the server is bundled.
 */
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@seoro/api';

type Outputs = inferRouterOutputs<AppRouter>;

export type CurrentTerm = NonNullable<Outputs['catalogue']['currentTerm']>;
export type TermView = CurrentTerm['term'];
export type CourseCard = CurrentTerm['courses'][number];
export type CourseDetail = Outputs['catalogue']['course'];
export type Meeting = CourseDetail['meetings'][number];
export type RegistrationView = Outputs['registration']['byCode'];
export type RegisterResult = Outputs['registration']['register'];
export type LocalizedText = { ko: string; en: string };
export type ProgramContact = Outputs['catalogue']['contact'];
export type PastTermSummary = Outputs['catalogue']['pastTerms'][number];
export type PastTerm = Outputs['catalogue']['pastTerm'];
