import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import {
  ATTENDANCE_MARKS,
  EXPORT_FORMATS,
  EXPORT_KINDS,
  buildExportFile,
  correctAttendance,
  exportTable,
  printAttendanceSheet,
  readAttendanceGrid,
} from '@seoro/services';
import { staffEditorProcedure, staffProcedure } from '@seoro/trpc';

const id = z.string().min(1).max(64);
/** Why staff did something; kept in the audit log. Blank is refused. */
const reason = z.string().trim().min(1).max(500);

/**
 * Attendance (출석): a course's grid, corrections and the printable sheet. Every staff member may
 * read the grid and print the sheet, each read audited; staff and administrators may correct a
 * mark, viewers may not.
 */
export const staffAttendanceRouter = {
  /**
   * A course's meetings × confirmed learners with each mark, every learner's rate over the
   * meetings held and completion at the term's percentage, and each meeting's totals. Audited.
   */
  grid: staffProcedure.input(z.object({ courseId: id })).query(({ ctx, input }) =>
    readAttendanceGrid(ctx.services, {
      courseId: input.courseId,
      staffId: ctx.staff.id,
      ip: ctx.ip,
    }),
  ),

  /**
   * Sets one learner's mark at one meeting (present or late: a check-in by staff; absent: the
   * check-in removed), with the reason; the audit row keeps the mark before and after.
   */
  correct: staffEditorProcedure
    .input(z.object({ enrolmentId: id, meetingId: id, mark: z.enum(ATTENDANCE_MARKS), reason }))
    .mutation(({ ctx, input }) =>
      correctAttendance(ctx.services, { ...input, staffId: ctx.staff.id, ip: ctx.ip }),
    ),

  /** The printable 출석부 of the course, or of one meeting (`meetingId`). Audited as a read. */
  printSheet: staffProcedure
    .input(z.object({ courseId: id, meetingId: id.optional() }))
    .query(({ ctx, input }) =>
      printAttendanceSheet(ctx.services, {
        courseId: input.courseId,
        meetingId: input.meetingId ?? null,
        staffId: ctx.staff.id,
        ip: ctx.ip,
      }),
    ),
} satisfies TRPCRouterRecord;

/**
 * Exports (내보내기) of personal data as `.xlsx` or CSV, built on the server. Each asks for its
 * purpose and writes an audit row (who, what, which course or term, how many rows, purpose,
 * format). Viewers may export too: their files carry masked phone numbers.
 */
export const staffExportsRouter = {
  /**
   * One export's file, base64-encoded, with its name (Korean, for an RFC 5987 `filename*`), type
   * and row count. A query, like the roster read: it changes nothing but the audit log.
   */
  file: staffProcedure
    .input(
      z.object({
        kind: z.enum(EXPORT_KINDS),
        courseId: id.optional(),
        termId: id.optional(),
        format: z.enum(EXPORT_FORMATS),
        purpose: reason,
        locale: z.enum(['ko', 'en']).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const table = await exportTable(ctx.services, {
        ...input,
        staff: { id: ctx.staff.id, role: ctx.staff.role },
        ip: ctx.ip,
      });
      const file = await buildExportFile(table, input.format);
      return {
        filename: file.filename,
        contentType: file.contentType,
        base64: Buffer.from(file.bytes).toString('base64'),
        rows: table.rows.length,
        phones: table.phones,
      };
    }),
} satisfies TRPCRouterRecord;
