import { and, eq, inArray, lte, ne } from 'drizzle-orm';
import { attendance, courses, enrolments, meetings, residents, terms, type Tx } from '@seoro/db';
import { attendancePercentOf, certificateEarned, kstDateOf } from '@seoro/domain';
import type { LocalizedText } from '../views';

/** One confirmed learner's standing against the certificate rule, with what a certificate prints. */
export interface EnrolmentCompletion {
  enrolmentId: string;
  residentId: string;
  /** The resident's full name (their own document; never shown to anyone else). */
  learnerName: string;
  courseId: string;
  title: LocalizedText;
  termName: LocalizedText;
  /** First and last meeting (YYYY-MM-DD, KST), cancelled ones left out; null without meetings. */
  firstDate: string | null;
  lastDate: string | null;
  /** Meetings not cancelled, those held by now, and those of them attended (late counts). */
  total: number;
  held: number;
  attended: number;
  courseEnded: boolean;
  earned: boolean;
  attendancePercent: number;
}

/**
 * The certificate standing of confirmed enrolments in courses that were not cancelled, selected by
 * resident, by enrolment or by course, as of `now`.
 */
export async function loadCompletions(
  tx: Tx,
  where: { residentId?: string; enrolmentId?: string; courseIds?: string[] },
  now: Date,
): Promise<EnrolmentCompletion[]> {
  const conditions = [eq(enrolments.status, 'confirmed'), ne(courses.status, 'cancelled')];
  if (where.residentId) conditions.push(eq(enrolments.residentId, where.residentId));
  if (where.enrolmentId) conditions.push(eq(enrolments.id, where.enrolmentId));
  if (where.courseIds) {
    if (where.courseIds.length === 0) return [];
    conditions.push(inArray(enrolments.courseId, where.courseIds));
  }
  const rows = await tx
    .select({
      enrolmentId: enrolments.id,
      residentId: enrolments.residentId,
      residentName: residents.name,
      courseId: courses.id,
      titleKo: courses.titleKo,
      titleEn: courses.titleEn,
      termKo: terms.nameKo,
      termEn: terms.nameEn,
      completionPercent: terms.completionPercent,
    })
    .from(enrolments)
    .innerJoin(courses, eq(courses.id, enrolments.courseId))
    .innerJoin(terms, eq(terms.id, courses.termId))
    .innerJoin(residents, eq(residents.id, enrolments.residentId))
    .where(and(...conditions));
  if (rows.length === 0) return [];

  const courseIds = [...new Set(rows.map((r) => r.courseId))];
  const meetingRows = await tx
    .select({
      id: meetings.id,
      courseId: meetings.courseId,
      date: meetings.date,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
    })
    .from(meetings)
    .where(and(inArray(meetings.courseId, courseIds), eq(meetings.status, 'scheduled')));
  const attendedRows = await tx
    .select({ enrolmentId: attendance.enrolmentId })
    .from(attendance)
    .innerJoin(meetings, eq(meetings.id, attendance.meetingId))
    .where(
      and(
        inArray(
          attendance.enrolmentId,
          rows.map((r) => r.enrolmentId),
        ),
        eq(meetings.status, 'scheduled'),
        lte(meetings.startsAt, now),
      ),
    );
  const attendedBy = new Map<string, number>();
  for (const a of attendedRows) {
    attendedBy.set(a.enrolmentId, (attendedBy.get(a.enrolmentId) ?? 0) + 1);
  }

  return rows.map((r) => {
    const own = meetingRows.filter((m) => m.courseId === r.courseId);
    const dates = own.map((m) => m.date).sort();
    const total = own.length;
    const held = own.filter((m) => m.startsAt.getTime() <= now.getTime()).length;
    const courseEnded = total > 0 && own.every((m) => m.endsAt.getTime() <= now.getTime());
    const attended = Math.min(attendedBy.get(r.enrolmentId) ?? 0, held);
    const record = { total, held, attended };
    return {
      enrolmentId: r.enrolmentId,
      residentId: r.residentId,
      learnerName: r.residentName,
      courseId: r.courseId,
      title: { ko: r.titleKo, en: r.titleEn },
      termName: { ko: r.termKo, en: r.termEn },
      firstDate: dates[0] ?? null,
      lastDate: dates[dates.length - 1] ?? null,
      total,
      held,
      attended,
      courseEnded,
      earned: certificateEarned({ ...record, courseEnded }, r.completionPercent),
      attendancePercent: attendancePercentOf(record),
    };
  });
}

/** The issue date as printed: the KST calendar day. */
export const issuedOn = (issuedAt: Date): string => kstDateOf(issuedAt);
