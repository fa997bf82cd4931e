import { kstDateOf } from '@seoro/domain';
import { readApiFailure } from '$lib/server/api-error';
import { belowMinimumActions } from '$lib/server/below-minimum-actions';
import type { Actions, PageServerLoad } from './$types';

/**
 * The dashboard: today's date in Korea, the current term's courses with their seats and
 * waitlists, today's classes in the program's room, and the courses below their minimum. Each part loads on its own, so one that
 * fails leaves a sentence in its place and the rest of the page still works.
 */
export const load: PageServerLoad = async ({ locals }) => {
  const [catalogue, today, belowMinimum] = await Promise.all([
    locals.api.catalogue.currentTerm.query().then(
      (value) => ({ ok: true as const, value }),
      (cause: unknown) => {
        console.error('[web] catalogue.currentTerm failed', readApiFailure(cause) ?? cause);
        return { ok: false as const };
      },
    ),
    locals.api.staff.dashboard.today.query().then(
      (value) => ({ ok: true as const, value }),
      (cause: unknown) => {
        const failure = readApiFailure(cause);
        if (failure?.httpStatus !== 401) {
          console.error('[web] staff.dashboard.today failed', failure ?? cause);
        }
        return { ok: false as const };
      },
    ),
    locals.api.staff.dashboard.belowMinimum.query().then(
      (value) => ({ ok: true as const, value }),
      (cause: unknown) => {
        // Without a session the layout sends the visitor to sign in; nothing went wrong here.
        const failure = readApiFailure(cause);
        if (failure?.httpStatus !== 401) {
          console.error('[web] staff.dashboard.belowMinimum failed', failure ?? cause);
        }
        return { ok: false as const };
      },
    ),
  ]);
  return {
    todayDate: kstDateOf(new Date()),
    catalogue: catalogue.ok ? { current: catalogue.value } : null,
    today: today.ok ? today.value : null,
    belowMinimum: belowMinimum.ok ? belowMinimum.value : null,
  };
};

/** The decisions on courses below their minimum (extend, lower, cancel). */
export const actions: Actions = belowMinimumActions;
