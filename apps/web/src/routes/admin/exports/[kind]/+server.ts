import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '@seoro/i18n/runtime';
import type { ExportError } from '$lib/admin/exports';
import { readApiFailure } from '$lib/server/api-error';
import { attachment } from '$lib/server/download';
import { readForm } from '$lib/server/form';
import type { RequestHandler } from './$types';

const KINDS = ['course-roster', 'course-attendance', 'term-enrolments'] as const;
type Kind = (typeof KINDS)[number];
const isKind = (value: string): value is Kind => (KINDS as readonly string[]).includes(value);

/**
 * One export, posted from the export page's form (purpose, format, course or term): the file as
 * a download, built on the server and audited by the procedure. A refusal goes back to the page
 * with the reason in the address (`?kind=&error=`), so the form says it without JavaScript.
 */
export const POST: RequestHandler = async ({ request, locals, params }) => {
  const locale = locals.locale;
  const kind = params.kind;
  if (!isKind(kind)) error(404, { message: 'Not found' });
  const form = await readForm(request);
  const field = (name: string) => String(form?.get(name) ?? '').trim();
  const courseId = field('courseId').slice(0, 64);
  const termId = field('termId').slice(0, 64);
  const format = field('format') === 'csv' ? 'csv' : 'xlsx';
  const purpose = field('purpose').slice(0, 500);

  const back = (reason: ExportError): never => {
    const query = new URLSearchParams({ kind, error: reason });
    if (termId) query.set('term', termId);
    if (courseId) query.set('course', courseId);
    redirect(303, localizeHref(`/admin/exports?${query}#${kind}`, { locale }));
  };
  if (!purpose) back('purpose');

  const file = await locals.api.staff.exports.file
    .query({
      kind,
      courseId: courseId || undefined,
      termId: termId || undefined,
      format,
      purpose,
      locale,
    })
    .catch((cause: unknown): never => {
      const failure = readApiFailure(cause);
      if (failure?.httpStatus === 401) {
        const next = encodeURIComponent('/admin/exports');
        redirect(303, localizeHref(`/admin/sign-in?next=${next}`, { locale }));
      }
      if (failure?.field === 'purpose') back('purpose');
      if (failure?.httpStatus === 404 || failure?.httpStatus === 400) back('not_found');
      console.error('[web] staff.exports.file failed', failure ?? cause);
      return back('failed');
    });
  const bytes = Buffer.from(file.base64, 'base64');
  const stamp = /_(\d{8})\.\w+$/.exec(file.filename)?.[1] ?? 'export';
  return new Response(bytes, {
    headers: {
      'content-type': file.contentType,
      'content-length': String(bytes.byteLength),
      'content-disposition': attachment(file.filename, `seoroseoro-${kind}-${stamp}.${format}`),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
};
