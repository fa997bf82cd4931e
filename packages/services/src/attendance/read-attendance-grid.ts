import { auditLog } from '@seoro/db';
import { writeService, type ServiceContext } from '../context';
import { loadAttendanceGrid, type AttendanceGrid } from './course-attendance';

export interface AttendanceGridInput {
  courseId: string;
  /** Who reads, for the audit row. */
  staffId: string;
  ip?: string | null;
}

/**
 * A course's attendance grid for staff (meetings × confirmed learners, with rates and completion).
 * The learners' names are personal data, so the same call writes the audit row (who, from where,
 * which course, how many learners): a screen has no other way to read the grid.
 */
export const readAttendanceGrid = writeService('readAttendanceGrid');
export { readAttendanceGridInPlace };

async function readAttendanceGridInPlace(
  ctx: ServiceContext,
  input: AttendanceGridInput,
): Promise<AttendanceGrid> {
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const grid = await loadAttendanceGrid(tx, input.courseId, now);
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staffId,
      action: 'attendance.read',
      subjectType: 'course',
      subjectId: grid.course.id,
      ip: input.ip ?? null,
      detail: { residents: grid.learners.length, meetings: grid.meetings.length },
    });
    return grid;
  });
}
