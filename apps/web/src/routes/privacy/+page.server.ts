import { loadContact } from '$lib/server/contact';
import { readApiFailure } from '$lib/server/api-error';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const [contact, retention] = await Promise.all([
    loadContact(locals.api),
    // The periods staff set; without them the notice keeps its general sentence.
    locals.api.catalogue.retention.query().catch((cause: unknown) => {
      console.error('[web] catalogue.retention failed', readApiFailure(cause) ?? cause);
      return null;
    }),
  ]);
  return { contact, retention };
};
