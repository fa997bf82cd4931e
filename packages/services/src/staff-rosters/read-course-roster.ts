import { asc, count, eq, inArray } from 'drizzle-orm';
import { attendance, auditLog, courses, enrolments, residents } from '@seoro/db';
import { DomainError, maskPhone } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import type { LocalizedText } from '../views';

/** Which enrolments a roster shows: the live ones (the default), or one status. */
export const ROSTER_STATUSES = [
  'live',
  'confirmed',
  'waitlisted',
  'lottery_pending',
  'cancelled',
] as const;
export type RosterStatus = (typeof ROSTER_STATUSES)[number];

export interface RosterInput {
  courseId: string;
  /** Who reads, for the audit row. */
  staffId: string;
  ip?: string | null;
  /** A part of the name, or the last four digits of the phone number. */
  q?: string | null;
  status?: RosterStatus | null;
}

/** One enrolment as the roster shows it; the phone number masked (010-****-5678). */
export interface RosterEntry {
  enrolmentId: string;
  status: 'confirmed' | 'waitlisted' | 'lottery_pending' | 'cancelled';
  /** Place in its list (confirmed in arrival order, the waitlist in serving order); null if cancelled. */
  number: number | null;
  name: string;
  phone: string;
  channel: 'web' | 'kiosk' | 'staff';
  /** ISO instant. */
  registeredAt: string;
  attended: number;
}

export interface Roster {
  course: {
    id: string;
    termId: string;
    title: LocalizedText;
    capacity: number;
    status: 'open' | 'cancelled';
    mode: 'first_come' | 'lottery';
    confirmedCount: number;
    waitlistCount: number;
  };
  entries: RosterEntry[];
}

/**
 * A course's roster and waitlist for staff. Reading it is a read of residents' personal data, so
 * the same call writes the audit row (who, when, from where, which course, how many residents):
 * there is no other way to read a roster, so no screen can forget the audit.
 */
export const readCourseRoster = writeService('readCourseRoster');
export { readCourseRosterInPlace };

async function readCourseRosterInPlace(ctx: ServiceContext, input: RosterInput): Promise<Roster> {
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [course] = await tx.select().from(courses).where(eq(courses.id, input.courseId)).limit(1);
    if (!course) throw new DomainError('course_not_found');
    const rows = await tx
      .select({ enrolment: enrolments, phone: residents.phoneE164 })
      .from(enrolments)
      .innerJoin(residents, eq(residents.id, enrolments.residentId))
      .where(eq(enrolments.courseId, course.id))
      .orderBy(asc(enrolments.queueNo), asc(enrolments.createdAt));
    const ids = rows.map((r) => r.enrolment.id);
    const attended =
      ids.length === 0
        ? []
        : await tx
            .select({ enrolmentId: attendance.enrolmentId, n: count() })
            .from(attendance)
            .where(inArray(attendance.enrolmentId, ids))
            .groupBy(attendance.enrolmentId);
    const attendedBy = new Map(attended.map((a) => [a.enrolmentId, Number(a.n)]));

    // Numbers come from the whole list, so a search does not renumber what it finds.
    const seen = { confirmed: 0, waitlisted: 0, lottery_pending: 0, cancelled: 0 };
    const all: RosterEntry[] = rows.map(({ enrolment, phone }) => {
      seen[enrolment.status] += 1;
      return {
        enrolmentId: enrolment.id,
        status: enrolment.status,
        number: enrolment.status === 'cancelled' ? null : seen[enrolment.status],
        name: enrolment.name,
        phone: maskPhone(phone),
        channel: enrolment.channel,
        registeredAt: enrolment.createdAt.toISOString(),
        attended: attendedBy.get(enrolment.id) ?? 0,
      };
    });
    const phoneOf = new Map(rows.map((r) => [r.enrolment.id, r.phone]));
    const status = input.status ?? 'live';
    const q = (input.q ?? '').trim();
    const digits = /^\d{4}$/.test(q) ? q : null;
    const entries = all.filter(
      (e) =>
        (status === 'live' ? e.status !== 'cancelled' : e.status === status) &&
        (!q || (digits ? (phoneOf.get(e.enrolmentId) ?? '').endsWith(digits) : e.name.includes(q))),
    );
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staffId,
      action: 'roster.read',
      subjectType: 'course',
      subjectId: course.id,
      ip: input.ip ?? null,
      detail: { residents: entries.length, q: q || null, status },
    });
    return {
      course: {
        id: course.id,
        termId: course.termId,
        title: { ko: course.titleKo, en: course.titleEn },
        capacity: course.capacity,
        status: course.status,
        mode: course.mode,
        confirmedCount: seen.confirmed,
        waitlistCount: seen.waitlisted,
      },
      entries,
    };
  });
}
