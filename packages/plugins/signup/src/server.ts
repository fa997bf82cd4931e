/** Server part of the on-site signup plugin: the courses open at the kiosk, and signing up. */
import { z } from 'zod';
import { maskPhone, requireKrMobile } from '@seoro/domain';
import { defineServerPlugin } from '@seoro/plugin-sdk';
import { getOnsiteSignupCourses, registerForCourse } from '@seoro/services';
import { enforceRateLimit, kioskProcedure, router } from '@seoro/trpc';
import { manifest } from './manifest';

const registerInput = z.object({
  courseId: z.string().min(1).max(64),
  name: z.string().max(200),
  phone: z.string().max(40),
  consent: z.boolean(),
  /** One per signup attempt: a retry after a lost answer gets the first answer, never a second place. */
  idempotencyKey: z.string().min(8).max(100),
});

export const signupRouter = router({
  /** Courses of the current term with free seats while the on-site window is open, or why none. */
  courses: kioskProcedure.query(({ ctx }) => getOnsiteSignupCourses(ctx.services)),
  /**
   * Signs the person at the kiosk up: the web's rules (capacity, per-term limit, no-show bar, one
   * place per course) under the on-site window; the confirmation SMS goes in the kiosk's language.
   */
  register: kioskProcedure.input(registerInput).mutation(async ({ ctx, input }) => {
    // Per phone (E.164, however typed) as on the web, and per kiosk against someone trying numbers.
    const phone = requireKrMobile(input.phone);
    enforceRateLimit(ctx.rateLimiter, 'register', phone, 10);
    enforceRateLimit(ctx.rateLimiter, 'kiosk-signup', ctx.kiosk.id, 60);
    const result = await registerForCourse(ctx.services, {
      ...input,
      channel: 'kiosk',
      kioskId: ctx.kiosk.id,
      locale: ctx.locale,
      ip: ctx.ip,
    });
    return {
      code: result.code,
      status: result.status,
      waitlistPosition: result.waitlistPosition,
      /** Where the text went, as the screen may show it (010-****-5678). */
      maskedPhone: maskPhone(phone),
    };
  }),
});

/** The routes as a client sees them; kiosk code imports this type only. */
export const signupClientRouter = router({ signup: signupRouter });
export type SignupRouter = typeof signupClientRouter;

export const signupServerPlugin = defineServerPlugin({
  manifest,
  routes: { signup: signupRouter },
});
