/**
 * The audit log (감사 기록) at a desktop's 1440×900: an administrator's wrong password and sign-in
 * leave rows that the log shows with the address they came from; filtering by action and date
 * puts the search in the URL and the table follows. A member of staff who is not an
 * administrator neither sees the section nor reaches it.
 */
import { expect, test, type Page } from '@playwright/test';
import { kstDateOf } from '@seoro/domain';
import { DEMO_STAFF_EMAIL, DEMO_STAFF_NAME, DEMO_STAFF_PASSWORD } from '@seoro/db/seed';
import {
  expectAccessible,
  queryDb,
  screenshot,
  watchCsp,
  addStaffAccount,
  fillStaffSignIn,
} from './support';

test.describe.configure({ mode: 'serial' });
// A Korean browser, so the date fields read as staff see them (연도-월-일).
test.use({ viewport: { width: 1440, height: 900 }, locale: 'ko-KR' });

/** An account with the staff role (not an administrator), with the demo password. */
const STAFF_EMAIL = 'audit-staff@seoroseoro.example';

test.beforeAll(async () => {
  await addStaffAccount(DEMO_STAFF_EMAIL, DEMO_STAFF_NAME, 'admin');
  await addStaffAccount(STAFF_EMAIL, '박직원', 'staff');
});

const fillSignIn = (page: Page, email: string, password: string) =>
  fillStaffSignIn(page, email, password);

