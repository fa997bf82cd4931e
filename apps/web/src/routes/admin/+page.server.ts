import { kstDateOf } from '@seoro/domain';
import { readApiFailure } from '$lib/server/api-error';
import type { PageServerLoad } from './$types';

/**
 * The dashboard: today's date in Korea, the current term's courses with their seats and
 * waitlists, and today's classes in the program's room. Each part loads on its own, so one that
 * fails leaves a sentence in its place and the rest of the page still works.
 */
export const load: PageServerLoad = async ({ locals }) => {
  const [catalogue, today] = await Promise.all([
    locals.api.catalogue.currentTerm.query().then(
      (value) => ({ ok: true as const, value }),
      (cause: unknown) => {
        console.error('[web] catalogue.currentTerm failed', readApiFailure(cause) ?? cause);
        return { ok: false as const };
      },
    ),
    locals.api.checkin.today.query().then(
      (value) => ({ ok: true as const, value }),
      (cause: unknown) => {
        console.error('[web] checkin.today failed', readApiFailure(cause) ?? cause);
        return { ok: false as const };
      },
    ),
  ]);
  return {
    todayDate: kstDateOf(new Date()),
    catalogue: catalogue.ok ? { current: catalogue.value } : null,
    today: today.ok ? today.value : null,
  };
};
