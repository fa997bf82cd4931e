import { z } from 'zod';
import { getCourse, getCurrentCatalogue } from '@seoro/services';
import { publicProcedure, router } from '@seoro/trpc';
import { serverPlugins } from './plugins';
import { staffRouter } from './staff-router';

const systemRouter = router({
  /** Touches no database: the kiosk uses it to tell whether it is online. */
  ping: publicProcedure.query(() => ({ ok: true as const, time: new Date().toISOString() })),
});

const catalogueRouter = router({
  /** The term on show and its courses, or null when no term is published. */
  currentTerm: publicProcedure.query(({ ctx }) => getCurrentCatalogue(ctx.services)),
  /** One course with its meetings. */
  course: publicProcedure
    .input(z.object({ courseId: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => getCourse(ctx.services, input.courseId)),
});

/** The whole API: core routers, then each plugin's routes. */
export const appRouter = router({
  system: systemRouter,
  catalogue: catalogueRouter,
  staff: staffRouter,
  ...serverPlugins.registration.routes,
  ...serverPlugins.checkin.routes,
});

export type AppRouter = typeof appRouter;
