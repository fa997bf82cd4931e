/**
 * Who may take another seat: the waitlist promotion count, the per-term course limit and the
 * no-show bar. Pure functions of counts the services read inside their write transaction.
 */

function assertCount(value: number, label: string, min = 0): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${label} must be an integer >= ${min}, got ${value}`);
  }
}

/**
 * How many waitlisted people move up after a change (a cancellation, more seats): every free seat
 * goes to the head of the waitlist, never more than are waiting.
 */
export function seatsToPromote(input: {
  capacity: number;
  confirmed: number;
  waitlisted: number;
}): number {
  assertCount(input.capacity, 'capacity', 1);
  assertCount(input.confirmed, 'confirmed');
  assertCount(input.waitlisted, 'waitlisted');
  return Math.max(0, Math.min(input.capacity - input.confirmed, input.waitlisted));
}

/** True when a resident already holds `limit` live places (confirmed or waiting) in the term. */
export function termLimitReached(liveInTerm: number, limit: number | null): boolean {
  assertCount(liveInTerm, 'liveInTerm');
  if (limit === null) return false;
  assertCount(limit, 'limit', 1);
  return liveInTerm >= limit;
}

/**
 * The no-show bar: a learner whose unexcused absences in the previous term reach `barPercent` of
 * the meetings held for their confirmed courses may not register in the next term. Nothing held,
 * nothing to judge; no bar set, nobody barred.
 */
export function barredForNoShows(
  record: { held: number; attended: number },
  barPercent: number | null,
): boolean {
  assertCount(record.held, 'held');
  assertCount(record.attended, 'attended');
  if (barPercent === null || record.held === 0) return false;
  if (!(barPercent > 0 && barPercent <= 100)) {
    throw new RangeError(`barPercent must be in (0, 100], got ${barPercent}`);
  }
  const absent = Math.max(0, record.held - record.attended);
  // Integer comparison avoids 0.5 * 100 style rounding surprises at the threshold.
  return absent * 100 >= barPercent * record.held;
}
