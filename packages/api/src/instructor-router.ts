import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import {
  INSTRUCTOR_MARKS,
  listInstructorCourses,
  markAttendanceAsInstructor,
  readInstructorCourse,
  sendClassMessage,
} from '@seoro/services';
import { enforceRateLimit, residentProcedure } from '@seoro/trpc';

const id = z.string().min(1).max(64);

/**
 * The instructor's own view (강사 페이지): a signed-in resident who teaches sees their courses, each
 * roster (masked), takes attendance for today's meeting and messages their class. Every course
 * procedure checks that the course is the caller's: any other id is `course_not_found`.
 */
export const instructorRouter = {
  /** The caller's courses in current and past terms; `isInstructor` false when they teach none. */
  courses: residentProcedure.query(({ ctx }) =>
    listInstructorCourses(ctx.services, { residentId: ctx.resident.id }),
  ),

  /** One own course: learners (masked) with attendance and outlook, waitlist, attendance window. */
  course: residentProcedure
    .input(z.object({ courseId: id }))
    .query(({ ctx, input }) =>
      readInstructorCourse(ctx.services, { residentId: ctx.resident.id, courseId: input.courseId }),
    ),

  /**
   * Marks one learner present, late or absent at today's open meeting (method `instructor`, counted
   * like a kiosk check-in; a kiosk check-in is kept as it is). Audited.
   */
  mark: residentProcedure
    .input(
      z.object({
        courseId: id,
        meetingId: id,
        enrolmentId: id,
        mark: z.enum(INSTRUCTOR_MARKS),
      }),
    )
    .mutation(({ ctx, input }) => {
      enforceRateLimit(ctx.rateLimiter, 'instructor-mark', ctx.resident.id, 240);
      return markAttendanceAsInstructor(ctx.services, {
        ...input,
        residentId: ctx.resident.id,
        ip: ctx.ip,
      });
    }),

  /** A text to every confirmed learner of the course; at most 2 per course per KST day. Audited. */
  message: residentProcedure
    .input(z.object({ courseId: id, body: z.string().max(4000) }))
    .mutation(({ ctx, input }) => {
      enforceRateLimit(ctx.rateLimiter, 'instructor-message', ctx.resident.id, 20);
      return sendClassMessage(ctx.services, {
        courseId: input.courseId,
        body: input.body,
        residentId: ctx.resident.id,
        ip: ctx.ip,
      });
    }),
} satisfies TRPCRouterRecord;
