import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import {
  getRetentionPolicy,
  listRetentionRuns,
  runRetention,
  updateRetentionPolicy,
} from '@seoro/services';
import { adminProcedure } from '@seoro/trpc';

/** A period as the form sends it; the service checks the bounds and names the field at fault. */
const months = z.number().int().min(-1000).max(1000);

/**
 * Retention of personal data (PIPA), administrators only: the periods per kind of data, a dry run
 * that reports what would be destroyed now and next, a run that destroys it, and the runs so far.
 */
export const staffRetentionRouter = {
  /** The periods in force (stored or default), in months. */
  policy: adminProcedure.query(({ ctx }) => getRetentionPolicy(ctx.services)),

  /** Sets the periods; refusal `retention_period_invalid` (field: the kind). Audited. */
  updatePolicy: adminProcedure
    .input(z.object({ residents: months, messages: months }))
    .mutation(({ ctx, input }) =>
      updateRetentionPolicy(ctx.services, { ...input, staffId: ctx.staff.id, ip: ctx.ip }),
    ),

  /** What would be destroyed now (masked) and the next dates; changes no personal data. */
  dryRun: adminProcedure.mutation(({ ctx }) =>
    runRetention(ctx.services, {
      dryRun: true,
      actor: { type: 'staff', id: ctx.staff.id },
      ip: ctx.ip,
    }),
  ),

  /** Destroys what is due now; the reason is kept in the audit row (`reason_required`). */
  run: adminProcedure.input(z.object({ reason: z.string().max(500) })).mutation(({ ctx, input }) =>
    runRetention(ctx.services, {
      dryRun: false,
      actor: { type: 'staff', id: ctx.staff.id },
      reason: input.reason,
      ip: ctx.ip,
    }),
  ),

  /** The latest runs, newest first: when, dry or real, by whom or the daily job, and counts. */
  runs: adminProcedure.query(({ ctx }) => listRetentionRuns(ctx.services)),
} satisfies TRPCRouterRecord;
