import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import {
  getTodayAtRoom,
  extendRegistrationWindow,
  listCoursesBelowMinimum,
  lowerCourseMinimum,
} from '@seoro/services';
import { staffEditorProcedure, staffProcedure } from '@seoro/trpc';

const id = z.string().min(1).max(64);

/**
 * The dashboard's decisions on courses below their minimum: everyone sees the list; staff and
 * administrators extend the term's window or lower a minimum (cancelling is `staff.courses.cancel`).
 */
export const staffDashboardRouter = {
  /** Open courses flagged below their minimum, with confirmed learners and the term's window. */
  belowMinimum: staffProcedure.query(({ ctx }) => listCoursesBelowMinimum(ctx.services)),

  /** Today's classes in the program's room with their check-in counts (no names). */
  today: staffProcedure.query(({ ctx }) => getTodayAtRoom(ctx.services, null)),

  /**
   * Extends the registration window of the course's term (every course of the term) to
   * `closesAt`, which must be later than now and than the current close; the term's flags lift.
   */
  extendWindow: staffEditorProcedure
    .input(z.object({ courseId: id, closesAt: z.iso.datetime({ offset: true }) }))
    .mutation(({ ctx, input }) =>
      extendRegistrationWindow(ctx.services, {
        courseId: input.courseId,
        closesAt: new Date(input.closesAt),
        staffId: ctx.staff.id,
        ip: ctx.ip,
      }),
    ),

  /** Lowers a course's minimum; the flag clears when the confirmed learners reach it. */
  lowerMinimum: staffEditorProcedure
    .input(z.object({ courseId: id, minLearners: z.number().int().min(0).max(200) }))
    .mutation(({ ctx, input }) =>
      lowerCourseMinimum(ctx.services, { ...input, staffId: ctx.staff.id, ip: ctx.ip }),
    ),
} satisfies TRPCRouterRecord;
