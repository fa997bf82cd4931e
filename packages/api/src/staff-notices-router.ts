import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import { createNotice, listNotices, removeNotice, updateNotice } from '@seoro/services';
import { staffEditorProcedure, staffProcedure } from '@seoro/trpc';

const id = z.string().min(1).max(64);

/**
 * A notice as the form sends it. The limits here only stop oversized posts; the service checks the
 * text (Korean required, 300 characters each) and the days, and says which field is at fault.
 */
const noticeFields = {
  bodyKo: z.string().max(1200),
  bodyEn: z.string().max(1200),
  /** 'YYYY-MM-DD', KST. */
  showFrom: z.string().max(20),
  showUntil: z.string().max(20),
};

/**
 * Notices (공지) for the kiosks' start screen: every staff member may look; staff and
 * administrators add, change and remove them. Every change is audited.
 */
export const staffNoticesRouter = {
  /** Every notice not removed, with its state today (KST), and today's date. */
  list: staffProcedure.query(({ ctx }) => listNotices(ctx.services)),

  /** Adds a notice; it shows on the kiosks on its days. */
  create: staffEditorProcedure
    .input(z.object(noticeFields))
    .mutation(({ ctx, input }) =>
      createNotice(ctx.services, { ...input, staffId: ctx.staff.id, ip: ctx.ip }),
    ),

  /** Changes a notice's texts or days. */
  update: staffEditorProcedure
    .input(z.object({ noticeId: id, ...noticeFields }))
    .mutation(({ ctx, input }) =>
      updateNotice(ctx.services, { ...input, staffId: ctx.staff.id, ip: ctx.ip }),
    ),

  /** Takes a notice off the kiosks (the record is kept). */
  remove: staffEditorProcedure
    .input(z.object({ noticeId: id }))
    .mutation(({ ctx, input }) =>
      removeNotice(ctx.services, { noticeId: input.noticeId, staffId: ctx.staff.id, ip: ctx.ip }),
    ),
} satisfies TRPCRouterRecord;
