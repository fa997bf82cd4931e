import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import {
  HISTORY_FILE_MAX_BYTES,
  historySampleFile,
  importHistory,
  listHistoryImports,
  previewHistoryImport,
} from '@seoro/services';
import { staffEditorProcedure, staffProcedure } from '@seoro/trpc';

/**
 * A file as the admin sends it. The base64 limit only stops oversized posts (a little over the
 * largest file taken); the service refuses a file over HISTORY_FILE_MAX_BYTES in words.
 */
const historyFile = {
  fileName: z.string().max(200),
  fileBase64: z
    .string()
    .max(Math.ceil((HISTORY_FILE_MAX_BYTES * 1.1) / 3) * 4)
    .regex(/^[A-Za-z0-9+/=\s]*$/),
};

/**
 * Past terms imported from spreadsheets (the years before this system): every staff member may
 * look; staff and administrators preview and import. The import is of the previewed bytes only.
 */
export const staffHistoryRouter = {
  /** The imports so far and the courses they hold, by year. */
  list: staffProcedure.query(({ ctx }) => listHistoryImports(ctx.services)),

  /** The shipped sample file (CSV), as an example and a template. */
  sample: staffProcedure.query(() => historySampleFile()),

  /** What importing the file would do, row by row, with every problem. Writes nothing. */
  preview: staffEditorProcedure
    .input(z.object(historyFile))
    .mutation(({ ctx, input }) => previewHistoryImport(ctx.services, input)),

  /**
   * Imports the previewed file (its sha256 must match): adds the new courses, or refuses the whole
   * file when any row has a problem. Audited as `history.import`.
   */
  import: staffEditorProcedure
    .input(z.object({ ...historyFile, sha256: z.string().regex(/^[0-9a-fA-F]{64}$/) }))
    .mutation(({ ctx, input }) =>
      importHistory(ctx.services, { ...input, staffId: ctx.staff.id, ip: ctx.ip }),
    ),
} satisfies TRPCRouterRecord;
