/**
 * Server part of "my registrations" at the kiosk: a resident proves their phone number with a code
 * sent by SMS and gets a short kiosk session, sees their registrations and cancels one.
 *
 * The kiosk is shared and has no cookies, so the session token travels in the body of each call
 * and the screen keeps it in memory only. Every call that carries it is a mutation (POST): a token
 * never appears in a URL, where proxies and logs would keep it.
 */
import { z } from 'zod';
import { DomainError, maskPhone, requireKrMobile } from '@seoro/domain';
import { defineServerPlugin } from '@seoro/plugin-sdk';
import {
  KIOSK_RESIDENT_SESSION_IDLE_MS,
  cancelMyEnrolment,
  listMyRegistrations,
  requestResidentCode,
  resolveKioskResidentSession,
  signOutResident,
  verifyResidentCodeAtKiosk,
} from '@seoro/services';
import { enforceRateLimit, kioskProcedure, router } from '@seoro/trpc';
import { manifest } from './manifest';
import { toKioskView } from './view';

const WINDOW_MS = 15 * 60_000;
/**
 * Codes one phone number may be sent per window. The bucket is the web's (`my-code-phone`), so the
 * kiosk and the web together stay within one limit.
 */
export const CODE_REQUESTS_PER_PHONE = 5;
/** A second code for the same number is sent only after this wait (the screen counts it down). */
export const RESEND_AFTER_SECONDS = 60;

const phoneInput = z.string().max(40);
/** A session token as the kiosk sends it back; its form is checked where it is resolved. */
const tokenInput = z.string().min(1).max(100);

/**
 * Calls made with a kiosk session: the token is resolved (bound to this kiosk) before the
 * procedure runs. An ended or unknown session is `session_expired`, so the screen says why the
 * resident must start again.
 */
const kioskResidentProcedure = kioskProcedure
  .input(z.object({ token: tokenInput }))
  .use(async ({ ctx, input, next }) => {
    const session = await resolveKioskResidentSession(ctx.services, {
      kioskId: ctx.kiosk.id,
      token: input.token,
    });
    if (session.state !== 'active') throw new DomainError('session_expired');
    return next({
      ctx: { ...ctx, resident: { id: session.residentId }, sessionId: session.sessionId },
    });
  });

export const myRegistrationsKioskRouter = router({
  /**
   * Texts a six-digit code to the number if it belongs to a resident; any valid mobile number gets
   * the same answer, so it never tells whether someone is registered.
   */
  requestCode: kioskProcedure
    .input(z.object({ phone: phoneInput }))
    .mutation(async ({ ctx, input }) => {
      const phone = requireKrMobile(input.phone);
      enforceRateLimit(ctx.rateLimiter, 'my-code-kiosk', ctx.kiosk.id, 30, WINDOW_MS);
      enforceRateLimit(ctx.rateLimiter, 'my-code-resend', phone, 1, RESEND_AFTER_SECONDS * 1000);
      enforceRateLimit(ctx.rateLimiter, 'my-code-phone', phone, CODE_REQUESTS_PER_PHONE, WINDOW_MS);
      const sent = await requestResidentCode(ctx.services, {
        phone,
        locale: ctx.locale,
        ip: ctx.ip,
        kioskId: ctx.kiosk.id,
      });
      return {
        validForSeconds: sent.validForSeconds,
        resendAfterSeconds: RESEND_AFTER_SECONDS,
        maskedPhone: maskPhone(phone),
      };
    }),
  /** Checks the code; the right one opens a kiosk session whose token only this answer carries. */
  verifyCode: kioskProcedure
    .input(z.object({ phone: phoneInput, code: z.string().max(20) }))
    .mutation(async ({ ctx, input }) => {
      const phone = requireKrMobile(input.phone);
      enforceRateLimit(ctx.rateLimiter, 'my-verify-kiosk', ctx.kiosk.id, 60, WINDOW_MS);
      enforceRateLimit(ctx.rateLimiter, 'my-verify-phone', phone, 15, WINDOW_MS);
      const signIn = await verifyResidentCodeAtKiosk(ctx.services, {
        phone,
        code: input.code,
        kioskId: ctx.kiosk.id,
        ip: ctx.ip,
      });
      return { token: signIn.token, idleSeconds: KIOSK_RESIDENT_SESSION_IDLE_MS / 1000 };
    }),
  /**
   * The resident's registrations in current and recent terms, live ones first; the same data as
   * the web's page, without what a shared screen need not show.
   */
  registrations: kioskResidentProcedure.mutation(async ({ ctx }) =>
    toKioskView(await listMyRegistrations(ctx.services, { residentId: ctx.resident.id })),
  ),
  /**
   * Cancels one of the resident's own registrations with the web's rules; the next person waiting
   * is promoted in the same transaction. Another resident's enrolment is "not found".
   */
  cancel: kioskResidentProcedure
    .input(z.object({ enrolmentId: z.string().min(1).max(64) }))
    .mutation(async ({ ctx, input }) => {
      enforceRateLimit(ctx.rateLimiter, 'my-cancel', ctx.resident.id, 30);
      const result = await cancelMyEnrolment(ctx.services, {
        residentId: ctx.resident.id,
        enrolmentId: input.enrolmentId,
        locale: ctx.locale,
        kioskId: ctx.kiosk.id,
      });
      return { previousStatus: result.previousStatus, promotedCount: result.promoted.length };
    }),
  /** Ends the session (its row is deleted); harmless when it has ended already. */
  end: kioskProcedure.input(z.object({ token: tokenInput })).mutation(async ({ ctx, input }) => {
    const session = await resolveKioskResidentSession(ctx.services, {
      kioskId: ctx.kiosk.id,
      token: input.token,
    });
    if (session.state === 'active') {
      await signOutResident(ctx.services, {
        sessionId: session.sessionId,
        residentId: session.residentId,
        ip: ctx.ip,
        kioskId: ctx.kiosk.id,
      });
    }
    return { ended: true as const };
  }),
});

/** The routes as a client sees them; kiosk code imports this type only. */
export const myRegistrationsClientRouter = router({ myRegistrations: myRegistrationsKioskRouter });
export type MyRegistrationsRouter = typeof myRegistrationsClientRouter;

export const myRegistrationsServerPlugin = defineServerPlugin({
  manifest,
  routes: { myRegistrations: myRegistrationsKioskRouter },
});
