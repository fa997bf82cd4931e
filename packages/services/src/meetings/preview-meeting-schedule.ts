import { count, eq, inArray } from 'drizzle-orm';
import { attendance, meetings } from '@seoro/db';
import type { ServiceContext } from '../context';
import type { LocalizedText } from '../views';
import { planSchedule, type SchedulePatternInput } from './schedule-pattern';
import { findClashes, loadCourse, loadRoom, type MeetingClash } from './shared';

export interface MeetingSchedulePreview {
  room: { id: string; name: LocalizedText };
  slots: Array<{ date: string; startTime: string; endTime: string }>;
  skipped: Array<{ date: string; names: readonly string[] }>;
  /** Years the holiday list does not cover yet: their holidays were not skipped. */
  unknownHolidayYears: string[];
  /** Meetings the room (or the course elsewhere) already has at those times. */
  clashes: MeetingClash[];
  /** Meetings the course has now, which saving would replace. */
  replacing: number;
  /** False when learners have checked in: the schedule can then not be replaced. */
  replaceable: boolean;
}

/**
 * What a weekly pattern would create, before anything is saved: the dates, the holidays skipped
 * and why, and any clash with meetings already booked. Reads only.
 */
export async function previewMeetingSchedule(
  ctx: ServiceContext,
  input: SchedulePatternInput,
): Promise<MeetingSchedulePreview> {
  const db = ctx.database.db;
  const course = await loadCourse(db, input.courseId);
  const room = await loadRoom(db, input.roomId ?? course.roomId);
  const plan = await planSchedule(input);
  const current = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(eq(meetings.courseId, course.id));
  const ids = current.map((m) => m.id);
  const [checkedIn] =
    ids.length === 0
      ? [{ n: 0 }]
      : await db.select({ n: count() }).from(attendance).where(inArray(attendance.meetingId, ids));
  const slots = plan.dates.map((date) => ({
    date,
    startTime: input.startTime,
    endTime: input.endTime,
  }));
  const clashes = await findClashes(
    db,
    slots.map((s) => ({ ...s, roomId: room.id })),
    { courseId: course.id, ignoreIds: ids },
  );
  return {
    room: { id: room.id, name: { ko: room.nameKo, en: room.nameEn } },
    slots,
    skipped: plan.skipped,
    unknownHolidayYears: plan.unknownHolidayYears,
    clashes,
    replacing: ids.length,
    replaceable: Number(checkedIn?.n ?? 0) === 0,
  };
}
