import { error } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { readApiFailure } from '$lib/server/api-error';
import type { PageServerLoad } from './$types';

/** The signed-in instructor's teaching record (printable A4); a sentence for anyone else. */
export const load: PageServerLoad = async ({ locals, setHeaders }) => {
  const opts = { locale: locals.locale };
  setHeaders({ 'cache-control': 'private, no-store' });
  try {
    const record = await locals.api.certificates.teachingRecord.query();
    return { record, signedOut: false };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.httpStatus === 401) return { record: null, signedOut: true };
    console.error('[web] certificates.teachingRecord failed', failure ?? cause);
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
      kind: 'unavailable',
    });
  }
};
