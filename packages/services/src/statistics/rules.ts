import { addDays, kstDateOf } from '@seoro/domain';

/** One minute after opening (0 = the opening minute) and the registrations made in it. */
export interface MinuteBucket {
  minute: number;
  count: number;
}

/** One KST calendar day (YYYY-MM-DD) and the registrations made in it. */
export interface DayBucket {
  date: string;
  count: number;
}

const MINUTE = 60_000;

/** Minutes counted one by one after registration opens. */
export const OPENING_MINUTES = 60;

/**
 * Part over whole as a share in [0, 1], or null when the whole is zero (nothing to measure).
 * A part larger than the whole (capacity lowered below the learners already confirmed) counts as 1.
 */
export function share(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.min(1, Math.max(0, part / whole));
}

/**
 * Registrations per minute for the first hour after `opensAt`: exactly 60 buckets, minute `k`
 * holding the instants in [opensAt + k min, opensAt + (k+1) min). Instants outside the hour are
 * not counted.
 */
export function bucketFirstHour(opensAt: Date, instants: readonly Date[]): MinuteBucket[] {
  const buckets = Array.from({ length: OPENING_MINUTES }, (_, minute) => ({ minute, count: 0 }));
  const start = opensAt.getTime();
  for (const at of instants) {
    const k = Math.floor((at.getTime() - start) / MINUTE);
    if (k >= 0 && k < OPENING_MINUTES) buckets[k]!.count += 1;
  }
  return buckets;
}

/**
 * Registrations per KST day from the day registration opens to the day it closes (every day
 * listed, zero included), counting instants in [opensAt, closesAt].
 */
export function bucketByKstDay(
  opensAt: Date,
  closesAt: Date,
  instants: readonly Date[],
): DayBucket[] {
  const first = kstDateOf(opensAt);
  const last = kstDateOf(closesAt);
  const days: DayBucket[] = [];
  const index = new Map<string, DayBucket>();
  // A window is weeks long; the cap only guards against a corrupt row looping for ever.
  for (let date = first, n = 0; date <= last && n < 400; date = addDays(date, 1), n += 1) {
    const bucket = { date, count: 0 };
    days.push(bucket);
    index.set(date, bucket);
  }
  for (const at of instants) {
    if (at < opensAt || at > closesAt) continue;
    const bucket = index.get(kstDateOf(at));
    if (bucket) bucket.count += 1;
  }
  return days;
}
