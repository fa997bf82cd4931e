import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, historyCourses, historyImports, staffUsers } from '@seoro/db';
import { readHistorySample } from '@seoro/db/seed';
import { testDatabase } from '@seoro/db/test/vitest';
import { DomainError, kstInstant } from '@seoro/domain';
import { createServiceContext } from '../context';
import { parseHistoryFile } from './parse-history-file';
import { previewHistoryImport, sha256Hex } from './preview-history';
import { importHistory } from './import-history';
import { listHistoryImports } from './list-history';
import { parseTermKey, validateHistoryRows, type HistoryProblemCode } from './validate-history';

const STAFF = 'staff-1';
const HEADER = '기수,강좌명,강사,수강생 수,회차,출석 연인원,수료생';
const utf8 = (text: string) => new TextEncoder().encode(text);
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

async function setup() {
  const t = await testDatabase();
  const clock = { now: () => kstInstant('2026-05-04', '10:00') };
  const ctx = createServiceContext(t.database, { clock });
  await t.database.write((tx) =>
    tx.insert(staffUsers).values({
      id: STAFF,
      email: 'kim@yongsan.example',
      name: '김담당',
      role: 'staff',
      passwordHash: 'not used here',
      createdAt: clock.now(),
    }),
  );
  const counts = async () => ({
    courses: (await t.database.db.select().from(historyCourses)).length,
    imports: (await t.database.db.select().from(historyImports)).length,
    audit: (
      await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'history.import'))
    ).length,
  });
  const file = (text: string, fileName = 'past.csv') => {
    const bytes = utf8(text);
    return { fileName, fileBase64: b64(bytes), sha256: sha256Hex(bytes), staffId: STAFF };
  };
  return { ...t, ctx, counts, file };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

const GOOD = `${HEADER}\n2015-1,수채화 기초,김영숙,12,8,80,10\n2015년 2기,스마트폰 첫걸음,이정희,10,6,50,9\n2016 1기,아침 요가,박상철,9,,,\n`;

describe('parsing a history file', () => {
  it('reads UTF-8 CSV, with or without a byte-order mark, and lists unknown columns', async () => {
    for (const prefix of ['', '\uFEFF']) {
      const parsed = await parseHistoryFile(
        utf8(`${prefix}기수,강좌명,강사,수강생 수,비고\n2015-1,수채화 기초,김영숙,12,메모\n`),
      );
      expect(parsed.format).toBe('csv');
      expect(parsed.ignoredColumns).toEqual(['비고']);
      expect(parsed.rows).toEqual([
        {
          row: 2,
          cells: { term: '2015-1', title: '수채화 기초', instructor: '김영숙', learners: '12' },
        },
      ]);
    }
  });

  it('reads CP949/EUC-KR CSV as Korean Excel writes it', async () => {
    // "기수,강좌명,강사,수강생 수\n2015-1,수채화,김영숙,12\n" in EUC-KR.
    const euckr = Buffer.from(
      'b1e2bcf62cb0adc1c2b8ed2cb0adbbe72cbcf6b0adbbfd20bcf60a323031352d312cbcf6c3a4c8ad2cb1e8bfb5bcf72c31320a',
      'hex',
    );
    const parsed = await parseHistoryFile(new Uint8Array(euckr));
    expect(parsed.rows[0]?.cells).toEqual({
      term: '2015-1',
      title: '수채화',
      instructor: '김영숙',
      learners: '12',
    });
  });

  it('reads the first sheet of an .xlsx, with English headers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Past terms');
    sheet.addRow([
      'Term',
      'Course',
      'Instructor',
      'Learners',
      'Meetings',
      'Attendances',
      'Completed',
    ]);
    sheet.addRow(['2017-2', '캘리그라피', '최미경', 11, 8, 70, 9]);
    workbook.addWorksheet('Other').addRow(['ignored']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const parsed = await parseHistoryFile(bytes);
    expect(parsed.format).toBe('xlsx');
    expect(parsed.rows).toEqual([
      {
        row: 2,
        cells: {
          term: '2017-2',
          title: '캘리그라피',
          instructor: '최미경',
          learners: '11',
          meetings: '8',
          attendances: '70',
          completed: '9',
        },
      },
    ]);
  });

  it('refuses a file without the required columns, or without rows', async () => {
    expect(await codeOf(parseHistoryFile(utf8('기수,강좌명\n2015-1,수채화\n')))).toBe(
      'history_columns_missing',
    );
    expect(await codeOf(parseHistoryFile(utf8(`${HEADER}\n`)))).toBe('history_file_empty');
    expect(await codeOf(parseHistoryFile(utf8('PK\u0003\u0004 not a zip')))).toBe(
      'history_file_unreadable',
    );
  });

  it('reads every way of writing a term', () => {
    for (const raw of ['2015-1', '2015년 1기', '2015 1기', '2015.1', '2015-1기', '2015년 1학기']) {
      expect(parseTermKey(raw), raw).toEqual({ termKey: '2015-1', year: 2015, session: 1 });
    }
    for (const raw of ['2015', '15-1', '2015-5', '봄학기', ''])
      expect(parseTermKey(raw)).toBeNull();
  });
});

