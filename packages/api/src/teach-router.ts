import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import {
  getMyApplication,
  listMyApplications,
  resubmitApplication,
  submitApplication,
  withdrawApplication,
} from '@seoro/services';
import { enforceRateLimit, residentProcedure } from '@seoro/trpc';

const id = z.string().min(1).max(64);
const whole = z.number().int().min(-1_000_000_000).max(1_000_000_000);

/**
 * A proposal as the form sends it. These limits only stop oversized requests; the service checks
 * the program's bounds (4–12 meetings, 60–180 minutes, 4–15 learners…) and names the field.
 */
export const proposalInput = {
  applicantName: z.string().max(400),
  title: z.string().max(800),
  description: z.string().max(20_000),
  teaches: z.string().max(20_000),
  experience: z.string().max(20_000),
  meetingCount: whole,
  /** 0 = Sunday … 6 = Saturday; null: any day. */
  preferredWeekday: whole.nullable(),
  /** 'HH:MM' KST; null: any time. */
  preferredStartTime: z.string().max(10).nullable(),
  durationMinutes: whole,
  materialsFeeWon: whole,
  capacity: whole,
  yongsanConfirmed: z.boolean(),
  exclusionsAccepted: z.boolean(),
};

/**
 * Applying to teach (강사 신청), for the signed-in resident: their applications and the
 * conversation staff opened with them, a new application, an edit of one sent back, a
 * withdrawal. Another resident's application is "not found".
 */
export const teachRouter = {
  /** The resident's applications, newest first, each with the messages meant for them. */
  mine: residentProcedure.query(({ ctx }) => listMyApplications(ctx.services, ctx.resident.id)),
  /** One of the resident's applications, to edit it. */
  get: residentProcedure.input(z.object({ applicationId: id })).query(({ ctx, input }) =>
    getMyApplication(ctx.services, {
      residentId: ctx.resident.id,
      applicationId: input.applicationId,
    }),
  ),
  /**
   * A new application. `idempotencyKey` is chosen when the form is shown: sending the same form
   * twice (a double tap, a retry) creates one application.
   */
  submit: residentProcedure
    .input(z.object({ ...proposalInput, idempotencyKey: z.string().min(8).max(64) }))
    .mutation(({ ctx, input }) => {
      enforceRateLimit(ctx.rateLimiter, 'teach-submit', ctx.resident.id, 20);
      return submitApplication(ctx.services, {
        ...input,
        residentId: ctx.resident.id,
        locale: ctx.locale,
        ip: ctx.ip,
      });
    }),
  /** The edited proposal of an application sent back for changes, submitted again. */
  resubmit: residentProcedure
    .input(z.object({ ...proposalInput, applicationId: id, note: z.string().max(2000).optional() }))
    .mutation(({ ctx, input }) =>
      resubmitApplication(ctx.services, { ...input, residentId: ctx.resident.id, ip: ctx.ip }),
    ),
  /** Withdraws an application under review or sent back. */
  withdraw: residentProcedure.input(z.object({ applicationId: id })).mutation(({ ctx, input }) =>
    withdrawApplication(ctx.services, {
      applicationId: input.applicationId,
      residentId: ctx.resident.id,
      ip: ctx.ip,
    }),
  ),
} satisfies TRPCRouterRecord;
