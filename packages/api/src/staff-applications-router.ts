import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import {
  approveApplication,
  commentOnApplication,
  getApplication,
  listApplications,
  previewApplicationApproval,
  rejectApplication,
  requestApplicationChanges,
  revealApplicantPhone,
} from '@seoro/services';
import { APPLICATION_STATUSES } from '@seoro/domain';
import { staffEditorProcedure, staffProcedure } from '@seoro/trpc';

const id = z.string().min(1).max(64);
const text = z.string().max(4000);

/**
 * Instructor applications (강사 신청) in the admin: every staff member may read them; staff and
 * administrators comment, ask for changes, decline and approve. Every action is audited and each
 * decision texts the applicant.
 */
export const staffApplicationsRouter = {
  /** Applications in one status (all when left out), newest first, with counts per status. */
  list: staffProcedure
    .input(z.object({ status: z.enum(APPLICATION_STATUSES).nullable() }))
    .query(({ ctx, input }) => listApplications(ctx.services, input)),
  /** One application: the proposal, the applicant (masked), the conversation, the open terms. */
  get: staffProcedure
    .input(z.object({ applicationId: id }))
    .query(({ ctx, input }) => getApplication(ctx.services, input)),
  /** Where approving into a term would put the course and its meetings; saves nothing. */
  previewApproval: staffProcedure
    .input(z.object({ applicationId: id, termId: id, roomId: id.nullish() }))
    .query(({ ctx, input }) => previewApplicationApproval(ctx.services, input)),
  /** The applicant's whole number, with a reason kept in the audit log. */
  revealPhone: staffEditorProcedure
    .input(z.object({ applicationId: id, reason: text }))
    .mutation(({ ctx, input }) =>
      revealApplicantPhone(ctx.services, { ...input, staffId: ctx.staff.id, ip: ctx.ip }),
    ),
  /** A note for staff only, or a message the applicant sees. */
  comment: staffEditorProcedure
    .input(z.object({ applicationId: id, body: text, toApplicant: z.boolean() }))
    .mutation(({ ctx, input }) =>
      commentOnApplication(ctx.services, { ...input, staffId: ctx.staff.id }),
    ),
  /** Sends the application back to the applicant with what to change. */
  requestChanges: staffEditorProcedure
    .input(z.object({ applicationId: id, message: text }))
    .mutation(({ ctx, input }) =>
      requestApplicationChanges(ctx.services, { ...input, staffId: ctx.staff.id }),
    ),
  /** Declines the application with a reason the applicant is told. */
  reject: staffEditorProcedure
    .input(z.object({ applicationId: id, reason: text }))
    .mutation(({ ctx, input }) =>
      rejectApplication(ctx.services, { ...input, staffId: ctx.staff.id }),
    ),
  /**
   * Approves into a term: the instructor, a draft course and its meetings in the first free
   * weekly slot, in one transaction.
   */
  approve: staffEditorProcedure
    .input(
      z.object({ applicationId: id, termId: id, roomId: id.nullish(), message: text.optional() }),
    )
    .mutation(({ ctx, input }) =>
      approveApplication(ctx.services, { ...input, staffId: ctx.staff.id }),
    ),
} satisfies TRPCRouterRecord;
