/**
 * The statistics dashboard as a member of staff with read-only rights: charts drawn after
 * hydration inside each figure, the figures of the fixtures' 2024 statistics term and imported
 * history (counted by hand in serve.ts), the URL filters, the .xlsx download and the one-page A4
 * term report.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  addStaffAccount,
  expectAccessible,
  fixtures,
  queryDb,
  screenshot,
  signInAsStaff,
  watchCsp,
} from './support';

test.describe.configure({ mode: 'serial' });

/** The imported-records row as the page should print it, summed from the database. */
async function importedRow(where = ''): Promise<string[]> {
  const [row] = await queryDb<{ n: number; l: number | null; i: number; a: number }>(
    `select count(*) as n, coalesce(sum(learners), 0) as l, count(distinct instructor_name) as i,
            coalesce(sum(attendances), 0) as a from history_courses ${where}`,
  );
  const number = (n: number | null) => (n ?? 0).toLocaleString('ko-KR');
  return ['가져온 기록', number(row!.n), number(row!.l), number(row!.i), number(row!.a)];
}
test.use({ viewport: { width: 1440, height: 900 } });

const VIEWER = 'stats-viewer@seoroseoro.example';

test.beforeAll(async () => {
  await addStaffAccount(VIEWER, '박통계', 'viewer');
});

const cells = async (row: Locator) =>
  (await row.locator('th, td').allInnerTexts()).map((t) => t.trim());

async function openStats(page: Page, query = `?term=${fixtures().statsTermId}`) {
  await signInAsStaff(page, VIEWER);
  await page.goto(`/admin/stats${query}`);
}

