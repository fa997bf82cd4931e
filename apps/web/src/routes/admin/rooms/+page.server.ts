import { error } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { readApiFailure } from '$lib/server/api-error';
import type { PageServerLoad } from './$types';

/** Every room, and this week of the busiest one (Lecture Room 3 in the program today). */
export const load: PageServerLoad = async ({ locals }) => {
  const opts = { locale: locals.locale };
  try {
    const rooms = await locals.api.staff.rooms.list.query();
    const week = rooms.length > 0 ? await locals.api.staff.rooms.timetable.query({}) : null;
    return { rooms, week };
  } catch (cause) {
    console.error('[web] staff.rooms failed', readApiFailure(cause) ?? cause);
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
      kind: 'unavailable',
    });
  }
};
