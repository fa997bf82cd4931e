import { loadContact } from '$lib/server/contact';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
  contact: await loadContact(locals.api),
});
