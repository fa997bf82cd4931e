import { and, asc, eq, gte } from 'drizzle-orm';
import { enrolments, meetings, residents } from '@seoro/db';
import {
  DomainError,
  kstDateOf,
  maskName,
  maskPhone,
  normalizeConfirmationCode,
  type EnrolmentStatus,
} from '@seoro/domain';
import type { ServiceContext } from '../context';
import { loadCourseCards, waitlistPositionOf, type CourseCard } from '../views';

export interface RegistrationView {
  code: string;
  status: EnrolmentStatus;
  waitlistPosition: number | null;
  maskedName: string;
  maskedPhone: string;
  createdAt: string;
  course: CourseCard;
  nextMeeting: { date: string; startTime: string; endTime: string } | null;
}

/**
 * What the confirmation page shows for a code. The code is the secret, so the view only carries
 * masked personal data.
 */
export async function getRegistrationByCode(
  ctx: ServiceContext,
  rawCode: string,
): Promise<RegistrationView> {
  const code = normalizeConfirmationCode(rawCode);
  if (!code) throw new DomainError('code_invalid');
  const db = ctx.database.db;
  const [row] = await db
    .select({ enrolment: enrolments, phone: residents.phoneE164 })
    .from(enrolments)
    .innerJoin(residents, eq(residents.id, enrolments.residentId))
    .where(eq(enrolments.code, code))
    .limit(1);
  if (!row) throw new DomainError('code_not_found');
  const { enrolment, phone } = row;

  const waitlistPosition =
    enrolment.status === 'waitlisted' ? await waitlistPositionOf(db, enrolment) : null;
  const [course] = await loadCourseCards(db, { courseIds: [enrolment.courseId] });
  const today = kstDateOf(ctx.clock.now());
  const [next] = await db
    .select({ date: meetings.date, startTime: meetings.startTime, endTime: meetings.endTime })
    .from(meetings)
    .where(
      and(
        eq(meetings.courseId, enrolment.courseId),
        eq(meetings.status, 'scheduled'),
        gte(meetings.date, today),
      ),
    )
    .orderBy(asc(meetings.date), asc(meetings.startTime))
    .limit(1);
  return {
    code,
    status: enrolment.status,
    waitlistPosition,
    // The name given with this registration; the resident's stored name is the one typed with
    // their number first, which proves nothing about who registered here.
    maskedName: maskName(enrolment.name),
    maskedPhone: maskPhone(phone),
    createdAt: enrolment.createdAt.toISOString(),
    course: course!,
    nextMeeting: next ?? null,
  };
}