describe('checking rows', () => {
  const check = async (line: string, existing = new Map()) => {
    const parsed = await parseHistoryFile(utf8(`${HEADER}\n${line}\n`));
    return validateHistoryRows(parsed.rows, { thisYear: 2026, existing })[0]!;
  };
  const cases: [string, HistoryProblemCode][] = [
    [',수채화,김영숙,12,8,80,10', 'term_unreadable'],
    ['2015-1,,김영숙,12,8,80,10', 'title_missing'],
    ['2015-1,수채화,,12,8,80,10', 'instructor_missing'],
    ['봄,수채화,김영숙,12,8,80,10', 'term_unreadable'],
    ['2014-2,수채화,김영숙,12,8,80,10', 'year_too_early'],
    ['2027-1,수채화,김영숙,12,8,80,10', 'year_in_future'],
    ['2015-1,수채화,김영숙,열둘,8,80,10', 'learners_invalid'],
    ['2015-1,수채화,김영숙,-3,8,80,10', 'learners_invalid'],
    ['2015-1,수채화,김영숙,12.5,8,80,10', 'learners_invalid'],
    ['2015-1,수채화,김영숙,201,8,80,10', 'learners_invalid'],
    ['2015-1,수채화,김영숙,12,0,0,10', 'meetings_invalid'],
    ['2015-1,수채화,김영숙,12,8,x,10', 'attendances_invalid'],
    ['2015-1,수채화,김영숙,12,8,80,y', 'completed_invalid'],
    ['2015-1,수채화,김영숙,12,8,97,10', 'attendances_over'],
    ['2015-1,수채화,김영숙,12,8,80,13', 'completed_over'],
  ];
  it.each(cases)('%s → %s, with the row number in Korean and English', async (line, code) => {
    const row = await check(line);
    expect(row.status).toBe('problem');
    expect(row.problems.map((p) => p.code)).toContain(code);
    const problem = row.problems.find((p) => p.code === code)!;
    expect(problem.message.ko).toMatch(/^2행: /);
    expect(problem.message.en).toMatch(/^Row 2: /);
  });

  it('marks a row repeated in the file, and compares with what is already imported', async () => {
    const parsed = await parseHistoryFile(
      utf8(`${HEADER}\n2015-1,수채화,김영숙,12,8,80,10\n2015년 1기, 수채화 ,김영숙,12,8,80,10\n`),
    );
    const rows = validateHistoryRows(parsed.rows, { thisYear: 2026, existing: new Map() });
    expect(rows.map((r) => r.status)).toEqual(['new', 'problem']);
    expect(rows[1]!.problems[0]!.message.ko).toBe(
      '3행: 2행과 같은 강좌(기수, 강좌명, 강사)가 파일에 또 있습니다.',
    );
    const same = { learners: 12, meetings: 8, attendances: 80, completed: 10 };
    const key = '2015-1\u0000수채화\u0000김영숙';
    expect((await check('2015-1,수채화,김영숙,12,8,80,10', new Map([[key, same]]))).status).toBe(
      'unchanged',
    );
    const conflict = await check(
      '2015-1,수채화,김영숙,12,8,80,10',
      new Map([[key, { ...same, learners: 11 }]]),
    );
    expect(conflict.problems.map((p) => p.code)).toEqual(['conflict']);
  });
});

