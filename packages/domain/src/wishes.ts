/**
 * Wishes (배우고 싶어요): "I wish someone taught …", written by anyone with no personal data, under
 * one of a fixed list of topics. These are the rules for what a wish may say.
 */
import { DomainError } from './errors';

/** The topics a wish is filed under, in the order they are shown. */
export const WISH_TOPICS = [
  'living',
  'humanities',
  'arts',
  'music',
  'health',
  'digital',
  'language',
  'cooking',
  'other',
] as const;

export type WishTopic = (typeof WISH_TOPICS)[number];

/** Each topic's name in Korean and English. */
export const WISH_TOPIC_NAMES: Readonly<Record<WishTopic, { ko: string; en: string }>> = {
  living: { ko: '생활·경제', en: 'Everyday life & money' },
  humanities: { ko: '인문·교양', en: 'Humanities' },
  arts: { ko: '예술·공예', en: 'Arts & crafts' },
  music: { ko: '음악', en: 'Music' },
  health: { ko: '건강·운동', en: 'Health & exercise' },
  digital: { ko: '디지털', en: 'Digital' },
  language: { ko: '언어', en: 'Languages' },
  cooking: { ko: '요리', en: 'Cooking' },
  other: { ko: '기타', en: 'Other' },
};

export const WISH_TEXT_MIN = 2;
export const WISH_TEXT_MAX = 200;

const TOPICS: ReadonlySet<string> = new Set(WISH_TOPICS);

export function isWishTopic(value: unknown): value is WishTopic {
  return typeof value === 'string' && TOPICS.has(value);
}

/** The topic's name in `locale`. */
export function wishTopicName(topic: WishTopic, locale: 'ko' | 'en'): string {
  return WISH_TOPIC_NAMES[topic][locale];
}

/**
 * True when the text holds something that reads like a phone number: nine or more digits in a
 * row, spaces, dots, hyphens and brackets between them allowed (010-1234-5678, 02 123 4567 8).
 */
export function looksLikePhoneNumber(text: string): boolean {
  const digitsInRun = text.match(/[0-9０-９][0-9０-９\s.\-()]*/g) ?? [];
  return digitsInRun.some((run) => run.replace(/[^0-9０-９]/g, '').length >= 9);
}

/** Counted as a person reads them (a Hangul syllable is one), not in UTF-16 units. */
function characters(text: string): number {
  return [...text].length;
}

/**
 * The wish as stored: the topic checked, the text trimmed with runs of spaces made one. An empty
 * text is a wish for the topic alone, allowed unless `requireText`. Refusals: `wish_topic_invalid`,
 * `wish_text_too_short`, `wish_text_too_long`, `wish_text_has_phone`.
 */
export function checkedWish(
  input: { topic: string; text: string },
  options: { requireText?: boolean } = {},
): { topic: WishTopic; text: string } {
  if (!isWishTopic(input.topic)) throw new DomainError('wish_topic_invalid');
  const text = input.text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const length = characters(text);
  if (length === 0 && !options.requireText) return { topic: input.topic, text };
  if (length < WISH_TEXT_MIN) throw new DomainError('wish_text_too_short', { min: WISH_TEXT_MIN });
  if (length > WISH_TEXT_MAX) throw new DomainError('wish_text_too_long', { max: WISH_TEXT_MAX });
  if (looksLikePhoneNumber(text)) throw new DomainError('wish_text_has_phone');
  return { topic: input.topic, text };
}
