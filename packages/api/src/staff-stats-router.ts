import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import {
  buildStatisticsWorkbook,
  listStatsTerms,
  readCumulativeFigures,
  readTermFigures,
} from '@seoro/services';
import { staffProcedure } from '@seoro/trpc';

const id = z.string().min(1).max(64);
const year = z.number().int().min(2000).max(2100);

/** The figures' filter: a term for figures 1–6, a year range (either order) for the cumulative. */
const filter = z.object({
  termId: id.optional(),
  fromYear: year.optional(),
  toYear: year.optional(),
});

/**
 * The statistics dashboard (counts only, no personal data): any signed-in staff member may read.
 */
export const staffStatsRouter = {
  /** Terms to choose from (drafts left out), newest first. */
  terms: staffProcedure.query(({ ctx }) => listStatsTerms(ctx.services)),

  /**
   * Figures 1–6 of one term: registrations around the opening, fill and waitlist, attendance per
   * meeting and course, no-shows, new against returning, learners who went on to teach.
   * Refusal: `term_not_found` (404).
   */
  term: staffProcedure
    .input(z.object({ termId: id }))
    .query(({ ctx, input }) => readTermFigures(ctx.services, input)),

  /**
   * Cumulative since 2015 (imported history, this system, total), for the years asked or one
   * term of this system.
   */
  cumulative: staffProcedure
    .input(filter)
    .query(({ ctx, input }) => readCumulativeFigures(ctx.services, input)),

  /**
   * The figures as an .xlsx workbook, one sheet per figure (bytes in base64).
   * Refusal: `term_not_found` (404).
   */
  workbook: staffProcedure
    .input(
      filter.extend({
        /** The cumulative sheet counts the term only, not the years. */
        cumulativeOfTerm: z.boolean().optional(),
        locale: z.enum(['ko', 'en']).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const file = await buildStatisticsWorkbook(ctx.services, input);
      return {
        base64: Buffer.from(file.bytes).toString('base64'),
        contentType: file.contentType,
        filename: file.filename,
      };
    }),
} satisfies TRPCRouterRecord;
