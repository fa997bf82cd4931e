import { desc, isNull, sql } from 'drizzle-orm';
import { wishes } from '@seoro/db';
import { isWishTopic, WISH_TOPICS, type Locale, type WishTopic } from '@seoro/domain';
import type { ServiceContext } from '../context';

export interface ListedWish {
  id: string;
  text: string;
  source: 'web' | 'kiosk';
  locale: Locale;
  createdAt: Date;
}

export interface WishTopicGroup {
  topic: WishTopic;
  /** Every wish of the topic not hidden. */
  count: number;
  /** The newest of them, at most `perTopic`. */
  wishes: ListedWish[];
}

/**
 * Wishes not hidden, grouped by topic in the fixed topic order (topics with none left out), each
 * with its count and its newest `perTopic` wishes.
 */
export async function listWishes(
  ctx: ServiceContext,
  options: { perTopic?: number } = {},
): Promise<{ total: number; topics: WishTopicGroup[] }> {
  const perTopic = options.perTopic ?? 5;
  const db = ctx.database.db;
  const rows = await db
    .select({
      id: wishes.id,
      topic: wishes.topic,
      text: wishes.text,
      source: wishes.source,
      locale: wishes.locale,
      createdAt: wishes.createdAt,
      rank: sql<number>`row_number() over (partition by ${wishes.topic} order by ${wishes.createdAt} desc, ${wishes.id} desc)`,
      count: sql<number>`count(*) over (partition by ${wishes.topic})`,
    })
    .from(wishes)
    .where(isNull(wishes.hiddenAt))
    .orderBy(desc(wishes.createdAt));
  const groups = new Map<WishTopic, WishTopicGroup>();
  for (const row of rows) {
    if (!isWishTopic(row.topic)) continue;
    let group = groups.get(row.topic);
    if (!group) {
      group = { topic: row.topic, count: Number(row.count), wishes: [] };
      groups.set(row.topic, group);
    }
    if (Number(row.rank) <= perTopic) {
      group.wishes.push({
        id: row.id,
        text: row.text,
        source: row.source,
        locale: row.locale,
        createdAt: row.createdAt,
      });
    }
  }
  const topics = WISH_TOPICS.flatMap((topic) => {
    const group = groups.get(topic);
    return group ? [group] : [];
  });
  return { total: topics.reduce((sum, g) => sum + g.count, 0), topics };
}
