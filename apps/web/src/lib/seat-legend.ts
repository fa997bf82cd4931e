import { m } from '@seoro/i18n';
import type { Locale } from '@seoro/domain';

/**
 * The seat meter's key (a filled square is a taken seat, an empty one free) and the squares'
 * accessible name with both counts.
 */
export function seatLegend(
  course: { capacity: number; confirmedCount: number },
  locale: Locale,
): { taken: string; free: string; summary: string } {
  const opts = { locale };
  const capacity = Math.max(0, course.capacity);
  const taken = Math.min(capacity, Math.max(0, course.confirmedCount));
  return {
    taken: m.web_seats_key_taken({}, opts),
    free: m.web_seats_key_free({}, opts),
    summary: m.web_seats_summary({ capacity, taken, free: capacity - taken }, opts),
  };
}
