import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import {
  DATA_REQUEST_KINDS,
  correctResidentData,
  deleteResidentData,
  listDataRequests,
  readResidentData,
  resolveDataRequest,
} from '@seoro/services';
import { adminProcedure } from '@seoro/trpc';

const reference = z.string().trim().min(1).max(40);
const id = z.string().min(1).max(64);

/**
 * Residents' data rights (개인정보 요청), for administrators only: the requests to answer, and
 * everything held about a resident, corrected or deleted under a request's reference. Every step
 * writes an audit row with that reference in the same call.
 */
export const staffPrivacyRouter = {
  /** The data requests, open ones first, then the newest; residents masked. */
  requests: adminProcedure.query(({ ctx }) => listDataRequests(ctx.services)),
  /**
   * Everything held about the resident with this (whole) mobile number, audited as
   * `resident.data_read` with the request's reference; `{ kind }` records a new request first.
   */
  read: adminProcedure
    .input(
      z.object({
        phone: z.string().max(40),
        request: z.union([
          z.object({ reference }),
          z.object({ kind: z.enum(DATA_REQUEST_KINDS), note: z.string().max(1000).optional() }),
        ]),
      }),
    )
    .mutation(({ ctx, input }) =>
      readResidentData(ctx.services, { ...input, staffId: ctx.staff.id, ip: ctx.ip }),
    ),
  /** Corrects the name and/or phone number; a number another resident has is `phone_taken`. */
  correct: adminProcedure
    .input(
      z.object({
        residentId: id,
        reference,
        name: z.string().max(200).optional(),
        phone: z.string().max(40).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      correctResidentData(ctx.services, { ...input, staffId: ctx.staff.id, ip: ctx.ip }),
    ),
  /**
   * Deletes (anonymises) the resident's personal data; `resident_has_ongoing_places` while they
   * hold a place in a term that has not ended.
   */
  delete: adminProcedure
    .input(z.object({ residentId: id, reference }))
    .mutation(({ ctx, input }) =>
      deleteResidentData(ctx.services, { ...input, staffId: ctx.staff.id, ip: ctx.ip }),
    ),
  /** Answers a request (done or refused) with what was done or why. */
  resolve: adminProcedure
    .input(
      z.object({
        reference,
        status: z.enum(['done', 'refused']),
        resolution: z.string().max(1000),
      }),
    )
    .mutation(({ ctx, input }) =>
      resolveDataRequest(ctx.services, { ...input, staffId: ctx.staff.id, ip: ctx.ip }),
    ),
} satisfies TRPCRouterRecord;
