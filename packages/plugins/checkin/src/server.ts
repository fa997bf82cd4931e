/** Server part of the check-in plugin: today's classes at the kiosk's room, and check-in. */
import { z } from 'zod';
import { defineServerPlugin } from '@seoro/plugin-sdk';
import { checkInWithCode, getTodayAtRoom } from '@seoro/services';
import { enforceRateLimit, kioskProcedure, router } from '@seoro/trpc';
import { manifest } from './manifest';

export const checkinRouter = router({
  /** Today's meetings in the kiosk's room, with check-in counts. */
  today: kioskProcedure.query(({ ctx }) => getTodayAtRoom(ctx.services, ctx.kiosk.roomId)),
  /**
   * Checks the holder of a confirmation code in to today's meeting; repeat-safe, and exactly once per
   * `clientKey` for check-ins the kiosk kept while offline (judged at `takenAt`).
   */
  checkIn: kioskProcedure
    .input(
      z.object({
        code: z.string().min(1).max(300),
        method: z.enum(['qr', 'keypad']),
        /** Made by the kiosk at the tap; a check-in sent twice with it is written once. */
        clientKey: z.uuid().optional(),
        /** When the person tapped, for a check-in sent late (from the kiosk's offline queue). */
        takenAt: z.iso.datetime({ offset: true }).optional(),
        /** True when sent from the offline queue. */
        queued: z.boolean().optional(),
      }),
    )
    .mutation(({ ctx, input }) => {
      enforceRateLimit(ctx.rateLimiter, 'check-in', ctx.ip, 120);
      return checkInWithCode(ctx.services, {
        code: input.code,
        method: input.method,
        kioskId: ctx.kiosk.id,
        clientKey: input.clientKey ?? null,
        takenAt: input.takenAt ?? null,
        queued: input.queued ?? false,
      });
    }),
});

/** The routes as a client sees them; kiosk code imports this type only. */
export const checkinClientRouter = router({ checkin: checkinRouter });
export type CheckinRouter = typeof checkinClientRouter;

export const checkinServerPlugin = defineServerPlugin({
  manifest,
  routes: { checkin: checkinRouter },
});
