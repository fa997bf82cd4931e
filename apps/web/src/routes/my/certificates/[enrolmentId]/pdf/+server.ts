import { error, redirect } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { localizeHref } from '@seoro/i18n/runtime';
import { readApiFailure } from '$lib/server/api-error';
import { attachment } from '$lib/server/download';
import type { RequestHandler } from './$types';

/** The resident's certificate as an A4 PDF download (issued first if need be). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const opts = { locale: locals.locale };
  const file = await locals.api.certificates.pdf
    .mutate({ enrolmentId: params.enrolmentId, origin: url.origin })
    .catch((cause: unknown): never => {
      const failure = readApiFailure(cause);
      const page = `/my/certificates/${encodeURIComponent(params.enrolmentId)}`;
      // Signed out or not earned: the certificate's page says why, in the resident's language.
      if (failure?.httpStatus === 401 || failure?.domainCode === 'certificate_not_earned') {
        redirect(303, localizeHref(page, opts));
      }
      if (failure?.httpStatus === 404 || failure?.httpStatus === 400) {
        error(404, { message: m.web_error_not_found_title({}, opts) });
      }
      console.error('[web] certificates.pdf failed', failure ?? cause);
      error(503, {
        message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
        kind: 'unavailable',
      });
    });
  const bytes = Buffer.from(file.base64, 'base64');
  return new Response(bytes, {
    headers: {
      'content-type': 'application/pdf',
      'content-length': String(bytes.byteLength),
      'content-disposition': attachment(
        file.filename,
        file.filename.replace(/^[^_]*/, 'certificate'),
      ),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
};
