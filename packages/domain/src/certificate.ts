/**
 * Completion certificates (수료증): who earns one. The attendance rule is `completionStatus`'s
 * (the staff attendance view uses the same one); a certificate adds only that the course is over,
 * so nothing printed can later turn out premature.
 */
import { completionStatus, type AttendanceRecord } from './completion';

export interface CertificateFacts extends AttendanceRecord {
  /** The course's last (not cancelled) meeting has ended. */
  courseEnded: boolean;
}

/**
 * Whether a confirmed learner has earned a certificate: the course has ended, it had at least one
 * meeting, and attended meetings reach `completionPercent` of those held (cancelled ones never count).
 *
 * @example certificateEarned({ total: 6, held: 6, attended: 5, courseEnded: true }, 80) // true
 */
export function certificateEarned(facts: CertificateFacts, completionPercent: number): boolean {
  const status = completionStatus(facts, completionPercent);
  return facts.courseEnded && facts.total > 0 && status === 'completed';
}

/** Attended meetings in whole percent of the held ones (rounded down: never more than earned). */
export function attendancePercentOf({ attended, held }: AttendanceRecord): number {
  return held === 0 ? 0 : Math.floor((attended * 100) / held);
}
