import { error } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { readApiFailure } from '$lib/server/api-error';
import type { PageServerLoad } from './$types';

/**
 * Anyone's check of a certificate (the QR code printed on it): the masked name, the course, the
 * term and the issue date. An unknown or forged code is a plain 404, the same for every code.
 */
export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
  const opts = { locale: locals.locale };
  // A (masked) person's record: not for shared caches.
  setHeaders({ 'cache-control': 'private, no-store' });
  try {
    const check = await locals.api.certificates.verify.query({ code: params.code });
    return { check };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.domainCode === 'rate_limited' || failure?.httpStatus === 429) {
      error(429, { message: m.web_error_rate_limited_title({}, opts), kind: 'rate_limited' });
    }
    if (failure?.httpStatus === 404 || failure?.httpStatus === 400) {
      error(404, { message: m.cert_not_found_title({}, opts), kind: 'certificate_not_found' });
    }
    console.error('[web] certificates.verify failed', failure ?? cause);
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
      kind: 'unavailable',
    });
  }
};
