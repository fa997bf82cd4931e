import { error, fail } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { isWishTopic, wishTopicName } from '@seoro/domain';
import { readApiFailure } from '$lib/server/api-error';
import { formRefusal, readForm } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

/**
 * The wishes by topic; with `?invite=<topic>`, also who would be invited for it (a count and
 * masked names), so staff see the number before anything is sent.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
  const asked = url.searchParams.get('invite');
  const inviteTopic = isWishTopic(asked) ? asked : null;
  try {
    const [list, preview] = await Promise.all([
      locals.api.staff.wishes.list.query(),
      inviteTopic ? locals.api.staff.wishes.preview.query({ topic: inviteTopic }) : null,
    ]);
    return { list, preview };
  } catch (cause) {
    console.error('[web] staff.wishes failed', readApiFailure(cause) ?? cause);
    error(503, {
      message: m.wishes_admin_unavailable({}, { locale: locals.locale }),
      kind: 'unavailable',
    });
  }
};

function refused(cause: unknown, locale: 'ko' | 'en', action: string) {
  const opts = { locale };
  const refusal = formRefusal(cause, { topic: () => m.err_wish_topic_invalid({}, opts) });
  if (!refusal) {
    console.error(`[web] staff.wishes.${action} failed`, readApiFailure(cause) ?? cause);
    return fail(500, { failed: m.wishes_admin_failed({}, opts) });
  }
  return fail(refusal.status, { failed: refusal.message });
}

export const actions: Actions = {
  /** Hides a wish from every list. */
  hide: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return fail(400, { failed: m.web_form_unreadable({}, opts) });
    const wishId = String(form.get('wishId') ?? '').slice(0, 64);
    try {
      await locals.api.staff.wishes.hide.mutate({ wishId });
      return { done: m.wishes_admin_hidden({}, opts) };
    } catch (cause) {
      return refused(cause, locals.locale, 'hide');
    }
  },

  /** Sends the invitations for a topic. */
  invite: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return fail(400, { failed: m.web_form_unreadable({}, opts) });
    const topic = String(form.get('topic') ?? '').slice(0, 40);
    try {
      const sent = await locals.api.staff.wishes.invite.mutate({ topic });
      return {
        done: m.wishes_admin_invite_sent(
          { topic: wishTopicName(sent.topic, locals.locale), count: String(sent.invited) },
          opts,
        ),
      };
    } catch (cause) {
      return refused(cause, locals.locale, 'invite');
    }
  },
};
