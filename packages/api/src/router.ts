import { z } from 'zod';
import {
  getCourse,
  getCurrentCatalogue,
  getPastTerm,
  getProgramContact,
  getRetentionPolicy,
  listPastTerms,
} from '@seoro/services';
import { publicProcedure, router } from '@seoro/trpc';
import { routesOf, serverPlugins } from './plugins';
import { kioskRouter } from './kiosk-router';
import { staffRouter } from './staff-router';
import { instructorRouter } from './instructor-router';
import { certificatesRouter } from './certificates-router';
import { teachRouter } from './teach-router';
import { teachOptOutRouter, wishesRouter } from './wishes-router';

const systemRouter = router({
  /** Touches no database: the kiosk uses it to tell whether it is online. */
  ping: publicProcedure.query(() => ({ ok: true as const, time: new Date().toISOString() })),
});

const catalogueRouter = router({
  /** The term on show and its courses, or null when no term is published. */
  currentTerm: publicProcedure.query(({ ctx }) => getCurrentCatalogue(ctx.services)),
  /** How to reach the program and the way to the Art Hall (the settings' `contact`, or defaults). */
  contact: publicProcedure.query(({ ctx }) => getProgramContact(ctx.services)),
  /** How long personal data is kept, per kind, in months (the privacy notice states them). */
  retention: publicProcedure.query(({ ctx }) => getRetentionPolicy(ctx.services)),
  /** Published terms that have ended, newest first (the public archive). */
  pastTerms: publicProcedure.query(({ ctx }) => listPastTerms(ctx.services)),
  /** One past term and its courses; a term not over yet is `term_not_found`. */
  pastTerm: publicProcedure
    .input(z.object({ termId: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => getPastTerm(ctx.services, input.termId)),
  /** One course with its meetings. */
  course: publicProcedure
    .input(z.object({ courseId: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => getCourse(ctx.services, input.courseId)),
});

const coreRouters = {
  system: systemRouter,
  catalogue: catalogueRouter,
  staff: staffRouter,
  kiosk: kioskRouter,
  instructor: router(instructorRouter),
  certificates: certificatesRouter,
  wishes: router(wishesRouter),
  // Applying to teach, and the opt-out link of an invitation to teach.
  teach: router({ ...teachRouter, ...teachOptOutRouter }),
};

/** The whole API: core routers, then the routes of every server part in the plugin registry. */
export const appRouter = router({
  ...coreRouters,
  ...routesOf(serverPlugins, Object.keys(coreRouters)),
});

export type AppRouter = typeof appRouter;
