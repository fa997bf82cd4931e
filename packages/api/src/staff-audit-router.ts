import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import { AUDIT_ACTIONS, buildExportFile, exportAuditLog, searchAuditLog } from '@seoro/services';
import { adminProcedure } from '@seoro/trpc';

/** A KST calendar date (YYYY-MM-DD), as the date inputs send it; impossible dates are refused. */
const kstDate = z.iso.date();

/**
 * The audit log (감사 기록), for administrators only. It is append-only: this router reads, and
 * no procedure anywhere updates or deletes its rows.
 */
export const staffAuditRouter = {
  /**
   * One page of the log, newest first, filtered by staff member, resident (name or the last four
   * digits of the phone), action and KST date range. Residents come masked. `nextCursor` fetches
   * the next, older page.
   */
  search: adminProcedure
    .input(
      z.object({
        staffId: z.string().min(1).max(64).optional(),
        resident: z.string().trim().max(40).optional(),
        action: z.enum(AUDIT_ACTIONS).optional(),
        from: kstDate.optional(),
        to: kstDate.optional(),
        cursor: z.string().max(40).optional(),
      }),
    )
    .query(({ ctx, input }) => searchAuditLog(ctx.services, input)),
  /**
   * The log under the same filters as `search`, as a `.xlsx` or CSV file (base64), residents
   * masked. The export is itself audited (`audit.export`).
   */
  export: adminProcedure
    .input(
      z.object({
        staffId: z.string().min(1).max(64).optional(),
        resident: z.string().trim().max(40).optional(),
        action: z.enum(AUDIT_ACTIONS).optional(),
        from: kstDate.optional(),
        to: kstDate.optional(),
        format: z.enum(['csv', 'xlsx']),
        locale: z.enum(['ko', 'en']).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const { format, locale, ...filters } = input;
      const table = await exportAuditLog(ctx.services, {
        filters,
        format,
        locale,
        staffId: ctx.staff.id,
        ip: ctx.ip,
      });
      const file = await buildExportFile(table, format);
      return {
        filename: file.filename,
        contentType: file.contentType,
        base64: Buffer.from(file.bytes).toString('base64'),
        rows: table.rows.length,
      };
    }),
} satisfies TRPCRouterRecord;
