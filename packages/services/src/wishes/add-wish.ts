import { newId, wishes } from '@seoro/db';
import { checkedWish, type Locale, type WishTopic } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';

export interface AddWishInput {
  topic: string;
  text: string;
  source: 'web' | 'kiosk';
  locale: Locale;
}

/**
 * Files a wish ("I wish someone taught …"). No personal data is asked for or kept. On the web the
 * text is required; at the kiosk an empty text is a wish for the topic alone. Refusals (nothing
 * written): `wish_topic_invalid`, `wish_text_too_short`, `wish_text_too_long`,
 * `wish_text_has_phone`.
 */
export const addWish = writeService('addWish');
export { addWishInPlace };

async function addWishInPlace(
  ctx: ServiceContext,
  input: AddWishInput,
): Promise<{ id: string; topic: WishTopic }> {
  const wish = checkedWish(input, { requireText: input.source === 'web' });
  return ctx.database.write(async (tx) => {
    const id = newId();
    await tx.insert(wishes).values({
      id,
      topic: wish.topic,
      text: wish.text,
      source: input.source,
      locale: input.locale === 'en' ? 'en' : 'ko',
      createdAt: ctx.clock.now(),
    });
    return { id, topic: wish.topic };
  });
}
