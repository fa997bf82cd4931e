import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import { cancelCourse } from '@seoro/services';
import { router, staffEditorProcedure } from '@seoro/trpc';

const coursesRouter = {
  /**
   * Cancels a course (폐강): its live enrolments are cancelled and every learner is told. Staff or
   * admin only; the reason is kept in the audit log.
   */
  cancel: staffEditorProcedure
    .input(
      z.object({
        courseId: z.string().min(1).max(64),
        reason: z.string().max(500),
        /** Language of the messages to learners; Korean, the program's language, by default. */
        locale: z.enum(['ko', 'en']).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      cancelCourse(ctx.services, {
        courseId: input.courseId,
        staffId: ctx.staff.id,
        reason: input.reason,
        locale: input.locale,
      }),
    ),
} satisfies TRPCRouterRecord;

/** What district staff do in the admin. */
export const staffRouter = router({
  courses: router(coursesRouter),
});
