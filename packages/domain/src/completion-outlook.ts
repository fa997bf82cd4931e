/**
 * How a learner's attendance looks against the completion line (수료 기준) while a course runs,
 * for the instructor's roster: how many meetings they missed, how many are left, how many of those
 * they still need, and whether that calls for the instructor's attention.
 */
import { completionStatus, meetingsToComplete, type AttendanceRecord } from './completion';

export interface CompletionOutlook {
  /**
   * `completed`: the line is reached; `safe`: reachable with room to miss two or more;
   * `at_risk`: at least one absence and at most one more may be missed; `not_met`: out of reach
   * even attending every remaining meeting.
   */
  state: 'completed' | 'safe' | 'at_risk' | 'not_met';
  /** Held meetings missed. */
  absences: number;
  /** Meetings not held yet (cancelled ones left out). */
  remaining: number;
  /** Of the remaining meetings, how many must still be attended (0 once completed). */
  needed: number;
  /** Meetings the whole course needs for completion. */
  required: number;
}

/**
 * The outlook of one learner. A learner is at risk when they have missed a meeting and may miss at
 * most one more: the roster highlights them with the reason ("3회 결석 — 남은 2회를 모두 출석해야 수료").
 *
 * @example completionOutlook({ total: 8, held: 6, attended: 3 }, 80)
 * // { state: 'not_met', absences: 3, remaining: 2, needed: 3, required: 7 }
 */
export function completionOutlook(
  record: AttendanceRecord,
  completionPercent: number,
): CompletionOutlook {
  const status = completionStatus(record, completionPercent);
  const required = meetingsToComplete(record.total, completionPercent);
  const absences = record.held - record.attended;
  const remaining = record.total - record.held;
  const needed = Math.max(0, required - record.attended);
  if (status === 'completed') return { state: 'completed', absences, remaining, needed, required };
  if (status === 'not_met') return { state: 'not_met', absences, remaining, needed, required };
  const spare = remaining - needed;
  const state = absences > 0 && spare <= 1 ? 'at_risk' : 'safe';
  return { state, absences, remaining, needed, required };
}