test('the audit log shows sign-ins with their address and follows its filters', async ({
  page,
}) => {
  const csp = watchCsp(page);
  await page.goto('/admin/sign-in');
  await fillSignIn(page, DEMO_STAFF_EMAIL, 'not-the-password');
  await expect(page.getByRole('alert')).toBeVisible();
  await fillSignIn(page, DEMO_STAFF_EMAIL, DEMO_STAFF_PASSWORD);
  await expect(page).toHaveURL(/\/admin$/);

  const [signIn] = await queryDb<{ ip: string | null }>(
    `select ip from audit_log where action = 'staff.sign_in' order by id desc limit 1`,
  );
  const ip = signIn?.ip ?? '';
  expect(ip).not.toBe('');

  const nav = page.getByRole('navigation', { name: '관리 메뉴' });
  await nav.getByRole('link', { name: '감사 기록' }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByRole('heading', { level: 1, name: '감사 기록' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '감사 기록' })).toHaveAttribute(
    'aria-current',
    'page',
  );

  const rows = page.locator('tbody tr');
  const signInRow = rows.filter({ hasText: '직원 로그인' }).filter({ hasNotText: '실패' }).first();
  await expect(signInRow).toContainText(DEMO_STAFF_NAME);
  await expect(signInRow).toContainText('관리자');
  await expect(signInRow).toContainText(ip);
  // When, in Korea's time with the weekday: "12월 3일(목) 오후 6:01".
  await expect(signInRow.getByRole('rowheader')).toHaveText(
    /\d{1,2}월\s\d{1,2}일\u2060?\([월화수목금토일]\)\s?(오전|오후)\s?\d{1,2}:\d{2}/,
  );
  const failedRow = rows.filter({ hasText: '직원 로그인 실패' }).first();
  await expect(failedRow).toContainText('비밀번호 틀림');
  await expect(failedRow).toContainText(ip);
  await expectAccessible(page, 'admin: audit log');
  await screenshot(page, 'admin-audit-1-log');

  // Only failed sign-ins, today (KST): the search goes into the URL and the table follows.
  const today = kstDateOf(new Date());
  await page.getByLabel('작업', { exact: true }).selectOption('staff.sign_in_failed');
  await page.getByLabel('시작일', { exact: true }).fill(today);
  await page.getByLabel('종료일', { exact: true }).fill(today);
  await page.getByRole('button', { name: '검색', exact: true }).click();
  await expect(page).toHaveURL(
    new RegExp(`/admin/audit\\?action=staff\\.sign_in_failed&from=${today}&to=${today}$`),
  );
  await expect(rows.first()).toContainText('직원 로그인 실패');
  for (const text of await rows.allTextContents()) expect(text).toContain('직원 로그인 실패');
  await expect(page.getByLabel('작업', { exact: true })).toHaveValue('staff.sign_in_failed');
  await expectAccessible(page, 'admin: audit log filtered');
  await screenshot(page, 'admin-audit-2-filtered');

  // A bookmarked search opens as it was; a day without entries says so in words.
  await page.goto(`/admin/audit?action=staff.sign_in&from=2020-01-01&to=2020-01-02`);
  await expect(page.getByText('조건에 맞는 기록이 없습니다.')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByLabel('시작일', { exact: true })).toHaveValue('2020-01-01');
  await screenshot(page, 'admin-audit-3-empty');

  await page.getByRole('link', { name: '조건 지우기' }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(rows.first()).toBeVisible();
  expect(csp).toEqual([]);
});

test('pages of fifty follow one another, and the English log is in English', async ({ page }) => {
  // 55 draws on one day long ago: one full page, then the last five.
  const day = Date.parse('2025-06-02T10:00:00+09:00');
  for (let i = 0; i < 55; i++) {
    await queryDb(
      `insert into audit_log (at, actor_type, action, detail) values (?, 'system', 'lottery.draw', ?)`,
      [day + i * 60_000, JSON.stringify({ seq: i })],
    );
  }
  await page.goto('/admin/sign-in');
  await fillSignIn(page, DEMO_STAFF_EMAIL, DEMO_STAFF_PASSWORD);
  await page.goto('/admin/audit?action=lottery.draw&from=2025-06-02&to=2025-06-02');
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText(/6월\s2일\u2060?\(월\)\s?오전\s?10:54/);
  await page.getByRole('link', { name: /이전 기록 .*더 보기/ }).click();
  await expect(page).toHaveURL(/[?&]cursor=\d+\.\d+$/);
  await expect(page).toHaveURL(/action=lottery\.draw&from=2025-06-02&to=2025-06-02&cursor=/);
  await expect(rows).toHaveCount(5);
  await expect(rows.last()).toContainText(/6월\s2일\u2060?\(월\)\s?오전\s?10:00/);
  // Not this year: the row says which year.
  await expect(rows.last()).toContainText('2025년');
  await expect(page.getByRole('link', { name: /이전 기록 .*더 보기/ })).toHaveCount(0);
  await expectAccessible(page, 'admin: audit log, last page');
  await screenshot(page, 'admin-audit-5-last-page');
  await page.getByRole('link', { name: '최신 기록으로' }).click();
  await expect(rows).toHaveCount(50);

  await page.goto('/en/admin/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(
    page.locator('tbody tr').filter({ hasText: 'Staff signed in' }).first(),
  ).toContainText('Administrator');
  await expectAccessible(page, 'admin: English audit log');
  await screenshot(page, 'admin-audit-6-en');
});

test('a member of staff who is not an administrator cannot open the audit log', async ({
  page,
}) => {
  await page.goto('/admin/sign-in');
  await fillSignIn(page, STAFF_EMAIL, DEMO_STAFF_PASSWORD);
  await expect(page).toHaveURL(/\/admin$/);
  const nav = page.getByRole('navigation', { name: '관리 메뉴' });
  await expect(nav.getByRole('link', { name: '대시보드' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '감사 기록' })).toHaveCount(0);
  const response = await page.goto('/admin/audit');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('alert')).toContainText('감사 기록은 관리자만 볼 수 있습니다.');
  // Refused inside the admin's shell, with the way back.
  await expect(nav.getByRole('link', { name: '대시보드' })).toBeVisible();
  await expectAccessible(page, 'admin: audit log refused');
  await screenshot(page, 'admin-audit-4-refused');
});
