/**
 * Retention of personal data, as an administrator lives it: a refused period changes nothing; a
 * saved one shows at once in the privacy notice; the dry run lists who would go (masked) and the
 * next dates without touching anyone; the run, behind a dialog that names the consequence and asks
 * for a reason, destroys the due resident's name and phone; the runs and the audit row show it.
 */
import { expect, test } from '@playwright/test';
import { DEMO_STAFF_EMAIL, DEMO_STAFF_NAME } from '@seoro/db/seed';
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
test.use({ viewport: { width: 1440, height: 900 }, locale: 'ko-KR' });

test.beforeAll(async () => {
  await addStaffAccount(DEMO_STAFF_EMAIL, DEMO_STAFF_NAME, 'admin');
});

test('an administrator sets the periods and the privacy notice states them', async ({ page }) => {
  const csp = watchCsp(page);
  await signInAsStaff(page);
  await page.getByRole('navigation').getByRole('link', { name: '설정' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '설정' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '개인정보 보존 기간' })).toBeVisible();

  const residents = page.getByLabel('이름과 휴대전화 번호 (개월)');
  const messages = page.getByLabel('보낸 문자 메시지 (개월)');
  await expect(residents).toHaveValue('12');
  await expect(messages).toHaveValue('6');

  // Out of bounds: a clear sentence, nothing saved (the browser's own check is bypassed).
  await residents.evaluate((input: HTMLInputElement) => input.removeAttribute('max'));
  await residents.fill('99');
  await page.getByRole('button', { name: '보존 기간 저장' }).click();
  await expect(page.getByText('1개월에서 60개월 사이의 정수').first()).toBeVisible();
  await expect(residents).toHaveAttribute('aria-invalid', 'true');
  expect(await queryDb(`select * from program_settings where key = 'retention'`)).toEqual([]);

  await residents.fill('18');
  await messages.fill('3');
  await page.getByRole('button', { name: '보존 기간 저장' }).click();
  await expect(page.getByRole('status')).toContainText('이름과 번호 18개월, 문자 메시지 3개월');

  await page.goto('/privacy');
  const retention = page.locator('section[aria-labelledby="privacy-retention"]');
  await expect(retention).toContainText('마지막으로 신청한 기수가 끝난 날로부터 18개월');
  await expect(retention).toContainText('보낸 날로부터 3개월');
  await expect(retention).toContainText('처리 기록(감사 기록)');
  await expectAccessible(page, 'privacy notice with periods');
  await page.goto('/en/privacy');
  await expect(page.locator('section[aria-labelledby="privacy-retention"]')).toContainText(
    '18 months after the end of the last term you registered for',
  );

  // Back to one year, as the notice promised at registration.
  await page.goto('/admin/settings');
  await page.getByLabel('이름과 휴대전화 번호 (개월)').fill('12');
  await page.getByLabel('보낸 문자 메시지 (개월)').fill('6');
  await page.getByRole('button', { name: '보존 기간 저장' }).click();
  await expect(page.getByRole('status')).toContainText('이름과 번호 1년, 문자 메시지 6개월');
  await page.goto('/privacy');
  await expect(page.locator('section[aria-labelledby="privacy-retention"]')).toContainText(
    '끝난 날로부터 1년',
  );
  expect(csp).toEqual([]);
});

