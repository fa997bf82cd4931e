/**
 * Completion (수료): a learner completes a course by attending at least `completionPercent` of its
 * meetings (the term's rule, usually 80%). Cancelled meetings do not count. While the course runs,
 * the rate is over the meetings held so far, and the status says whether completion is already
 * secured, still reachable by attending every remaining meeting, or out of reach.
 */

/** '수료' / '수료 예정 가능' / '미달'. */
export type CompletionStatus = 'completed' | 'on_track' | 'not_met';

export interface AttendanceRecord {
  /** Meetings of the course that are not cancelled, held or not. */
  total: number;
  /** Of those, the ones that have started. */
  held: number;
  /** Held meetings the learner attended (on time or late). */
  attended: number;
}

function assertRecord({ total, held, attended }: AttendanceRecord): void {
  for (const [name, n] of [
    ['total', total],
    ['held', held],
    ['attended', attended],
  ] as const) {
    if (!Number.isSafeInteger(n) || n < 0)
      throw new RangeError(`${name} must be a count, got ${n}`);
  }
  if (held > total) throw new RangeError(`held (${held}) exceeds total (${total})`);
  if (attended > held) throw new RangeError(`attended (${attended}) exceeds held (${held})`);
}

function assertPercent(percent: number): void {
  if (!(Number.isInteger(percent) && percent >= 0 && percent <= 100)) {
    throw new RangeError(`completionPercent must be an integer in 0..100, got ${percent}`);
  }
}

/** Attended meetings as a share of those held so far, 0..1; null before the first is held. */
export function attendanceRate(record: AttendanceRecord): number | null {
  assertRecord(record);
  return record.held === 0 ? null : record.attended / record.held;
}

/** The fewest meetings out of `total` that make `completionPercent`. */
export function meetingsToComplete(total: number, completionPercent: number): number {
  assertPercent(completionPercent);
  // Integer arithmetic: 80% of 6 is 4.8, so 5 meetings.
  return Math.ceil((total * completionPercent) / 100);
}

/**
 * Where a learner stands against the completion rule. Completed once the attended meetings reach
 * the share of the whole course (nothing later can undo that); not met once even attending every
 * remaining meeting would fall short; on track in between. A course without meetings is on track.
 *
 * @example completionStatus({ total: 6, held: 6, attended: 5 }, 80) // 'completed' (5/6 ≥ 80%)
 */
export function completionStatus(
  record: AttendanceRecord,
  completionPercent: number,
): CompletionStatus {
  assertRecord(record);
  assertPercent(completionPercent);
  if (record.total === 0) return 'on_track';
  if (record.attended * 100 >= record.total * completionPercent) return 'completed';
  const reachable = record.attended + (record.total - record.held);
  return reachable * 100 >= record.total * completionPercent ? 'on_track' : 'not_met';
}
