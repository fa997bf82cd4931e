import { fail } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { WISH_TEXT_MAX, wishTopicName } from '@seoro/domain';
import { readApiFailure } from '$lib/server/api-error';
import { formRefusal, readForm } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

/** What a refused wish sends back: the field at fault, why, and what was typed. */
export interface WishFailure {
  field: 'topic' | 'text' | null;
  message: string;
  topic: string;
  text: string;
}

/** The wishes by topic, or null when they cannot be read (the form still works). */
export const load: PageServerLoad = async ({ locals }) => {
  let list = null;
  try {
    list = await locals.api.wishes.list.query();
  } catch (cause) {
    console.error('[web] wishes.list failed', readApiFailure(cause) ?? cause);
  }
  return { list };
};

export const actions: Actions = {
  /** Files the wish; the page then shows the list, with it, and a thank-you. */
  add: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    const topic = String(form?.get('topic') ?? '').slice(0, 40);
    const text = String(form?.get('text') ?? '').slice(0, WISH_TEXT_MAX * 4);
    const refuse = (status: number, field: WishFailure['field'], message: string) =>
      fail(status, { field, message, topic, text } satisfies WishFailure);
    if (!form) return refuse(400, null, m.web_form_unreadable({}, opts));
    try {
      const added = await locals.api.wishes.add.mutate({ topic, text });
      return {
        added: added.topic,
        message: m.wishes_web_added({ topic: wishTopicName(added.topic, locals.locale) }, opts),
      };
    } catch (cause) {
      const refusal = formRefusal(cause, {
        topic: () => m.err_wish_topic_invalid({}, opts),
        text: () => m.err_wish_text_too_long({ max: String(WISH_TEXT_MAX) }, opts),
      });
      if (!refusal) {
        console.error('[web] wishes.add failed', readApiFailure(cause) ?? cause);
        return refuse(500, null, m.wishes_web_failed({}, opts));
      }
      return refuse(refusal.status, refusal.field, refusal.message);
    }
  },
};
