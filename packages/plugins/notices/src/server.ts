/** Server part of the notices plugin: what the kiosk's start screen shows today. */
import { defineServerPlugin } from '@seoro/plugin-sdk';
import { currentNotices } from '@seoro/services';
import { kioskProcedure, router } from '@seoro/trpc';
import { manifest } from './manifest';

export const noticesRouter = router({
  /** Today's notices (KST), newest first, at most three. */
  current: kioskProcedure.query(({ ctx }) => currentNotices(ctx.services)),
});

/** The routes as a client sees them; kiosk code imports this type only. */
export const noticesClientRouter = router({ notices: noticesRouter });
export type NoticesRouter = typeof noticesClientRouter;

export const noticesServerPlugin = defineServerPlugin({
  manifest,
  routes: { notices: noticesRouter },
});
