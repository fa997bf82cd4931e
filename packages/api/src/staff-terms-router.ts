import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import {
  copyTerm,
  createTerm,
  getTerm,
  listTerms,
  publishDraftCourses,
  setTermPublished,
  updateTerm,
} from '@seoro/services';
import { staffEditorProcedure, staffProcedure } from '@seoro/trpc';

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().max(max);

/**
 * A term's settings as its form sends them. Dates are 'YYYY-MM-DD' and date-times KST wall-clock
 * 'YYYY-MM-DDTHH:MM'; the service checks them (`checkTerm`) and refuses the first problem with
 * its field (`term_ends_before_start`, `term_window_closes_before_opens`, …).
 */
export const termSettingsInput = z.object({
  /** Korean and English names, e.g. '2026년 1기' / '2026 Session 1'. */
  nameKo: text(200),
  nameEn: text(200),
  /** Address-friendly name; blank makes one from the English name. */
  slug: text(100),
  /** First and last class day, 'YYYY-MM-DD'. */
  startsOn: text(20),
  endsOn: text(20),
  /** Online registration window, KST 'YYYY-MM-DDTHH:MM'. */
  registrationOpensAt: text(25),
  registrationClosesAt: text(25),
  /** On-site (kiosk) signup window; both blank to follow the online window. */
  onsiteOpensAt: text(25),
  onsiteClosesAt: text(25),
  /** Courses per resident (1–20); null for no limit. */
  perResidentLimit: z.number().nullable(),
  /** Absence share (%) that bars a learner from the next term; null for none. */
  noShowBarPercent: z.number().nullable(),
  /** Attendance share (%) needed for completion (수료). */
  completionPercent: z.number(),
  /** The mode a new course in the term starts with. */
  defaultMode: z.enum(['first_come', 'lottery']),
});

/**
 * Terms (기수): the list, one term with its courses, and the changes staff make — create, edit,
 * publish and take back, copy into the next term, publish the term's draft courses. Every change
 * writes an audit row; viewers may only look.
 */
export const staffTermsRouter = {
  /** Every term, newest first, with its status and course and registration counts. */
  list: staffProcedure.query(({ ctx }) => listTerms(ctx.services)),

  /** One term: its settings as the form shows them, its courses (drafts too), the copy's start. */
  get: staffProcedure
    .input(z.object({ termId: id }))
    .query(({ ctx, input }) => getTerm(ctx.services, input)),

  /** Creates a term as a draft (hidden from residents until published). */
  create: staffEditorProcedure
    .input(termSettingsInput)
    .mutation(({ ctx, input }) =>
      createTerm(ctx.services, { settings: input, staffId: ctx.staff.id, ip: ctx.ip }),
    ),

  /** Changes a term's settings; a blank slug keeps the term's own. */
  update: staffEditorProcedure
    .input(termSettingsInput.extend({ termId: id }))
    .mutation(({ ctx, input: { termId, ...settings } }) =>
      updateTerm(ctx.services, { termId, settings, staffId: ctx.staff.id, ip: ctx.ip }),
    ),

  /** Publishes a term (초안 → 게시): residents see it and its published courses. */
  publish: staffEditorProcedure.input(z.object({ termId: id })).mutation(({ ctx, input }) =>
    setTermPublished(ctx.services, {
      termId: input.termId,
      published: true,
      staffId: ctx.staff.id,
      ip: ctx.ip,
    }),
  ),

  /** Takes a term back to a draft; refused with `term_has_live_enrolments` once anyone registered. */
  unpublish: staffEditorProcedure.input(z.object({ termId: id })).mutation(({ ctx, input }) =>
    setTermPublished(ctx.services, {
      termId: input.termId,
      published: false,
      staffId: ctx.staff.id,
      ip: ctx.ip,
    }),
  ),

  /**
   * Starts the next term from `sourceTermId`: a new draft term with these settings and a draft copy
   * of each course that was not cancelled (no registrations, no meetings; each copy's source slot
   * is in the answer for the meetings screen).
   */
  copy: staffEditorProcedure
    .input(termSettingsInput.extend({ sourceTermId: id }))
    .mutation(({ ctx, input: { sourceTermId, ...settings } }) =>
      copyTerm(ctx.services, { sourceTermId, settings, staffId: ctx.staff.id, ip: ctx.ip }),
    ),

  /** Publishes every draft course of the term that has meetings; names those without. */
  publishDraftCourses: staffEditorProcedure
    .input(z.object({ termId: id }))
    .mutation(({ ctx, input }) =>
      publishDraftCourses(ctx.services, {
        termId: input.termId,
        staffId: ctx.staff.id,
        ip: ctx.ip,
      }),
    ),
} satisfies TRPCRouterRecord;
