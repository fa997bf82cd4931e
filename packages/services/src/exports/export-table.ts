import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { attendance, auditLog, courses, enrolments, meetings, residents, terms } from '@seoro/db';
import {
  DomainError,
  attendanceRate,
  completionStatus,
  formatKrMobile,
  kstDateOf,
  kstTimeOf,
  maskPhone,
  type CompletionStatus,
  type Locale,
} from '@seoro/domain';
import { m } from '@seoro/i18n';
import { writeService, type ServiceContext } from '../context';
import {
  loadAttendanceGrid,
  loadCourseHeader,
  type CellState,
} from '../attendance/course-attendance';

/** What can be exported: a course's roster, a course's attendance grid, a term's enrolments. */
export const EXPORT_KINDS = ['course-roster', 'course-attendance', 'term-enrolments'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportInput {
  kind: ExportKind;
  /** The course, for the course kinds. */
  courseId?: string | null;
  /** The term, for `term-enrolments`. */
  termId?: string | null;
  format: ExportFormat;
  /** Why the data leaves the system (e.g. "구청 보고"); required, kept in the audit row. */
  purpose: string;
  /** Who exports: viewers get masked phone numbers. */
  staff: { id: string; role: 'admin' | 'staff' | 'viewer' };
  ip?: string | null;
  /** Language of the headers and words; Korean, the district's, by default. */
  locale?: Locale;
}

/** A column: its header and how its cells are typed in a spreadsheet. */
export interface ExportColumn {
  header: string;
  /** `percent` cells are shares 0..1; `int` whole numbers; `text` strings. */
  type: 'text' | 'int' | 'percent';
  /** Width in characters, for the spreadsheet. */
  width: number;
}

export type ExportCell = string | number | null;

/** The rows of an export and what to call the file; the file itself is built from this. */
export interface ExportTable {
  kind: ExportKind | 'audit-log';
  /** The sheet's name and the file name's stem (without date and extension). */
  sheetName: string;
  fileStem: string;
  columns: ExportColumn[];
  rows: ExportCell[][];
  /** Whole phone numbers (admin, staff) or masked ones (viewer). */
  phones: 'full' | 'masked';
  /** ISO instant the export was made. */
  exportedAt: string;
}

/** Roles who may see a whole phone number in an export; viewers get it masked. */
const FULL_PHONE_ROLES: ReadonlySet<string> = new Set(['admin', 'staff']);

/** An instant as a spreadsheet shows it, in Korea time and sortable: '2026-01-08 14:05'. */
export function kstStamp(at: Date): string {
  return `${kstDateOf(at)} ${kstTimeOf(at)}`;
}

/**
 * The rows of one export, in Korean (or English) columns with dates in Korea time, and the audit
 * row that records it (who, which course or term, how many rows, the purpose and the format), in
 * one call. Phone numbers are whole for admins and staff and masked for viewers. Refusals: a blank
 * purpose (`reason_required`), an unknown course (`course_not_found`) or term (`term_not_found`).
 */
export const exportTable = writeService('exportTable');
export { exportTableInPlace };

async function exportTableInPlace(ctx: ServiceContext, input: ExportInput): Promise<ExportTable> {
  const purpose = input.purpose.trim();
  if (purpose.length === 0) throw new DomainError('reason_required');
  const opts = { locale: input.locale ?? 'ko' };
  const full = FULL_PHONE_ROLES.has(input.staff.role);
  const phone = (e164: string) => (full ? formatKrMobile(e164) : maskPhone(e164));
  const words = wordsFor(opts);

  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    let table: Omit<ExportTable, 'kind' | 'phones' | 'exportedAt'>;
    let subject: { type: 'course' | 'term'; id: string };

    if (input.kind === 'term-enrolments') {
      const [term] = await tx
        .select()
        .from(terms)
        .where(eq(terms.id, input.termId ?? ''))
        .limit(1);
      if (!term) throw new DomainError('term_not_found');
      subject = { type: 'term', id: term.id };
      const termName = opts.locale === 'en' ? term.nameEn || term.nameKo : term.nameKo;
      const rows = await tx
        .select({
          enrolment: enrolments,
          phone: residents.phoneE164,
          titleKo: courses.titleKo,
          titleEn: courses.titleEn,
          sortOrder: courses.sortOrder,
        })
        .from(enrolments)
        .innerJoin(courses, eq(courses.id, enrolments.courseId))
        .innerJoin(residents, eq(residents.id, enrolments.residentId))
        .where(eq(courses.termId, term.id))
        .orderBy(asc(courses.sortOrder), asc(courses.titleKo), asc(enrolments.queueNo));
      const courseIds = [...new Set(rows.map((r) => r.enrolment.courseId))];
      const stats = await attendanceStats(tx, courseIds, now);
      const waitPlace = waitlistPlaces(rows.map((r) => r.enrolment));
      table = {
        sheetName: `${termName} ${words.termSheet}`,
        fileStem: `${termName}_${words.termSheet}`,
        columns: [
          { header: words.col.course, type: 'text', width: 30 },
          { header: words.col.name, type: 'text', width: 12 },
          { header: words.col.phone, type: 'text', width: 16 },
          { header: words.col.status, type: 'text', width: 10 },
          { header: words.col.channel, type: 'text', width: 10 },
          { header: words.col.registeredAt, type: 'text', width: 20 },
          { header: words.col.waitlistPlace, type: 'int', width: 10 },
          { header: words.col.cancelledAt, type: 'text', width: 20 },
          { header: words.col.attended, type: 'int', width: 10 },
          { header: words.col.rate, type: 'percent', width: 10 },
          { header: words.col.completion, type: 'text', width: 14 },
        ],
        rows: rows.map((r) => {
          const e = r.enrolment;
          const s = e.status === 'confirmed' ? stats.of(e.courseId, e.id) : null;
          return [
            opts.locale === 'en' ? r.titleEn || r.titleKo : r.titleKo,
            e.name,
            phone(r.phone),
            words.status[e.status],
            words.channel[e.channel],
            kstStamp(e.createdAt),
            waitPlace.get(e.id) ?? null,
            e.cancelledAt ? kstStamp(e.cancelledAt) : null,
            s ? s.attended : null,
            s ? s.rate : null,
            s ? words.completion[s.completion] : null,
          ];
        }),
      };
    } else {
      const course = await loadCourseHeader(tx, input.courseId ?? '');
      subject = { type: 'course', id: course.id };
      const title = opts.locale === 'en' ? course.title.en || course.title.ko : course.title.ko;
      const termName =
        opts.locale === 'en' ? course.termName.en || course.termName.ko : course.termName.ko;
      if (input.kind === 'course-roster') {
        const rows = await tx
          .select({ enrolment: enrolments, phone: residents.phoneE164 })
          .from(enrolments)
          .innerJoin(residents, eq(residents.id, enrolments.residentId))
          .where(and(eq(enrolments.courseId, course.id), sql`${enrolments.status} <> 'cancelled'`))
          .orderBy(asc(enrolments.queueNo), asc(enrolments.createdAt));
        const stats = await attendanceStats(tx, [course.id], now);
        const waitPlace = waitlistPlaces(rows.map((r) => r.enrolment));
        let confirmed = 0;
        table = {
          sheetName: `${title} ${words.rosterSheet}`,
          fileStem: `${termName}_${title}_${words.rosterSheet}`,
          columns: [
            { header: words.col.number, type: 'int', width: 6 },
            { header: words.col.name, type: 'text', width: 12 },
            { header: words.col.phone, type: 'text', width: 16 },
            { header: words.col.status, type: 'text', width: 10 },
            { header: words.col.channel, type: 'text', width: 10 },
            { header: words.col.registeredAt, type: 'text', width: 20 },
            { header: words.col.waitlistPlace, type: 'int', width: 10 },
            { header: words.col.attended, type: 'int', width: 10 },
            { header: words.col.rate, type: 'percent', width: 10 },
          ],
          rows: rows.map((r) => {
            const e = r.enrolment;
            const s = e.status === 'confirmed' ? stats.of(course.id, e.id) : null;
            return [
              e.status === 'confirmed' ? ++confirmed : null,
              e.name,
              phone(r.phone),
              words.status[e.status],
              words.channel[e.channel],
              kstStamp(e.createdAt),
              waitPlace.get(e.id) ?? null,
              s ? s.attended : null,
              s ? s.rate : null,
            ];
          }),
        };
      } else {
        const grid = await loadAttendanceGrid(tx, course.id, now);
        const phones = new Map(
          grid.learners.length === 0
            ? []
            : (
                await tx
                  .select({ id: enrolments.id, phone: residents.phoneE164 })
                  .from(enrolments)
                  .innerJoin(residents, eq(residents.id, enrolments.residentId))
                  .where(
                    inArray(
                      enrolments.id,
                      grid.learners.map((l) => l.enrolmentId),
                    ),
                  )
              ).map((r) => [r.id, r.phone]),
        );
        table = {
          sheetName: `${title} ${words.attendanceSheet}`,
          fileStem: `${termName}_${title}_${words.attendanceSheet}`,
          columns: [
            { header: words.col.number, type: 'int', width: 6 },
            { header: words.col.name, type: 'text', width: 12 },
            { header: words.col.phone, type: 'text', width: 16 },
            ...grid.meetings.map((mt): ExportColumn => ({
              header: m.admin_export_col_meeting(
                { seq: mt.seq, date: `${mt.date.slice(5, 7)}/${mt.date.slice(8, 10)}` },
                opts,
              ),
              type: 'text',
              width: 11,
            })),
            { header: words.col.attended, type: 'int', width: 10 },
            { header: words.col.rate, type: 'percent', width: 10 },
            { header: words.col.completion, type: 'text', width: 14 },
          ],
          rows: grid.learners.map((l) => [
            l.number,
            l.name,
            phone(phones.get(l.enrolmentId) ?? ''),
            ...l.cells.map((c) => words.cell[c.state]),
            l.attended,
            l.rate,
            words.completion[l.completion],
          ]),
        };
      }
    }

    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staff.id,
      action: 'export.create',
      subjectType: subject.type,
      subjectId: subject.id,
      ip: input.ip ?? null,
      detail: {
        kind: input.kind,
        format: input.format,
        rows: table.rows.length,
        purpose,
        phones: full ? 'full' : 'masked',
      },
    });
    return {
      kind: input.kind,
      ...table,
      phones: full ? 'full' : 'masked',
      exportedAt: now.toISOString(),
    };
  });
}

