import { error } from '@sveltejs/kit';
import { kstDateOf } from '@seoro/domain';
import { readApiFailure } from '$lib/server/api-error';
import type { RequestHandler } from './$types';

/**
 * The signed-in resident's data as a JSON file to keep: the same content as `/my/data`. Personal:
 * never cached, and audited by the API (`resident.data_export`).
 */
export const GET: RequestHandler = async ({ locals }) => {
  const mine = await locals.api.registration.my.data
    .query({ format: 'json' })
    .catch((cause: unknown): never => {
      const failure = readApiFailure(cause);
      if (failure?.httpStatus === 401 || failure?.httpStatus === 404) {
        error(401, { message: failure.message });
      }
      console.error('[web] registration.my.data failed', failure ?? cause);
      error(503, { message: 'Unavailable', kind: 'unavailable' });
    });
  const body = JSON.stringify(mine, null, 2);
  const date = kstDateOf(new Date(mine.exportedAt)).replace(/-/g, '');
  return new Response(body, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="seoroseoro-my-data-${date}.json"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
};
