/**
 * The staff admin's first screens at a desktop's 1440×900, driven as a member of staff would:
 * sign in (after a wrong password), see the dashboard, reach sign-out by keyboard alone, sign out.
 * Also: the English sign-in, the form without JavaScript, and the lockout after repeated failures
 * (admin-forms.spec.ts posts to every admin form from another site).
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_STAFF_EMAIL, DEMO_STAFF_NAME, DEMO_STAFF_PASSWORD } from '@seoro/db/seed';
import {
  expectAccessible,
  queryDb,
  screenshot,
  watchCsp,
  addStaffAccount,
  fillStaffSignIn,
  signInAsStaff,
} from './support';

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1440, height: 900 } });

/** A second account, locked by the lockout test so the demo account stays usable. */
const LOCKABLE_EMAIL = 'lockable@seoroseoro.example';

/** Staff accounts with the demo password; the tests' database starts without any. */
test.beforeAll(async () => {
  await addStaffAccount(DEMO_STAFF_EMAIL, DEMO_STAFF_NAME, 'admin');
  await addStaffAccount(LOCKABLE_EMAIL, '이잠금', 'admin');
});

const fillSignIn = fillStaffSignIn;
const signIn = (page: Page) => signInAsStaff(page);

test('a wrong password is refused in words; the demo account lands on the dashboard', async ({
  page,
  context,
}) => {
  const csp = watchCsp(page);
  const response = await page.goto('/admin');
  // Without a session, the sign-in page, remembering where the visit was going.
  await expect(page).toHaveURL(/\/admin\/sign-in\?next=%2Fadmin$/);
  expect(response?.headers()['cache-control']).toBe('private, no-store');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expect(page.getByRole('heading', { level: 1, name: '직원 로그인' })).toBeVisible();
  // The resident site's header and footer are not part of the admin.
  await expect(page.getByRole('contentinfo')).toHaveCount(0);
  await expect(page.getByLabel('이메일', { exact: true })).toHaveAttribute(
    'autocomplete',
    'username',
  );
  const password = page.getByLabel('비밀번호', { exact: true });
  await expect(password).toHaveAttribute('autocomplete', 'current-password');
  await expectAccessible(page, 'admin: sign-in');
  await screenshot(page, 'admin-1-sign-in');

  // The show-password toggle shows what was typed, and hides it again.
  await password.fill('typed');
  await page.getByRole('button', { name: '비밀번호 보기' }).click();
  await expect(password).toHaveAttribute('type', 'text');
  await page.getByRole('button', { name: '비밀번호 숨기기' }).click();
  await expect(password).toHaveAttribute('type', 'password');

  await fillSignIn(page, DEMO_STAFF_EMAIL, 'not-the-password');
  await expect(page.getByRole('alert')).toContainText(
    '이메일 또는 비밀번호가 맞지 않습니다. 다시 확인해 주세요.',
  );
  await expect(page.getByLabel('이메일', { exact: true })).toHaveValue(DEMO_STAFF_EMAIL);
  await expect(password).toHaveValue('');
  await expect(password).toBeFocused();
  await expectAccessible(page, 'admin: wrong password');
  await screenshot(page, 'admin-2-wrong-password');

  // An empty field is named beside it.
  await page.getByLabel('이메일', { exact: true }).fill('');
  await page.getByRole('button', { name: '로그인', exact: true }).click();
  await expect(page.getByLabel('이메일', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toContainText('이메일을 입력해 주세요.');

  await fillSignIn(page, DEMO_STAFF_EMAIL, DEMO_STAFF_PASSWORD);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { level: 1, name: '대시보드' })).toBeVisible();
  const banner = page.getByRole('banner');
  await expect(banner).toContainText(`${DEMO_STAFF_NAME} 님`);
  await expect(banner).toContainText('관리자');
  await expect(page.getByText(`안녕하세요, ${DEMO_STAFF_NAME} 님`)).toBeVisible();
  await expect(
    page.getByText(/오늘은 \d{4}년\s\d{1,2}월\s\d{1,2}일\u2060?\([월화수목금토일]\)입니다/),
  ).toBeVisible();
  const nav = page.getByRole('navigation', { name: '관리 메뉴' });
  await expect(nav.getByRole('link', { name: '대시보드' })).toHaveAttribute('aria-current', 'page');

  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === 'seoro_staff');
  expect(session?.httpOnly).toBe(true);

  // The term's courses with seats taken / capacity and waitlists.
  const courses = page
    .getByRole('table')
    .filter({ has: page.getByRole('columnheader', { name: '대기' }) });
  for (const title of [
    '도자기 빚기',
    '동네 산책 사진',
    '캘리그라피',
    '비폭력대화',
    '우쿨렐레 합주',
  ]) {
    await expect(courses.getByRole('rowheader', { name: new RegExp(title) })).toBeVisible();
  }
  const dialogue = courses.getByRole('row').filter({ hasText: '비폭력대화' });
  await expect(dialogue).toContainText('1 / 1');
  await expect(dialogue).toContainText('2명');
  await expect(dialogue).toContainText('정원 마감');
  await expect(courses.getByRole('row').filter({ hasText: '우쿨렐레 합주' })).toContainText('폐강');

  // Today's class in the room.
  const today = page
    .getByRole('table')
    .filter({ has: page.getByRole('columnheader', { name: '회차' }) });
  await expect(today.getByRole('rowheader', { name: /도자기 빚기/ })).toBeVisible();
  await expect(today.getByRole('row').filter({ hasText: '도자기 빚기' })).toContainText('진행 중');

  await expectAccessible(page, 'admin: dashboard');
  await screenshot(page, 'admin-3-dashboard');
  // On a tablet the sections sit above the page and the tables still fit.
  await page.setViewportSize({ width: 820, height: 1180 });
  await expect(nav.getByRole('link', { name: '대시보드' })).toBeVisible();
  await screenshot(page, 'admin-3-dashboard-tablet');
  await page.setViewportSize({ width: 1440, height: 900 });

  // Signed in, the sign-in page goes straight to the dashboard.
  await page.goto('/admin/sign-in');
  await expect(page).toHaveURL(/\/admin$/);
  expect(csp).toEqual([]);
});

