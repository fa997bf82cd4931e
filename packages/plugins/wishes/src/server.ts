/** Server part of the wishes plugin: a wish left at the kiosk. */
import { z } from 'zod';
import { defineServerPlugin } from '@seoro/plugin-sdk';
import { WISH_TEXT_MAX } from '@seoro/domain';
import { addWish } from '@seoro/services';
import { enforceRateLimit, kioskProcedure, router } from '@seoro/trpc';
import { manifest } from './manifest';

export const kioskWishesRouter = router({
  /**
   * Files a wish from this kiosk: a topic, and a text or none (the topic alone). Refusals are
   * the service's (`wish_*`), nothing written. At most 20 a minute per kiosk.
   */
  add: kioskProcedure
    .input(z.object({ topic: z.string().max(40), text: z.string().max(WISH_TEXT_MAX * 4) }))
    .mutation(({ ctx, input }) => {
      enforceRateLimit(ctx.rateLimiter, 'kiosk-wish-add', ctx.kiosk.id, 20);
      return addWish(ctx.services, { ...input, source: 'kiosk', locale: ctx.locale });
    }),
});

/** The routes as a client sees them; kiosk code imports this type only. */
export const wishesClientRouter = router({ kioskWishes: kioskWishesRouter });
export type WishesRouter = typeof wishesClientRouter;

export const wishesServerPlugin = defineServerPlugin({
  manifest,
  routes: { kioskWishes: kioskWishesRouter },
});
