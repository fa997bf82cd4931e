import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { m } from '@seoro/i18n';
import { localizeHref } from '@seoro/i18n/runtime';
import { readApiFailure } from '$lib/server/api-error';
import type { PageServerLoad } from './$types';

/**
 * The resident's own certificate as a printable A4 page (issued on the first opening). Signed
 * out: a sentence and the way to sign in. Someone else's or an unknown enrolment: not found.
 */
export const load: PageServerLoad = async ({ locals, params, url, setHeaders }) => {
  const opts = { locale: locals.locale };
  // The learner's full name: never in a shared cache.
  setHeaders({ 'cache-control': 'private, no-store' });
  try {
    const certificate = await locals.api.certificates.issue.mutate({
      enrolmentId: params.enrolmentId,
    });
    const verifyUrl = new URL(
      localizeHref(`/certificates/${encodeURIComponent(certificate.code)}`, opts),
      url.origin,
    ).href;
    // Our own SVG from our own data, rendered with {@html}: nothing external, no inline style.
    const qrSvg = await QRCode.toString(verifyUrl, {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 1,
    });
    return { certificate, verifyUrl, qrSvg, signedOut: false, refusal: null };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.httpStatus === 401) {
      return { certificate: null, verifyUrl: null, qrSvg: null, signedOut: true, refusal: null };
    }
    if (failure?.domainCode === 'certificate_not_earned') {
      // The reason in the resident's language, on the page itself: nothing was issued.
      const refusal = m.err_certificate_not_earned({}, opts);
      return { certificate: null, verifyUrl: null, qrSvg: null, signedOut: false, refusal };
    }
    if (failure?.httpStatus === 404 || failure?.httpStatus === 400) {
      error(404, { message: m.web_error_not_found_title({}, opts) });
    }
    console.error('[web] certificates.issue failed', failure ?? cause);
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
      kind: 'unavailable',
    });
  }
};