/** Each waitlisted enrolment's place in its course's queue (1 = next), in queue order. */
function waitlistPlaces(
  rows: { id: string; courseId: string; status: string; queueNo: number }[],
): Map<string, number> {
  const places = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const e of [...rows].sort((a, b) => a.queueNo - b.queueNo)) {
    if (e.status !== 'waitlisted') continue;
    const n = (seen.get(e.courseId) ?? 0) + 1;
    seen.set(e.courseId, n);
    places.set(e.id, n);
  }
  return places;
}

/** Attended meetings, rate and completion of confirmed learners, by course and enrolment. */
async function attendanceStats(
  tx: Parameters<typeof loadCourseHeader>[0],
  courseIds: string[],
  now: Date,
): Promise<{
  of(
    courseId: string,
    enrolmentId: string,
  ): { attended: number; rate: number | null; completion: CompletionStatus };
}> {
  if (courseIds.length === 0) {
    return { of: () => ({ attended: 0, rate: null, completion: 'on_track' }) };
  }
  const meetingRows = await tx
    .select({ id: meetings.id, courseId: meetings.courseId, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(inArray(meetings.courseId, courseIds), eq(meetings.status, 'scheduled')));
  const percentRows = await tx
    .select({ courseId: courses.id, percent: terms.completionPercent })
    .from(courses)
    .innerJoin(terms, eq(terms.id, courses.termId))
    .where(inArray(courses.id, courseIds));
  const percentOf = new Map(percentRows.map((r) => [r.courseId, r.percent]));
  const heldIds = new Set(
    meetingRows.filter((r) => r.startsAt.getTime() <= now.getTime()).map((r) => r.id),
  );
  const count = (courseId: string, held: boolean) =>
    meetingRows.filter((r) => r.courseId === courseId && (!held || heldIds.has(r.id))).length;
  const checkIns =
    heldIds.size === 0
      ? []
      : await tx
          .select({ enrolmentId: attendance.enrolmentId, meetingId: attendance.meetingId })
          .from(attendance)
          .where(inArray(attendance.meetingId, [...heldIds]));
  const attendedBy = new Map<string, number>();
  for (const a of checkIns) attendedBy.set(a.enrolmentId, (attendedBy.get(a.enrolmentId) ?? 0) + 1);
  return {
    of(courseId, enrolmentId) {
      const record = {
        total: count(courseId, false),
        held: count(courseId, true),
        attended: attendedBy.get(enrolmentId) ?? 0,
      };
      return {
        attended: record.attended,
        rate: attendanceRate(record),
        completion: completionStatus(record, percentOf.get(courseId) ?? 80),
      };
    },
  };
}

/** The words of the exports in one language, from the message catalogue. */
function wordsFor(opts: { locale: Locale }) {
  return {
    rosterSheet: m.admin_export_sheet_roster({}, opts),
    attendanceSheet: m.admin_export_sheet_attendance({}, opts),
    termSheet: m.admin_export_sheet_term({}, opts),
    col: {
      number: m.admin_export_col_number({}, opts),
      course: m.admin_export_col_course({}, opts),
      name: m.admin_export_col_name({}, opts),
      phone: m.admin_export_col_phone({}, opts),
      status: m.admin_export_col_status({}, opts),
      channel: m.admin_export_col_channel({}, opts),
      registeredAt: m.admin_export_col_registered_at({}, opts),
      waitlistPlace: m.admin_export_col_waitlist_place({}, opts),
      cancelledAt: m.admin_export_col_cancelled_at({}, opts),
      attended: m.admin_export_col_attended({}, opts),
      rate: m.admin_export_col_rate({}, opts),
      completion: m.admin_export_col_completion({}, opts),
    },
    status: {
      confirmed: m.admin_export_status_confirmed({}, opts),
      waitlisted: m.admin_export_status_waitlisted({}, opts),
      lottery_pending: m.admin_export_status_lottery_pending({}, opts),
      cancelled: m.admin_export_status_cancelled({}, opts),
    },
    channel: {
      web: m.admin_export_channel_web({}, opts),
      kiosk: m.admin_export_channel_kiosk({}, opts),
      staff: m.admin_export_channel_staff({}, opts),
    },
    cell: {
      present: m.admin_attendance_cell_present({}, opts),
      late: m.admin_attendance_cell_late({}, opts),
      absent: m.admin_attendance_cell_absent({}, opts),
      future: m.admin_attendance_cell_future({}, opts),
      cancelled: m.admin_attendance_cell_cancelled({}, opts),
    } satisfies Record<CellState, string>,
    completion: {
      completed: m.admin_attendance_completion_completed({}, opts),
      on_track: m.admin_attendance_completion_on_track({}, opts),
      not_met: m.admin_attendance_completion_not_met({}, opts),
    } satisfies Record<CompletionStatus, string>,
  };
}
