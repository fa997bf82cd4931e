import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '@seoro/i18n/runtime';
import { m } from '@seoro/i18n';
import { readApiFailure } from '$lib/server/api-error';
import { attachment } from '$lib/server/download';
import { readForm } from '$lib/server/form';
import { isAuditAction } from '../audit-text';
import type { RequestHandler } from './$types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The audit log under the page's filters as a CSV or `.xlsx` download (admins only), built on the
 * server. The API records the export itself (`audit.export`).
 */
export const POST: RequestHandler = async ({ request, locals }) => {
  const locale = locals.locale;
  const form = await readForm(request);
  const field = (name: string) => String(form?.get(name) ?? '').trim() || undefined;
  const format = field('format') === 'xlsx' ? 'xlsx' : 'csv';
  const action = field('action');
  const date = (name: string) => {
    const value = field(name);
    return value && DATE.test(value) ? value : undefined;
  };
  const file = await locals.api.staff.audit.export
    .query({
      staffId: field('staff')?.slice(0, 64),
      resident: field('resident')?.slice(0, 40),
      action: action && isAuditAction(action) ? action : undefined,
      from: date('from'),
      to: date('to'),
      format,
      locale,
    })
    .catch((cause: unknown): never => {
      const failure = readApiFailure(cause);
      if (failure?.httpStatus === 401) {
        redirect(303, localizeHref('/admin/sign-in?next=%2Fadmin%2Faudit', { locale }));
      }
      if (failure?.httpStatus === 403) {
        error(403, { message: m.web_admin_audit_forbidden({}, { locale }) });
      }
      console.error('[web] staff.audit.export failed', failure ?? cause);
      error(503, { message: m.privacy_audit_export_failed({}, { locale }), kind: 'unavailable' });
    });
  const bytes = Buffer.from(file.base64, 'base64');
  const stamp = /_(\d{8})\.\w+$/.exec(file.filename)?.[1] ?? 'export';
  return new Response(bytes, {
    headers: {
      'content-type': file.contentType,
      'content-length': String(bytes.byteLength),
      'content-disposition': attachment(file.filename, `seoroseoro-audit-${stamp}.${format}`),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
};
