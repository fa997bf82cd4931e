/**
 * "My registrations" (내 신청 내역): a resident proves their mobile number with a one-time code
 * sent by SMS, then sees and cancels their own registrations. The session travels in an HttpOnly
 * cookie that the host sets through `ctx.residentSession`; page scripts never see the token.
 */
import { z } from 'zod';
import { TRPCError } from '@trpc/server';
import { requireKrMobile } from '@seoro/domain';
import {
  cancelMyEnrolment,
  exportMyData,
  getMyOpenDeletionRequest,
  requestMyDeletion,
  listMyRegistrations,
  requestResidentCode,
  signOutResident,
  verifyResidentCode,
} from '@seoro/services';
import { enforceRateLimit, publicProcedure, residentProcedure, router } from '@seoro/trpc';

const WINDOW_MS = 15 * 60_000;
/** Codes a phone number may be sent per window: enough for "I didn't get it", not for a flood. */
export const CODE_REQUESTS_PER_PHONE = 5;

const phoneInput = z.string().max(40);

export const myRegistrationsRouter = router({
  /**
   * Texts a six-digit code to the number if it belongs to a resident. The answer is the same for
   * any valid mobile number, so it never tells whether someone is registered.
   */
  requestCode: publicProcedure.input(z.object({ phone: phoneInput })).mutation(({ ctx, input }) => {
    // Keyed on the E.164 form (one bucket per phone however it is typed); a number that cannot be
    // read is refused before anything is counted.
    const phone = requireKrMobile(input.phone);
    enforceRateLimit(ctx.rateLimiter, 'my-code-ip', ctx.ip, 30, WINDOW_MS);
    enforceRateLimit(ctx.rateLimiter, 'my-code-phone', phone, CODE_REQUESTS_PER_PHONE, WINDOW_MS);
    return requestResidentCode(ctx.services, {
      phone: input.phone,
      locale: ctx.locale,
      ip: ctx.ip,
    });
  }),
  /** Checks the code; the right one signs the resident in (the session cookie is set). */
  verifyCode: publicProcedure
    .input(z.object({ phone: phoneInput, code: z.string().max(20) }))
    .mutation(async ({ ctx, input }) => {
      const phone = requireKrMobile(input.phone);
      enforceRateLimit(ctx.rateLimiter, 'my-verify-ip', ctx.ip, 60, WINDOW_MS);
      enforceRateLimit(ctx.rateLimiter, 'my-verify-phone', phone, 15, WINDOW_MS);
      const session = ctx.residentSession;
      if (!session) {
        throw new TRPCError({
          code: 'INTERNAL_SERVER_ERROR',
          message: 'This caller cannot carry a resident session',
        });
      }
      const signIn = await verifyResidentCode(ctx.services, { ...input, ip: ctx.ip });
      session.start({ token: signIn.token, expiresAt: signIn.expiresAt });
      return { signedIn: true as const, expiresAt: signIn.expiresAt.toISOString() };
    }),
  /** Whether a resident is signed in, and whether the session they had has just ended. */
  session: publicProcedure.query(({ ctx }) => ({
    signedIn: ctx.resident !== null,
    expired: ctx.residentSession?.expired ?? false,
  })),
  /** The signed-in resident's registrations in current and recent terms. */
  registrations: residentProcedure.query(({ ctx }) =>
    listMyRegistrations(ctx.services, { residentId: ctx.resident.id }),
  ),
  /**
   * Cancels one of the resident's own registrations; the next person waiting is promoted in the
   * same transaction. Another resident's enrolment is "not found".
   */
  cancel: residentProcedure
    .input(z.object({ enrolmentId: z.string().min(1).max(64) }))
    .mutation(async ({ ctx, input }) => {
      enforceRateLimit(ctx.rateLimiter, 'my-cancel', ctx.resident.id, 30);
      const result = await cancelMyEnrolment(ctx.services, {
        residentId: ctx.resident.id,
        enrolmentId: input.enrolmentId,
        locale: ctx.locale,
      });
      return { previousStatus: result.previousStatus, promotedCount: result.promoted.length };
    }),
  /**
   * Everything the program holds about the signed-in resident (name, number, consent,
   * registrations with attendance, texts sent: template and date). Audited as
   * `resident.data_export`; `format` says whether it was downloaded or shown as a page.
   */
  data: residentProcedure
    .input(z.object({ format: z.enum(['json', 'page']) }))
    .query(({ ctx, input }) =>
      exportMyData(ctx.services, { residentId: ctx.resident.id, ip: ctx.ip, format: input.format }),
    ),
  /** The resident's deletion request still being handled, or null. */
  deletionRequest: residentProcedure.query(({ ctx }) =>
    getMyOpenDeletionRequest(ctx.services, { residentId: ctx.resident.id }),
  ),
  /**
   * Asks for the resident's data to be deleted; staff answer it. One open deletion request at a
   * time: a second is `deletion_request_open`, naming the first.
   */
  requestDeletion: residentProcedure
    .input(z.object({ note: z.string().max(1000).optional() }))
    .mutation(({ ctx, input }) => {
      enforceRateLimit(ctx.rateLimiter, 'my-deletion', ctx.resident.id, 10);
      return requestMyDeletion(ctx.services, {
        residentId: ctx.resident.id,
        note: input.note,
        ip: ctx.ip,
      });
    }),
  /** Ends the session (its row is deleted) and clears the cookie; harmless when signed out. */
  signOut: publicProcedure.mutation(async ({ ctx }) => {
    const sessionId = ctx.residentSession?.id;
    if (ctx.resident && sessionId) {
      await signOutResident(ctx.services, {
        sessionId,
        residentId: ctx.resident.id,
        ip: ctx.ip,
      });
    }
    ctx.residentSession?.end();
    return { signedOut: true as const };
  }),
});
