import { error, redirect } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { localizeHref } from '@seoro/i18n/runtime';
import { readApiFailure } from '$lib/server/api-error';
import { attachment } from '$lib/server/download';
import type { RequestHandler } from './$types';

/** The instructor's teaching record as an A4 PDF download. */
export const GET: RequestHandler = async ({ locals }) => {
  const opts = { locale: locals.locale };
  const file = await locals.api.certificates.teachingRecordPdf
    .mutate()
    .catch((cause: unknown): never => {
      const failure = readApiFailure(cause);
      if (failure?.httpStatus === 401) redirect(303, localizeHref('/instructor/record', opts));
      console.error('[web] certificates.teachingRecordPdf failed', failure ?? cause);
      error(503, {
        message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
        kind: 'unavailable',
      });
    });
  // Not an instructor: the record's page says so.
  if (!file) redirect(303, localizeHref('/instructor/record', opts));
  const bytes = Buffer.from(file.base64, 'base64');
  return new Response(bytes, {
    headers: {
      'content-type': 'application/pdf',
      'content-length': String(bytes.byteLength),
      'content-disposition': attachment(
        file.filename,
        file.filename.replace(/^[^_]*/, 'teaching-record'),
      ),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
};