test('the dashboard draws a chart in every figure and shows the counted figures', async ({
  page,
}) => {
  const csp = watchCsp(page);
  await openStats(page);
  await expect(page.getByRole('heading', { level: 1, name: '통계' })).toBeVisible();
  await expect(page.getByRole('link', { name: '통계', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  const figures = page.locator('figure');
  await expect(figures).toHaveCount(5);
  for (const figure of await figures.all()) {
    await expect(figure.locator('figcaption')).not.toBeEmpty();
    await expect(figure.locator('svg').first()).toBeVisible();
    // The picture is hidden from screen readers; the caption and the table carry the data.
    await expect(figure.locator('[aria-hidden="true"]').first()).toBeAttached();
    await expect(figure.locator('table').first()).toBeAttached();
  }

  // Imported history: the fixture's 2 courses (12 + 9 learners, 2 instructors, 96 attendances),
  // plus whatever the demo sample and the import test brought; the table sums them all.
  expect(await cells(page.locator('tr[data-row="imported"]'))).toEqual(await importedRow());
  // Registrations: 6 in the first hour (minute 0 twice), 8 while the window was open.
  await expect(page.locator('#figure-first-hour figcaption')).toContainText(
    '첫 60분 동안 6건이 신청되었습니다. 가장 많은 때: 시작 후 1분째 2건.',
  );
  await expect(page.locator('#figure-days figcaption')).toContainText('모두 8건');
  // Fill: 4 of 4 with one waiting; 2 of 8.
  await expect(page.locator('#figure-fill figcaption')).toHaveText(
    '가장 높은 충원율: 통계 캘리그라피 100%. 대기자가 있는 강좌 1개.',
  );
  const fill = page.locator('#fill-table tbody tr');
  expect(await cells(fill.nth(0))).toEqual(['통계 캘리그라피', '4', '4', '1', '100%']);
  expect(await cells(fill.nth(1))).toEqual(['통계 요가', '8', '2', '0', '25%']);
  // Attendance: 4 + 2 of 8 learner-meetings (75%), 1 of 2 (50%); 3 of 10 missed.
  const attendance = page.locator('#attendance-table tbody tr');
  expect(await cells(attendance.nth(0))).toEqual(['통계 캘리그라피', '2', '4', '6', '75%']);
  expect(await cells(attendance.nth(1))).toEqual(['통계 요가', '1', '2', '1', '50%']);
  await expect(page.locator('[data-figure="no-show"]')).toHaveText('30%');
  await expect(page.locator('#figure-mix figcaption')).toHaveText(
    '수강생 6명 중 신규 6명, 다시 온 수강생 0명.',
  );

  await expectAccessible(page, 'admin: statistics');
  await screenshot(page, 'admin-stats');
  expect(csp).toEqual([]);
});

test('the year and term filters live in the address and change the figures', async ({ page }) => {
  await openStats(page);
  await page.getByLabel('시작 연도').selectOption('2015');
  await page.getByLabel('끝 연도').selectOption('2015');
  await page.getByRole('button', { name: '적용' }).click();
  await expect(page).toHaveURL(/from=2015&to=2015/);
  await expect(page.getByRole('heading', { name: '2015년부터 2015년까지 누적' })).toBeVisible();
  // The fixture's 2015 course (12 learners, 96 attendances), and any 2015 rows imported by another
  // test (the history import's sample).
  const in2015 = await importedRow('where year = 2015');
  expect(in2015.slice(1, 2).map(Number)).not.toContain(0);
  expect(await cells(page.locator('tr[data-row="imported"]'))).toEqual(in2015);
  await expect(page.locator('[data-figure="courses"]')).toHaveText(in2015[1]!);

  // The cumulative record of the 2024 term alone: its 2 courses, 6 learners, 7 check-ins.
  await page.getByLabel('누적 실적도 이 기수만').check();
  await page.getByRole('button', { name: '적용' }).click();
  await expect(page).toHaveURL(/only=term/);
  await expect(page.getByRole('heading', { name: '2024년 통계 기수 누적' })).toBeVisible();
  expect(await cells(page.locator('tr[data-row="imported"]'))).toEqual([
    '가져온 기록',
    '0',
    '0',
    '0',
    '0',
  ]);
  expect(await cells(page.locator('tr[data-row="recorded"]'))).toEqual([
    '이 시스템의 기록',
    '2',
    '6',
    '2',
    '7',
  ]);
  await page.getByLabel('누적 실적도 이 기수만').uncheck();

  // Another term: the 2024 courses leave the fill table.
  await page.getByLabel('기수', { exact: true }).selectOption({ label: '2026년 시험 기수' });
  await page.getByRole('button', { name: '적용' }).click();
  await expect(page).toHaveURL(/term=/);
  await expect(page.getByRole('heading', { name: '2026년 시험 기수 통계' })).toBeVisible();
  await expect(page.locator('#fill-table')).not.toContainText('통계 캘리그라피');
  await expect(page.locator('#fill-table')).toContainText('도자기 빚기');

  // The same page in English.
  await page.goto(`/en/admin/stats?term=${fixtures().statsTermId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Statistics' })).toBeVisible();
  await expect(page.locator('#figure-fill figcaption')).toHaveText(
    'Highest fill rate: Statistics Calligraphy 100%. Courses with a waitlist: 1.',
  );
  await expect(page.getByRole('link', { name: 'Download .xlsx' })).toBeVisible();
});

test('the statistics download as an .xlsx workbook with one sheet per figure', async ({ page }) => {
  await openStats(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: '엑셀로 받기' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^서로서로학교 통계 2024년 통계 기수_\d{8}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  expect(workbook.worksheets.map((s) => s.name)).toContain('충원율과 대기');
  const fill = workbook.getWorksheet('충원율과 대기')!;
  expect(fill.getRow(2).values).toEqual([undefined, '통계 캘리그라피', 4, 4, 1, 1]);
  const cumulative = workbook.getWorksheet('누적 실적')!;
  const imported = (await importedRow()).map((cell, i) =>
    i === 0 ? cell : Number(cell.replace(/,/g, '')),
  );
  expect(cumulative.getRow(2).values).toEqual([undefined, ...imported]);
});

test('the term report prints on one A4 page without the admin around it', async ({ page }) => {
  await openStats(page);
  await page.getByRole('link', { name: '기수 보고서 (A4 인쇄)' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: '2024년 통계 기수 운영 보고' }),
  ).toBeVisible();
  const report = page.locator('article.sheet');
  await expect(report).toContainText('서로서로학교');
  await expect(report.locator('tbody tr').first()).toContainText('통계 캘리그라피');
  await expectAccessible(page, 'admin: statistics report');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: '관리 메뉴' })).toBeHidden();
  await screenshot(page, 'admin-stats-report-print');
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages).toHaveLength(1);
  const out = join(import.meta.dirname, '..', 'e2e-output', 'screens');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'admin-stats-report.pdf'), pdf);
});
