import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import { WISH_TEXT_MAX } from '@seoro/domain';
import {
  addWish,
  hideWish,
  inviteToTeach,
  listWishes,
  optOutOfTeachInvites,
  previewTeachInvitations,
} from '@seoro/services';
import {
  enforceRateLimit,
  publicProcedure,
  staffEditorProcedure,
  staffProcedure,
} from '@seoro/trpc';

/** Only stops oversized posts; the service checks the topic and the text and names the field. */
const topic = z.string().max(40);
const text = z.string().max(WISH_TEXT_MAX * 4);

/** Wishes ("I wish someone taught …"): anyone may add one and read them, no sign-in. */
export const wishesRouter = {
  /** Files a wish from the web (text required). At most 5 a minute and 30 an hour per address. */
  add: publicProcedure.input(z.object({ topic, text })).mutation(({ ctx, input }) => {
    enforceRateLimit(ctx.rateLimiter, 'wish-add-minute', ctx.ip, 5);
    enforceRateLimit(ctx.rateLimiter, 'wish-add-hour', ctx.ip, 30, 3_600_000);
    return addWish(ctx.services, { ...input, source: 'web', locale: ctx.locale });
  }),
  /** The wishes not hidden, by topic with counts, the newest five of each. */
  list: publicProcedure.query(({ ctx }) => {
    enforceRateLimit(ctx.rateLimiter, 'wish-list', ctx.ip, 120);
    return listWishes(ctx.services, { perTopic: 5 });
  }),
} satisfies TRPCRouterRecord;

/** Invitations to teach, as their recipients see them (joined to the `teach` router). */
export const teachOptOutRouter = {
  /** Stops invitations to teach for the resident the link's token names. */
  optOut: publicProcedure
    .input(z.object({ token: z.string().min(1).max(200) }))
    .mutation(({ ctx, input }) => {
      enforceRateLimit(ctx.rateLimiter, 'teach-opt-out', ctx.ip, 10);
      return optOutOfTeachInvites(ctx.services, { token: input.token });
    }),
} satisfies TRPCRouterRecord;

/**
 * Wishes for staff: every staff member may read them and see who would be invited; staff and
 * administrators hide wishes and send invitations. Both are audited.
 */
export const staffWishesRouter = {
  /** Every wish not hidden, by topic with counts (up to 100 per topic). */
  list: staffProcedure.query(({ ctx }) => listWishes(ctx.services, { perTopic: 100 })),
  /** How many past learners would be invited for a topic, and their masked names. */
  preview: staffProcedure
    .input(z.object({ topic }))
    .query(({ ctx, input }) => previewTeachInvitations(ctx.services, input)),
  /** Hides a wish from every list (the record is kept). */
  hide: staffEditorProcedure
    .input(z.object({ wishId: z.string().min(1).max(64) }))
    .mutation(({ ctx, input }) =>
      hideWish(ctx.services, { wishId: input.wishId, staffId: ctx.staff.id, ip: ctx.ip }),
    ),
  /** Invites the topic's candidates to teach: one text each, never twice for a topic. */
  invite: staffEditorProcedure
    .input(z.object({ topic }))
    .mutation(({ ctx, input }) =>
      inviteToTeach(ctx.services, { topic: input.topic, staffId: ctx.staff.id, ip: ctx.ip }),
    ),
} satisfies TRPCRouterRecord;
