import { error, redirect } from '@sveltejs/kit';
import { kstDateOf } from '@seoro/domain';
import { m } from '@seoro/i18n';
import { readApiFailure } from '$lib/server/api-error';
import { isAuditAction } from './audit-text';
import type { PageServerLoad } from './$types';

/** The search's URL parameters. */
type Param = 'staff' | 'resident' | 'action' | 'from' | 'to' | 'cursor';

/**
 * The audit log, for administrators. The search lives in the URL (`?staff=…&resident=…&action=…
 * &from=…&to=…&cursor=…`), so a view can be bookmarked; empty fields are dropped from it. A search
 * the API cannot read shows every entry with a sentence saying so.
 */
export const load: PageServerLoad = async ({ locals, url, parent }) => {
  const opts = { locale: locals.locale };
  const { staff } = await parent();
  if (staff?.role !== 'admin') {
    error(403, { message: m.web_admin_audit_forbidden({}, opts) });
  }

  const emptyParams = [...url.searchParams].filter(([, value]) => value.trim() === '');
  if (emptyParams.length > 0) {
    const cleaned = new URL(url);
    for (const [name] of emptyParams) cleaned.searchParams.delete(name);
    redirect(303, `${cleaned.pathname}${cleaned.search}`);
  }

  const param = (name: Param) => url.searchParams.get(name)?.trim() || undefined;
  const action = param('action');
  const filters = {
    staffId: param('staff'),
    resident: param('resident'),
    action: action && isAuditAction(action) ? action : undefined,
    from: param('from'),
    to: param('to'),
  };
  const cursor = param('cursor');
  const search = (input: Partial<typeof filters> & { cursor?: string }) =>
    locals.api.staff.audit.search.query(input);

  try {
    let invalid = action !== undefined && filters.action === undefined;
    const result = await search({ ...filters, cursor }).catch(async (cause: unknown) => {
      if (readApiFailure(cause)?.httpStatus !== 400) throw cause;
      invalid = true;
      return search({});
    });
    return {
      filters: {
        staff: filters.staffId ?? '',
        resident: filters.resident ?? '',
        action: filters.action ?? '',
        from: filters.from ?? '',
        to: filters.to ?? '',
      },
      paged: cursor !== undefined,
      thisYear: kstDateOf(new Date()).slice(0, 4),
      invalid,
      result,
    };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.httpStatus === 403) error(403, { message: m.web_admin_audit_forbidden({}, opts) });
    console.error('[web] staff.audit.search failed', failure ?? cause);
    error(503, { message: m.web_admin_unavailable({}, opts), kind: 'unavailable' });
  }
};
