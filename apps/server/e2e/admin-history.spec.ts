/**
 * Importing past terms (기록 가져오기) as a staff member: a file with one bad row is previewed with
 * that row's problem and cannot be imported; a good file is previewed, imported and listed; the
 * same file again is all unchanged and adds nothing. axe-core on the upload and preview screens.
 */
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_STAFF_EMAIL, DEMO_STAFF_NAME } from '@seoro/db/seed';
import { addStaffAccount, expectAccessible, queryDb, screenshot, signInAsStaff } from './support';

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1440, height: 900 }, locale: 'ko-KR' });

const TAG = randomUUID().slice(0, 4);
const HEADER = '기수,강좌명,강사,수강생 수,회차,출석 연인원,수료생,비고';
const GOOD = [
  HEADER,
  `2016-1,수채화 기초 ${TAG},김영숙,12,8,80,10,`,
  `2016년 2기,스마트폰 첫걸음 ${TAG},이정희,10,6,50,9,첫 디지털 강좌`,
  `2017 1기,아침 요가 ${TAG},박상철,9,,,,`,
].join('\n');
const BAD = `${GOOD}\n2017-2,캘리그라피 ${TAG},최미경,11,8,120,9,\n`;

test.beforeAll(async () => {
  // The demo account is an administrator in every test that adds it (the first one decides).
  await addStaffAccount(DEMO_STAFF_EMAIL, DEMO_STAFF_NAME, 'admin');
});

async function upload(page: Page, name: string, text: string) {
  await page.goto('/admin/history');
  await page.getByLabel('파일 (.xlsx 또는 .csv, 2MB 이하)').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(text, 'utf8'),
  });
  await page.getByRole('button', { name: '미리 보기' }).click();
  await expect(page.getByRole('heading', { name: `미리 보기: ${name}` })).toBeVisible();
}

const coursesTagged = async () =>
  (
    await queryDb<{ n: number }>(`select count(*) as n from history_courses where title like ?`, [
      `%${TAG}`,
    ])
  )[0]?.n;

test('a staff member previews, imports and re-imports a file of past terms', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await signInAsStaff(page);
  await page.getByRole('link', { name: '기록 가져오기' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: '지난 기수 기록 가져오기' }),
  ).toBeVisible();
  await expectAccessible(page, 'admin history upload');

  // One bad row: shown first with its problem; no import button, and nothing written.
  await upload(page, `bad-${TAG}.csv`, BAD);
  await expect(page.getByText('문제 있음 1')).toBeVisible();
  const firstRow = page.locator('tbody tr').first();
  await expect(firstRow).toContainText(
    '5행: 출석 연인원 120명이 수강생 11명 × 8회 = 88보다 많습니다.',
  );
  await expect(page.getByText('문제가 있는 행이 1개 있어 가져올 수 없습니다.')).toBeVisible();
  await expect(page.getByRole('button', { name: /가져오기$/ })).toHaveCount(0);
  await expect(page.getByText('읽지 않은 열: 비고')).toBeVisible();
  await screenshot(page, 'admin-history-problems');
  expect(await coursesTagged()).toBe(0);

  // A good file: three new courses, imported, then listed.
  await upload(page, `good-${TAG}.csv`, GOOD);
  await expect(page.getByText('새 강좌 3')).toBeVisible();
  await expectAccessible(page, 'admin history preview');
  await screenshot(page, 'admin-history-preview');
  await page.getByRole('button', { name: '강좌 3개 가져오기' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `good-${TAG}.csv에서 강좌 3개를 가져왔습니다.` }),
  ).toBeVisible();
  const imports = page.locator('section', {
    has: page.getByRole('heading', { name: '지난 가져오기' }),
  });
  const row = imports.getByRole('row', { name: new RegExp(`good-${TAG}\\.csv`) });
  await expect(row).toContainText(DEMO_STAFF_NAME);
  await expect(row.getByRole('cell').nth(2)).toHaveText('3');
  expect(await coursesTagged()).toBe(3);

  // The same file again: all unchanged; importing adds nothing and says so.
  await upload(page, `good-${TAG}.csv`, GOOD);
  await expect(page.getByText('이미 있음 3')).toBeVisible();
  await expect(page.getByText('새 강좌 0')).toBeVisible();
  await page.getByRole('button', { name: '강좌 0개 가져오기' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: '0개 추가, 3개는 이미 있음' }),
  ).toBeVisible();
  await expect(imports.getByRole('row', { name: new RegExp(`good-${TAG}\\.csv`) })).toHaveCount(1);
  expect(await coursesTagged()).toBe(3);
  const audit = await queryDb<{ n: number }>(
    `select count(*) as n from audit_log where action = 'history.import' and detail like ?`,
    [`%good-${TAG}.csv%`],
  );
  expect(audit[0]?.n).toBe(1);
  expect(errors.filter((e) => /Content Security Policy|CSP/i.test(e))).toEqual([]);
});

test('the sample file downloads as a template and imports as a sample', async ({ page }) => {
  await signInAsStaff(page);
  const response = await page.request.get('/admin/history/history-sample.csv');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/csv');
  const text = await response.text();
  expect(text.replace(/^\uFEFF/, '').split('\n')[0]).toBe(
    '기수,강좌명,강사,수강생 수,회차,출석 연인원,수료생',
  );
  expect(text.trimEnd().split('\n')).toHaveLength(276);

  // The sample, uploaded as downloaded: 275 new courses, imported with the 견본 badge.
  await upload(page, 'history-sample.csv', text);
  await expect(page.getByText('새 강좌 275')).toBeVisible();
  await page.getByRole('button', { name: '강좌 275개 가져오기' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: '강좌 275개를 가져왔습니다' }),
  ).toBeVisible();
  const row = page.getByRole('row', { name: /history-sample\.csv/ });
  await expect(row.getByText('견본', { exact: true })).toBeVisible();
  const years = page.locator('.years tbody tr');
  await expect(years.first().getByRole('rowheader')).toHaveText('2015');
  await expect(years.last().getByRole('rowheader')).toHaveText('2025');
  await screenshot(page, 'admin-history-list');

  await page.goto('/en/admin/history');
  await expect(page.getByRole('heading', { level: 1, name: 'Import past terms' })).toBeVisible();
  await expect(
    page.getByRole('row', { name: /history-sample\.csv/ }).getByText('Sample'),
  ).toBeVisible();
  await expectAccessible(page, 'admin history list (en)');
});
