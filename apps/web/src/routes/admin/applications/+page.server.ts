import { error } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { APPLICATION_STATUSES, type ApplicationStatus } from '@seoro/domain';
import { readApiFailure } from '$lib/server/api-error';
import type { PageServerLoad } from './$types';

const isStatus = (s: string | null): s is ApplicationStatus =>
  s !== null && (APPLICATION_STATUSES as readonly string[]).includes(s);

/** Applications to teach, filtered by `?status=` (all without it), newest first, with counts. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const raw = url.searchParams.get('status');
  const status = isStatus(raw) ? raw : null;
  try {
    const list = await locals.api.staff.applications.list.query({ status });
    return { ...list, status };
  } catch (cause) {
    console.error('[web] staff.applications.list failed', readApiFailure(cause) ?? cause);
    error(503, {
      message: m.teach_admin_unavailable({}, { locale: locals.locale }),
      kind: 'unavailable',
    });
  }
};
