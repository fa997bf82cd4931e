import { auditLog } from '@seoro/db';
import { DomainError } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { loadAttendanceGrid, type CourseSheetHeader } from './course-attendance';

export interface AttendanceSheetInput {
  courseId: string;
  /** One meeting's sheet (portrait); the whole course's (landscape) without it. */
  meetingId?: string | null;
  staffId: string;
  ip?: string | null;
}

/** A meeting as the paper sheet heads its column (or its page). */
export interface SheetMeeting {
  id: string;
  seq: number;
  date: string;
  startTime: string;
  endTime: string;
  status: 'scheduled' | 'cancelled';
}

/** The 출석부 to print: the program's header, the meetings, and numbered names to sign beside. */
export interface AttendanceSheet {
  course: CourseSheetHeader;
  /** The one meeting asked for, or every meeting of the course by 회차. */
  meetings: SheetMeeting[];
  /** Every meeting of the course by 회차, for choosing another sheet. */
  courseMeetings: SheetMeeting[];
  /** True for one meeting's sheet. */
  single: boolean;
  learners: { number: number; name: string }[];
  /** ISO instant the sheet was made. */
  printedAt: string;
}

/**
 * The printable attendance sheet (출석부) of a course or of one of its meetings: confirmed learners
 * by name, numbered, with empty boxes to sign. Printing names is a view of personal data, so the
 * call writes its audit row. Refuses a meeting of another course (`course_not_found`).
 */
export const printAttendanceSheet = writeService('printAttendanceSheet');
export { printAttendanceSheetInPlace };

async function printAttendanceSheetInPlace(
  ctx: ServiceContext,
  input: AttendanceSheetInput,
): Promise<AttendanceSheet> {
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const grid = await loadAttendanceGrid(tx, input.courseId, now);
    const all = grid.meetings.map((m) => ({
      id: m.id,
      seq: m.seq,
      date: m.date,
      startTime: m.startTime,
      endTime: m.endTime,
      status: m.status,
    }));
    const chosen = input.meetingId ? all.filter((m) => m.id === input.meetingId) : all;
    if (input.meetingId && chosen.length === 0) throw new DomainError('course_not_found');
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staffId,
      action: 'attendance.print',
      subjectType: input.meetingId ? 'meeting' : 'course',
      subjectId: input.meetingId ?? grid.course.id,
      ip: input.ip ?? null,
      detail: {
        courseId: grid.course.id,
        meetingId: input.meetingId ?? null,
        residents: grid.learners.length,
      },
    });
    return {
      course: grid.course,
      meetings: chosen,
      courseMeetings: all,
      single: Boolean(input.meetingId),
      learners: grid.learners.map((l) => ({ number: l.number, name: l.name })),
      printedAt: now.toISOString(),
    };
  });
}
