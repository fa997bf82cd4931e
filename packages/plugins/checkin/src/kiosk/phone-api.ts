/** The phone-number calls of the check-in screen; like `submitCheckIn`, they never throw. */
import type { inferRouterOutputs } from '@trpc/server';
import type { CheckInOutcome, CheckinClient } from './api';
import type { CheckinRouter } from './contract';
import { classifyCheckInError, type CheckInFailure } from './errors';

export type PhoneLookupResult = inferRouterOutputs<CheckinRouter>['checkin']['findByPhone'];
export type PhoneCandidate = PhoneLookupResult['candidates'][number];
export type PhoneWaitlisted = PhoneLookupResult['waitlisted'][number];
export type PhoneElsewhere = PhoneLookupResult['elsewhere'][number];

export type PhoneLookupOutcome =
  { ok: true; result: PhoneLookupResult } | { ok: false; failure: CheckInFailure };

/** Today's learners here whose number ends with (or is) the typed digits. */
export async function findByPhone(
  client: CheckinClient,
  digits: string,
): Promise<PhoneLookupOutcome> {
  try {
    return { ok: true, result: await client.checkin.findByPhone.mutate({ digits }) };
  } catch (error) {
    console.error('checkin.findByPhone failed', error);
    return { ok: false, failure: classifyCheckInError(error) };
  }
}

/** Checks in the learner the resident tapped. */
export async function checkInCandidate(
  client: CheckinClient,
  candidateId: string,
): Promise<CheckInOutcome> {
  try {
    return { ok: true, result: await client.checkin.checkInCandidate.mutate({ candidateId }) };
  } catch (error) {
    console.error('checkin.checkInCandidate failed', error);
    return { ok: false, failure: classifyCheckInError(error) };
  }
}
