/**
 * Server part of the registration plugin: register for a course, look a registration up, and a
 * resident's own registrations after an SMS code (`registration.my.*`).
 */
import { z } from 'zod';
import { requireKrMobile } from '@seoro/domain';
import { defineServerPlugin } from '@seoro/plugin-sdk';
import {
  cancelRegistrationByCode,
  getCourse,
  getCourseLottery,
  getMyTermPlaces,
  getRegistrationByCode,
  registerForCourse,
} from '@seoro/services';
import { enforceRateLimit, publicProcedure, residentProcedure, router } from '@seoro/trpc';
import { manifest } from './manifest';
import { myRegistrationsRouter } from './my-router';

const registerInput = z.object({
  courseId: z.string().min(1).max(64),
  name: z.string().max(200),
  phone: z.string().max(40),
  consent: z.boolean(),
  /** Optional: a retry with the same key gets the first answer and creates nothing. */
  idempotencyKey: z.string().min(8).max(100).optional(),
});

export const registrationRouter = router({
  /** Confirmed while seats are left, waitlisted after; one live enrolment per resident and course. */
  register: publicProcedure.input(registerInput).mutation(async ({ ctx, input }) => {
    // Per phone, not per IP: many residents share a community centre's address. The key is the
    // number's E.164 form, so every way of typing one phone counts once; what is not a mobile
    // number is refused before anything is counted.
    enforceRateLimit(ctx.rateLimiter, 'register', requireKrMobile(input.phone), 10);
    const {
      enrolmentId: _id,
      replayed: _replayed,
      ...result
    } = await registerForCourse(ctx.services, {
      ...input,
      channel: 'web',
      locale: ctx.locale,
      ip: ctx.ip,
    });
    return result;
  }),
  /** The confirmation page's data for a code (masked personal data only). */
  byCode: publicProcedure
    .input(z.object({ code: z.string().min(1).max(200) }))
    .query(({ ctx, input }) => {
      enforceRateLimit(ctx.rateLimiter, 'lookup', ctx.ip, 60);
      return getRegistrationByCode(ctx.services, input.code);
    }),
  /**
   * A lottery course's published draw (seed, applicant numbers, result), or null before it. A
   * course that does not exist is `course_not_found`, not null.
   */
  lottery: publicProcedure
    .input(z.object({ courseId: z.string().min(1).max(64) }))
    .query(async ({ ctx, input }) => {
      const draw = await getCourseLottery(ctx.services, input.courseId);
      if (draw) return draw;
      // No draw yet: getCourse throws course_not_found for an unknown (or unpublished) course.
      await getCourse(ctx.services, input.courseId);
      return null;
    }),
  /**
   * Cancels a registration or leaves the waitlist, proven by the code and the phone number it was
   * made with. The next person waiting is promoted in the same transaction.
   */
  cancel: publicProcedure
    .input(z.object({ code: z.string().min(1).max(200), phone: z.string().max(40) }))
    .mutation(async ({ ctx, input }) => {
      enforceRateLimit(ctx.rateLimiter, 'cancel', ctx.ip, 20);
      const result = await cancelRegistrationByCode(ctx.services, { ...input, locale: ctx.locale });
      return { previousStatus: result.previousStatus, promotedCount: result.promoted.length };
    }),
  /**
   * How many of a term's places the signed-in resident holds ("1 of 2 places used"), counted as
   * the per-term limit counts them; shown beside the registration form.
   */
  myTermPlaces: residentProcedure
    .input(z.object({ termId: z.string().min(1).max(64) }))
    .query(({ ctx, input }) =>
      getMyTermPlaces(ctx.services, { residentId: ctx.resident.id, termId: input.termId }),
    ),
  /** The signed-in resident's own registrations ("my registrations"), after an SMS code. */
  my: myRegistrationsRouter,
});

export const registrationServerPlugin = defineServerPlugin({
  manifest,
  routes: { registration: registrationRouter },
});
