import ExcelJS from 'exceljs';
import { kstDateOf, type Locale } from '@seoro/domain';
import { m } from '@seoro/i18n';
import type { ServiceContext } from '../context';
import type { ExportFile } from '../exports/build-export-file';
import { readCumulativeFigures, type CumulativeRow } from './cumulative';
import { readTermFigures } from './term-figures';

type Cell = string | number | null;
interface Column {
  header: string;
  type: 'text' | 'int' | 'percent';
  width: number;
}

const UNSAFE = /[\\/:*?"<>|[\]\t\r\n]/g;

/**
 * The statistics as an Excel workbook, one sheet per figure: the cumulative record for the years
 * asked, then, when a term is given, its registrations (first hour, per day), fill and waitlist,
 * attendance per meeting and per course, no-shows, new and returning learners, and learners who
 * went on to teach. Counts only, so nothing is audited.
 */
export async function buildStatisticsWorkbook(
  ctx: ServiceContext,
  input: {
    termId?: string | null;
    fromYear?: number | null;
    toYear?: number | null;
    /** The cumulative sheet counts the term only (this system's records of it), not the years. */
    cumulativeOfTerm?: boolean;
    locale?: Locale;
  },
): Promise<ExportFile> {
  const opts = { locale: input.locale ?? 'ko' };
  const lang = opts.locale;
  const cumulative = await readCumulativeFigures(
    ctx,
    input.cumulativeOfTerm && input.termId
      ? { termId: input.termId }
      : { fromYear: input.fromYear, toYear: input.toYear },
  );
  const figures = input.termId ? await readTermFigures(ctx, { termId: input.termId }) : null;

  const workbook = new ExcelJS.Workbook();
  workbook.creator = '서로서로학교';
  workbook.created = ctx.clock.now();
  const addSheet = (name: string, columns: Column[], rows: Cell[][]) => {
    const sheet = workbook.addWorksheet(name.replace(UNSAFE, ' ').trim().slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1 }],
      pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1 },
    });
    sheet.columns = columns.map((c) => ({
      header: c.header,
      width: c.width,
      style: c.type === 'percent' ? { numFmt: '0%' } : {},
    }));
    sheet.addRows(rows);
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF3F8' } };
  };
  const text = (header: string, width = 24): Column => ({ header, type: 'text', width });
  const int = (header: string): Column => ({ header, type: 'int', width: 14 });
  const pct = (header: string): Column => ({ header, type: 'percent', width: 12 });

  const row = (label: string, r: CumulativeRow): Cell[] => [
    label,
    r.courses,
    r.learners,
    r.instructors,
    r.attendances,
  ];
  addSheet(
    m.admin_stats_sheet_cumulative({}, opts),
    [
      text(
        `${m.admin_stats_row_label({}, opts)} (${cumulative.fromYear}–${cumulative.toYear})`,
        30,
      ),
      int(m.admin_stats_courses({}, opts)),
      int(m.admin_stats_learners({}, opts)),
      int(m.admin_stats_instructors({}, opts)),
      int(m.admin_stats_attendances({}, opts)),
    ],
    [
      row(m.admin_stats_row_imported({}, opts), cumulative.imported),
      row(m.admin_stats_row_recorded({}, opts), cumulative.recorded),
      row(m.admin_stats_row_total({}, opts), cumulative.total),
    ],
  );

  if (figures) {
    const title = (t: { ko: string; en: string }) => t[lang];
    addSheet(
      m.admin_stats_sheet_first_hour({}, opts),
      [int(m.admin_stats_minute({}, opts)), int(m.admin_stats_registrations({}, opts))],
      figures.registrations.firstHour.map((b) => [b.minute, b.count]),
    );
    addSheet(
      m.admin_stats_sheet_days({}, opts),
      [text(m.admin_stats_date({}, opts), 14), int(m.admin_stats_registrations({}, opts))],
      figures.registrations.days.map((d) => [d.date, d.count]),
    );
    addSheet(
      m.admin_stats_sheet_fill({}, opts),
      [
        text(m.admin_stats_course({}, opts), 30),
        int(m.admin_stats_capacity({}, opts)),
        int(m.admin_stats_confirmed({}, opts)),
        int(m.admin_stats_waitlisted({}, opts)),
        pct(m.admin_stats_fill_rate({}, opts)),
      ],
      figures.fill.map((c) => [title(c.title), c.capacity, c.confirmed, c.waitlisted, c.fillRate]),
    );
    const titles = new Map(figures.fill.map((c) => [c.courseId, title(c.title)]));
    addSheet(
      m.admin_stats_sheet_meetings({}, opts),
      [
        text(m.admin_stats_course({}, opts), 30),
        int(m.admin_stats_meeting({}, opts)),
        text(m.admin_stats_date({}, opts), 14),
        int(m.admin_stats_checked_in({}, opts)),
        int(m.admin_stats_confirmed({}, opts)),
        pct(m.admin_stats_attendance_rate({}, opts)),
      ],
      figures.meetings.map((x) => [
        titles.get(x.courseId) ?? '',
        x.seq,
        `${x.date} ${x.startTime}`,
        x.checkedIn,
        x.confirmed,
        x.rate,
      ]),
    );
    addSheet(
      m.admin_stats_sheet_courses({}, opts),
      [
        text(m.admin_stats_course({}, opts), 30),
        int(m.admin_stats_meetings_held({}, opts)),
        int(m.admin_stats_confirmed({}, opts)),
        int(m.admin_stats_check_ins({}, opts)),
        pct(m.admin_stats_attendance_rate({}, opts)),
      ],
      figures.courseAttendance.map((c) => [
        title(c.title),
        c.meetingsHeld,
        c.confirmed,
        c.checkIns,
        c.rate,
      ]),
    );
    addSheet(
      m.admin_stats_sheet_noshow({}, opts),
      [
        int(m.admin_stats_learner_meetings({}, opts)),
        int(m.admin_stats_no_shows({}, opts)),
        pct(m.admin_stats_noshow_heading({}, opts)),
      ],
      [[figures.noShow.learnerMeetings, figures.noShow.noShows, figures.noShow.rate]],
    );
    addSheet(
      m.admin_stats_sheet_mix({}, opts),
      [
        text(m.admin_stats_kind({}, opts)),
        int(m.admin_stats_count({}, opts)),
        pct(m.admin_stats_share({}, opts)),
      ],
      [
        [
          m.admin_stats_newcomers({}, opts),
          figures.mix.newcomers,
          figures.mix.learners ? figures.mix.newcomers / figures.mix.learners : null,
        ],
        [m.admin_stats_returning({}, opts), figures.mix.returning, figures.mix.returningShare],
        [m.admin_stats_row_total({}, opts), figures.mix.learners, figures.mix.learners ? 1 : null],
      ],
    );
    addSheet(
      m.admin_stats_sheet_taught({}, opts),
      [
        text(m.admin_stats_instructor({}, opts)),
        text(m.admin_stats_course({}, opts), 30),
        text(m.admin_stats_term({}, opts)),
      ],
      figures.taught.courses.map((t) => [t.instructorName, title(t.title), title(t.term)]),
    );
  }

  const buffer = await workbook.xlsx.writeBuffer();
  const scope = figures ? figures.term.name[lang] : `${cumulative.fromYear}-${cumulative.toYear}`;
  const stem = m
    .admin_stats_file_stem({ term: scope }, opts)
    .replace(UNSAFE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const date = kstDateOf(ctx.clock.now()).replace(/-/g, '');
  return {
    bytes: new Uint8Array(buffer),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: `${stem}_${date}.xlsx`,
  };
}
