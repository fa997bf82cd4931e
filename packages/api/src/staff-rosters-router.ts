import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import {
  ROSTER_STATUSES,
  cancelEnrolment,
  changeCourseCapacity,
  listTermCourses,
  moveWaitlistEntry,
  readCourseRoster,
  registerForCourse,
  revealResidentPhone,
} from '@seoro/services';
import { staffEditorProcedure, staffProcedure } from '@seoro/trpc';

const id = z.string().min(1).max(64);
/** Why staff did something; kept in the audit log. Blank is refused. */
const reason = z.string().trim().min(1).max(500);

/**
 * Course rosters and waitlists (수강생). Every staff member may read a roster, and each read is
 * audited; staff and administrators may change one and see a whole phone number, viewers may not.
 */
export const staffRostersRouter = {
  /** A term's courses (the one residents see now without `termId`) with seats and waitlists. */
  courses: staffProcedure
    .input(z.object({ termId: id.optional() }))
    .query(({ ctx, input }) => listTermCourses(ctx.services, { termId: input.termId })),

  /**
   * One course's roster and waitlist, phones masked, filtered by name or the last four digits
   * (`q`) and status. Writes an audit row (who, from where, which course, how many residents).
   */
  roster: staffProcedure
    .input(
      z.object({
        courseId: id,
        q: z.string().trim().max(40).optional(),
        status: z.enum(ROSTER_STATUSES).optional(),
      }),
    )
    .query(({ ctx, input }) =>
      readCourseRoster(ctx.services, {
        courseId: input.courseId,
        q: input.q,
        status: input.status,
        staffId: ctx.staff.id,
        ip: ctx.ip,
      }),
    ),

  /** A learner's whole phone number; the reason goes into the audit row with the resident. */
  revealPhone: staffEditorProcedure
    .input(z.object({ enrolmentId: id, reason }))
    .mutation(({ ctx, input }) =>
      revealResidentPhone(ctx.services, { ...input, staffId: ctx.staff.id, ip: ctx.ip }),
    ),

  /** A course's capacity (1–200); more seats promote people from the waitlist at once. */
  changeCapacity: staffEditorProcedure
    .input(z.object({ courseId: id, capacity: z.number().int().min(1).max(200) }))
    .mutation(({ ctx, input }) =>
      changeCourseCapacity(ctx.services, { ...input, staffId: ctx.staff.id }),
    ),

  /** Moves someone to another place on the waitlist, with the reason. */
  moveWaitlist: staffEditorProcedure
    .input(z.object({ enrolmentId: id, toPosition: z.number().int().min(1).max(1000), reason }))
    .mutation(({ ctx, input }) =>
      moveWaitlistEntry(ctx.services, { ...input, staffId: ctx.staff.id }),
    ),

  /** Cancels an enrolment on the resident's behalf, with the reason; they are told by text. */
  cancelEnrolment: staffEditorProcedure
    .input(z.object({ enrolmentId: id, reason, locale: z.enum(['ko', 'en']).optional() }))
    .mutation(({ ctx, input }) =>
      cancelEnrolment(ctx.services, {
        enrolmentId: input.enrolmentId,
        reason: input.reason,
        locale: input.locale,
        actor: { type: 'staff', id: ctx.staff.id },
      }),
    ),

  /**
   * Registers a resident who asked by phone or at the desk (channel `staff`), under the same rules
   * as online. `consent` states the resident agreed to the privacy notice.
   */
  register: staffEditorProcedure
    .input(
      z.object({
        courseId: id,
        name: z.string().max(40),
        phone: z.string().max(20),
        consent: z.boolean(),
        locale: z.enum(['ko', 'en']),
        idempotencyKey: z.string().min(8).max(100).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      registerForCourse(ctx.services, {
        ...input,
        channel: 'staff',
        ip: ctx.ip,
        staffId: ctx.staff.id,
      }),
    ),
} satisfies TRPCRouterRecord;
