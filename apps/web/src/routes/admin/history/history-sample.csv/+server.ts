import { error } from '@sveltejs/kit';
import { readApiFailure } from '$lib/server/api-error';
import { attachment } from '$lib/server/download';
import type { RequestHandler } from './$types';

/**
 * The shipped sample of past terms (CSV, UTF-8 with a byte-order mark so that Excel reads the
 * Korean), as an example and a template for the import.
 */
export const GET: RequestHandler = async ({ locals }) => {
  const sample = await locals.api.staff.history.sample.query().catch((cause: unknown): never => {
    const failure = readApiFailure(cause);
    if (failure?.httpStatus === 401 || failure?.httpStatus === 403)
      error(403, { message: 'Forbidden' });
    console.error('[web] staff.history.sample failed', failure ?? cause);
    error(503, { message: 'Unavailable', kind: 'unavailable' });
  });
  return new Response(`\uFEFF${sample.csv}`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': attachment(sample.fileName, sample.fileName),
      'cache-control': 'private, no-store',
    },
  });
};
