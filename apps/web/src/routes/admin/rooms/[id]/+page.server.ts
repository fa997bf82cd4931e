import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '@seoro/i18n/runtime';
import { m } from '@seoro/i18n';
import { dateToDays } from '@seoro/domain';
import { readApiFailure } from '$lib/server/api-error';
import type { PageServerLoad } from './$types';

const isDate = (value: string | null): value is string => {
  if (!value) return false;
  try {
    dateToDays(value);
    return true;
  } catch {
    return false;
  }
};

/** A room's week or month (`?view=week|month&date=YYYY-MM-DD`), this week in Korea by default. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const opts = { locale: locals.locale };
  const view = url.searchParams.get('view') === 'month' ? 'month' : 'week';
  const rawDate = url.searchParams.get('date');
  // The room chooser (a GET form, so it works without JavaScript) names the room to show.
  const chosen = url.searchParams.get('room');
  if (chosen && chosen !== params.id && /^[\w-]{1,64}$/.test(chosen)) {
    const date = isDate(rawDate) ? `&date=${rawDate}` : '';
    redirect(303, localizeHref(`/admin/rooms/${chosen}?view=${view}${date}`, opts));
  }
  try {
    const timetable = await locals.api.staff.rooms.timetable.query({
      roomId: params.id,
      view,
      date: isDate(rawDate) ? rawDate : undefined,
    });
    return { timetable };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.httpStatus === 404 || failure?.httpStatus === 400) {
      error(404, { message: m.admin_rooms_not_found({}, opts) });
    }
    console.error('[web] staff.rooms.timetable failed', failure ?? cause);
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
      kind: 'unavailable',
    });
  }
};