test('the dry run reports, the run destroys what is due, and both are on record', async ({
  page,
}) => {
  const csp = watchCsp(page);
  const { retention } = fixtures();
  const last4 = retention.phone.slice(-4);
  await signInAsStaff(page);
  await page.goto('/admin/settings');

  await page.getByRole('button', { name: '미리 보기', exact: true }).click();
  const report = page.getByRole('region', { name: /미리 보기 결과/ });
  await expect(report).toBeVisible();
  // Other fixtures' residents of long-ended terms are due too: the count is the list's length.
  const due = report.getByRole('table').getByRole('row').filter({ hasText: '010-****-' });
  await expect(due.first()).toBeVisible();
  const dueCount = await due.count();
  await expect(report).toContainText(`이름과 번호 ${dueCount}명, 문자 메시지 1건`);
  const row = report.getByRole('row').filter({ hasText: '오*전' });
  await expect(row).toContainText(`010-****-${last4}`);
  await expect(row).toContainText('2024년 2기');
  await expect(report).not.toContainText(retention.name);
  await expect(report.getByRole('heading', { name: '다음에 파기될 날' })).toBeVisible();
  await expect(report.getByRole('listitem').first()).toContainText('명');
  // Nothing was destroyed by looking.
  const [before] = await queryDb<{ name: string }>(
    `select name from residents where phone_e164 = '+821042000031'`,
  );
  expect(before?.name).toBe(retention.name);
  await expectAccessible(page, 'admin settings with dry run');
  await screenshot(page, 'admin-settings-retention');

  // The run asks once, in words, and wants a reason.
  await page.getByRole('button', { name: '지금 파기…' }).click();
  const dialog = page.getByRole('dialog', { name: '개인정보를 지금 파기할까요?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('되살릴 수 없고');
  await expectAccessible(page, 'retention run dialog');
  await screenshot(page, 'admin-settings-retention-dialog');
  await dialog.getByLabel('사유').fill('보존 기간이 지난 개인정보 정기 점검');
  await dialog.getByRole('button', { name: '파기하기' }).click();
  await expect(page.getByRole('status')).toContainText(
    `이름과 번호 ${dueCount}명, 문자 메시지 1건`,
  );

  expect(await queryDb(`select * from residents where phone_e164 = '+821042000031'`)).toEqual([]);
  const [gone] = await queryDb<{ name: string; anonymized_at: number | null }>(
    `select r.name, r.anonymized_at from residents r join enrolments e on e.resident_id = r.id
     where e.course_id = ?`,
    [retention.courseId],
  );
  expect(gone?.name).toBe('');
  expect(gone?.anonymized_at).not.toBeNull();

  // The runs: the dry run and the run by this administrator, and the daily job's.
  const history = page.getByRole('table').filter({ hasText: '매일 자동 파기' });
  await expect(history.getByRole('row')).toHaveCount(4);
  const rows = history.getByRole('row');
  await expect(rows.nth(1)).toContainText('파기');
  await expect(rows.nth(1)).toContainText(DEMO_STAFF_NAME);
  await expect(rows.nth(1)).toContainText(`이름과 번호 ${dueCount}명 · 문자 1건`);
  await expect(rows.nth(2)).toContainText('미리 보기');

  // Again: nothing more goes.
  await page.getByRole('button', { name: '지금 파기…' }).click();
  await dialog.getByLabel('사유').fill('다시 확인');
  await dialog.getByRole('button', { name: '파기하기' }).click();
  await expect(page.getByRole('status')).toContainText('이름과 번호 0명, 문자 메시지 0건');

  await page.goto('/admin/audit?action=retention.run');
  const audit = page.getByRole('table');
  await expect(audit.getByRole('row').filter({ hasText: '개인정보 파기' })).toHaveCount(2);
  await expect(audit).not.toContainText(retention.name);
  expect(csp).toEqual([]);
});

test('only administrators see the settings; the English page reads the same', async ({ page }) => {
  const email = `retention-staff-${Date.now()}@seoroseoro.example`;
  await addStaffAccount(email, '한직원', 'staff');
  await signInAsStaff(page, email);
  await expect(page.getByRole('navigation').getByRole('link', { name: '설정' })).toHaveCount(0);
  const response = await page.goto('/admin/settings');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: '설정' })).toBeVisible();
  await expect(page.getByLabel('이름과 휴대전화 번호 (개월)')).toHaveCount(0);

  await page.context().clearCookies();
  await signInAsStaff(page);
  await page.goto('/en/admin/settings');
  await expect(page.getByRole('heading', { level: 2, name: 'Retention' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Daily job' }).first()).toBeVisible();
  await expectAccessible(page, 'admin settings (en)');
});