describe('preview and import', () => {
  it('previews without writing, imports, and a re-import adds nothing', async () => {
    const { ctx, counts, file } = await setup();
    const good = file(GOOD);
    const preview = await previewHistoryImport(ctx, good);
    expect(preview.counts).toEqual({ total: 3, new: 3, unchanged: 0, problems: 0 });
    expect(preview.sha256).toBe(good.sha256);
    expect(await counts()).toEqual({ courses: 0, imports: 0, audit: 0 });

    const imported = await importHistory(ctx, good);
    expect(imported).toMatchObject({ added: 3, unchanged: 0 });
    expect(await counts()).toEqual({ courses: 3, imports: 1, audit: 1 });

    const again = await previewHistoryImport(ctx, good);
    expect(again.counts).toEqual({ total: 3, new: 0, unchanged: 3, problems: 0 });
    expect(await importHistory(ctx, good)).toMatchObject({
      importId: null,
      added: 0,
      unchanged: 3,
    });
    expect(await counts()).toEqual({ courses: 3, imports: 1, audit: 1 });

    const overview = await listHistoryImports(ctx);
    expect(overview.imports).toMatchObject([
      { fileName: 'past.csv', staffName: '김담당', added: 3, unchanged: 0, sample: false },
    ]);
    expect(overview.years).toEqual([
      { year: 2015, courses: 2, learners: 22 },
      { year: 2016, courses: 1, learners: 9 },
    ]);
  });

  it('refuses a file with a problem, a conflict, or other bytes than previewed, writing nothing', async () => {
    const { ctx, counts, file } = await setup();
    const bad = file(`${GOOD}2014-1,옛 강좌,김옛날,10,,,\n`);
    const preview = await previewHistoryImport(ctx, bad);
    expect(preview.counts.problems).toBe(1);
    expect(preview.rows[0]!.row).toBe(5);
    expect(await codeOf(importHistory(ctx, bad))).toBe('history_has_problems');
    expect(await counts()).toEqual({ courses: 0, imports: 0, audit: 0 });

    await importHistory(ctx, file(GOOD));
    const conflicting = file(
      `${HEADER}\n2015-1,수채화 기초,김영숙,13,8,80,10\n2025-1,새 강좌,정새봄,10,,,\n`,
    );
    const conflictPreview = await previewHistoryImport(ctx, conflicting);
    expect(conflictPreview.rows[0]!.problems.map((p) => p.code)).toEqual(['conflict']);
    expect(await codeOf(importHistory(ctx, conflicting))).toBe('history_has_problems');
    expect(await codeOf(importHistory(ctx, { ...file(GOOD), sha256: '0'.repeat(64) }))).toBe(
      'history_file_changed',
    );
    expect(await counts()).toEqual({ courses: 3, imports: 1, audit: 1 });
  });

  it('refuses a file over 2 MB', async () => {
    const { ctx, file } = await setup();
    const big = file(`${HEADER}\n${'2015-1,수채화,김영숙,12,,,\n'.repeat(90_000)}`);
    expect(await codeOf(previewHistoryImport(ctx, big))).toBe('history_file_too_large');
  });

  it('imports the shipped sample as a sample, with the district totals', async () => {
    const { ctx } = await setup();
    const bytes = await readHistorySample();
    const result = await importHistory(ctx, {
      fileName: 'history-sample.csv',
      fileBase64: b64(bytes),
      sha256: sha256Hex(bytes),
      staffId: null,
      sample: true,
    });
    expect(result.added).toBe(275);
    const overview = await listHistoryImports(ctx);
    expect(overview.totals).toEqual({ courses: 275, learners: 3144, instructors: 217 });
    expect(overview.imports[0]).toMatchObject({ sample: true, staffName: null });
  });
});

describe('a CSV written from valid rows', () => {
  const text = fc
    .string({ minLength: 1, maxLength: 12 })
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0 && s.normalize('NFC') === s);
  const row = fc.record({
    year: fc.integer({ min: 2015, max: 2026 }),
    session: fc.integer({ min: 1, max: 2 }),
    style: fc.constantFrom('dash', 'korean', 'space'),
    title: text,
    instructor: text,
    learners: fc.integer({ min: 0, max: 200 }),
  });
  const cell = (value: string) => `"${value.replace(/"/g, '""')}"`;
  const termText = (r: { year: number; session: number; style: string }) =>
    r.style === 'dash'
      ? `${r.year}-${r.session}`
      : r.style === 'korean'
        ? `${r.year}년 ${r.session}기`
        : `${r.year} ${r.session}기`;

  it('parses back to the same courses, terms normalised to YYYY-N', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 8 }), async (rows) => {
        const csv = [
          HEADER,
          ...rows.map((r) =>
            [termText(r), cell(r.title), cell(r.instructor), r.learners, '', '', ''].join(','),
          ),
        ].join('\r\n');
        const parsed = await parseHistoryFile(utf8(csv));
        const checked = validateHistoryRows(parsed.rows, { thisYear: 2026, existing: new Map() });
        const firstOf = new Map<string, number>();
        rows.forEach((r, i) => {
          const key = `${r.year}-${r.session}\u0000${r.title}\u0000${r.instructor}`;
          if (!firstOf.has(key)) firstOf.set(key, i);
          const out = checked[i]!;
          if (firstOf.get(key) !== i) {
            expect(out.problems.map((p) => p.code)).toEqual(['duplicate']);
            return;
          }
          expect(out.course).toEqual({
            termKey: `${r.year}-${r.session}`,
            year: r.year,
            session: r.session,
            title: r.title,
            instructorName: r.instructor,
            learners: r.learners,
            meetings: null,
            attendances: null,
            completed: null,
          });
        });
      }),
      { numRuns: 60 },
    );
  });
});