test('keyboard alone reaches sign-out; afterwards the admin asks to sign in again', async ({
  page,
}) => {
  await signIn(page);
  await page.getByRole('heading', { level: 1, name: '대시보드' }).waitFor();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '본문 바로가기' })).toBeFocused();
  const signOut = page.getByRole('button', { name: '로그아웃' });
  for (let presses = 0; presses < 10; presses++) {
    if (await signOut.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(signOut).toBeFocused();
  await screenshot(page, 'admin-4-sign-out-focused');
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/admin\/sign-in\?signed-out$/);
  await expect(page.getByRole('status')).toContainText('로그아웃했습니다.');
  await expectAccessible(page, 'admin: signed out');
  await screenshot(page, 'admin-5-signed-out');

  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/sign-in\?next=%2Fadmin$/);
});

test('the English sign-in is in English, and returns to the English dashboard', async ({
  page,
}) => {
  await page.goto('/en/admin/sign-in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Staff sign-in' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeAttached();
  await fillSignIn(page, DEMO_STAFF_EMAIL, 'not-the-password', true);
  await expect(page.getByRole('alert')).toContainText('The email or password is incorrect.');
  await expectAccessible(page, 'admin: English sign-in');
  await screenshot(page, 'admin-6-sign-in-en');

  await fillSignIn(page, DEMO_STAFF_EMAIL, DEMO_STAFF_PASSWORD, true);
  await expect(page).toHaveURL(/\/en\/admin$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Administrator');
  await expect(page.getByRole('rowheader', { name: /Pottery/ }).first()).toBeVisible();
  await expectAccessible(page, 'admin: English dashboard');
  await screenshot(page, 'admin-7-dashboard-en');
});

test('sign-in works without JavaScript and ignores a return path off the admin', async ({
  browser,
}) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  try {
    await page.goto(`/admin/sign-in?next=${encodeURIComponent('https://evil.example/admin')}`);
    await expect(page.getByRole('button', { name: '비밀번호 보기' })).toHaveCount(0);
    await fillSignIn(page, DEMO_STAFF_EMAIL, 'not-the-password');
    await expect(page.getByRole('alert')).toContainText('이메일 또는 비밀번호가 맞지 않습니다.');
    await fillSignIn(page, DEMO_STAFF_EMAIL, DEMO_STAFF_PASSWORD);
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/admin$/);
    await expect(page.getByRole('heading', { level: 1, name: '대시보드' })).toBeVisible();
    await page.getByRole('button', { name: '로그아웃' }).click();
    await expect(page).toHaveURL(/\/admin\/sign-in\?signed-out$/);
  } finally {
    await context.close();
  }
});

test('after five wrong passwords the account waits, even for the right one', async ({ page }) => {
  await page.goto('/admin/sign-in');
  for (let attempt = 0; attempt < 5; attempt++) {
    await fillSignIn(page, LOCKABLE_EMAIL, `wrong-${attempt}`);
    await expect(page.getByRole('alert')).toBeVisible();
  }
  const [account] = await queryDb<{ locked_until: number | null }>(
    'select locked_until from staff_sign_in_failures where email = ?',
    [LOCKABLE_EMAIL],
  );
  expect(account?.locked_until).toBeGreaterThan(Date.now());
  await fillSignIn(page, LOCKABLE_EMAIL, DEMO_STAFF_PASSWORD);
  await expect(page.getByRole('heading', { name: '잠시 로그인할 수 없습니다' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('계정이 잠겼습니다');
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
  await expectAccessible(page, 'admin: locked');
  await screenshot(page, 'admin-8-locked');
});
