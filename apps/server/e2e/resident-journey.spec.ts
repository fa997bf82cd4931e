import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  CODE_PATTERN,
  expectAccessible,
  fixtures,
  openPairedKiosk,
  queryDb,
  screenshot,
  watchCsp,
} from './support';

test.describe.configure({ mode: 'serial' });

const PHONE = { first: '010-3100-0001', second: '010-3100-0002', third: '010-3100-0003' };

async function openCourse(page: Page, courseId: string) {
  await page.goto(`/courses/${courseId}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

async function fillForm(page: Page, name: string, phone: string) {
  await page.getByLabel('이름').fill(name);
  await page.getByLabel('휴대전화 번호').fill(phone);
  await page.getByLabel(/개인정보 수집·이용에 동의합니다/).check();
}

async function codeOnConfirmation(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/registrations\/[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const code = page.url().split('/').pop()!;
  expect(code).toMatch(CODE_PATTERN);
  return code;
}

/** A phone-sized browser without JavaScript: the form must still work. */
async function noJsPage(browser: Browser) {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
  });
  return context.newPage();
}

const codes: Record<string, string> = {};

test('the home page shows the open term and its courses, in Korean', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await expect(page).toHaveTitle(/서로서로학교/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('heading', { name: '2026년 시험 기수' })).toBeVisible();
  const card = page.getByRole('listitem').filter({ hasText: '도자기 빚기' });
  await expect(card).toContainText('2석 중 2석 남음');
  await expect(card).toContainText('재료비 별도 10,000원');
  await expect(page.getByRole('listitem').filter({ hasText: '동네 산책 사진' })).toContainText(
    '무료',
  );
  await expectAccessible(page, 'home (ko)');
  await screenshot(page, 'web-home-mobile');
});

test('English is one click away', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'English' }).first().click();
  await expect(page).toHaveURL(/\/en\/?$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText('Pottery')).toBeVisible();
  await expectAccessible(page, 'home (en)');
  await screenshot(page, 'web-home-en');
});

test('a course page lists every meeting and the registration form', async ({ page }) => {
  await openCourse(page, fixtures().smallCourseId);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('도자기 빚기');
  await expect(page.getByText('1회차')).toBeVisible();
  await expect(page.getByRole('button', { name: '수강 신청하기' })).toBeVisible();
  await expectAccessible(page, 'course page');
  await screenshot(page, 'web-course');
});

test('bad input gets a message next to the field and keeps what was typed', async ({ page }) => {
  await openCourse(page, fixtures().smallCourseId);
  await fillForm(page, '김서로', '02-123-4567');
  await page.getByRole('button', { name: '수강 신청하기' }).click();
  const phone = page.getByLabel('휴대전화 번호');
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('휴대전화 번호(010으로 시작)를 입력해 주세요').first()).toBeVisible();
  await expect(page.getByLabel('이름')).toHaveValue('김서로');
  await expectAccessible(page, 'form with errors');
  await screenshot(page, 'web-form-error');
  expect(
    await queryDb('select * from enrolments where course_id = ?', [fixtures().smallCourseId]),
  ).toHaveLength(0);
});

test('a resident registers with JavaScript and gets a code and a QR code', async ({ page }) => {
  const csp = watchCsp(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await openCourse(page, fixtures().smallCourseId);
  await fillForm(page, '홍길동', PHONE.first);
  await page.getByRole('button', { name: '수강 신청하기' }).click();
  codes.first = await codeOnConfirmation(page);
  await expect(page.getByRole('heading', { name: '신청이 완료되었습니다' })).toBeVisible();
  const ticket = page.getByRole('region', { name: '확인 코드' });
  await expect(ticket).toContainText(codes.first.slice(0, 4));
  await expect(ticket).toContainText(codes.first.slice(5));
  await expect(
    page.getByRole('img', { name: new RegExp(`${codes.first}의 QR 코드`) }),
  ).toBeVisible();
  await expect(page.getByText('홍*동')).toBeVisible();
  await expect(page.getByText('010-****-0001')).toBeVisible();
  await expectAccessible(page, 'confirmation');
  await screenshot(page, 'web-confirmation');
  expect(csp).toEqual([]);

  // Straight back to the course page, in the same browser: the seat just taken is shown taken,
  // whatever the browser or the server kept of the page loaded a moment ago.
  await openCourse(page, fixtures().smallCourseId);
  await expect(page.getByText('2석 중 1석 남음')).toBeVisible();
});

test('a second resident fills the last seat without JavaScript', async ({ browser }) => {
  const page = await noJsPage(browser);
  await openCourse(page, fixtures().smallCourseId);
  await fillForm(page, '김민지', PHONE.second);
  await page.getByRole('button', { name: '수강 신청하기' }).click();
  codes.second = await codeOnConfirmation(page);
  await expect(page.getByRole('heading', { name: '신청이 완료되었습니다' })).toBeVisible();
  // The next load shows the course full, with the waitlist offered instead.
  await openCourse(page, fixtures().smallCourseId);
  await expect(page.getByRole('button', { name: '대기 신청하기' })).toBeVisible();
  await page.context().close();
});

test('a third resident lands on the waitlist and is told the position', async ({ page }) => {
  await openCourse(page, fixtures().smallCourseId);
  await expect(page.getByRole('button', { name: '대기 신청하기' })).toBeVisible();
  await fillForm(page, '이영수', PHONE.third);
  await page.getByRole('button', { name: '대기 신청하기' }).click();
  codes.third = await codeOnConfirmation(page);
  await expect(
    page.getByRole('heading', { name: '대기 순번 1번으로 등록되었습니다' }),
  ).toBeVisible();
  await expectAccessible(page, 'waitlist confirmation');
  await screenshot(page, 'web-waitlisted');

  const rows = await queryDb<{ status: string; n: number }>(
    'select status, count(*) as n from enrolments where course_id = ? group by status order by status',
    [fixtures().smallCourseId],
  );
  expect(rows.map((r) => [r.status, Number(r.n)])).toEqual([
    ['confirmed', 2],
    ['waitlisted', 1],
  ]);
});

test('registering twice says so and changes nothing', async ({ browser }) => {
  const page = await noJsPage(browser);
  await openCourse(page, fixtures().smallCourseId);
  await fillForm(page, '홍길동', '01031000001');
  await page.getByRole('button', { name: '대기 신청하기' }).click();
  await expect(page.getByText('이미 이 강좌에 신청하셨습니다').first()).toBeVisible();
  await page.context().close();
  expect(
    await queryDb('select * from enrolments where course_id = ?', [fixtures().smallCourseId]),
  ).toHaveLength(3);
});

// ---- At the kiosk by Lecture Room 3 -------------------------------------------------------------

const KIOSK = { width: 1080, height: 1920 };

/**
 * Types like a USB QR scanner: the characters in one burst, then Enter. Dispatched in one task so
 * a busy test machine cannot stretch the gaps past what the kiosk accepts as a scan.
 */
async function scan(page: Page, text: string) {
  await page.evaluate((t) => {
    const codeOf = (k: string) =>
      /^[a-z]$/i.test(k)
        ? `Key${k.toUpperCase()}`
        : /^\d$/.test(k)
          ? `Digit${k}`
          : k === '-'
            ? 'Minus'
            : k;
    const target = document.activeElement ?? document.body;
    for (const key of [...t, 'Enter']) {
      const init = { key, code: codeOf(key), bubbles: true, cancelable: true, composed: true };
      target.dispatchEvent(new KeyboardEvent('keydown', init));
      target.dispatchEvent(new KeyboardEvent('keyup', init));
    }
  }, text);
}

async function openKiosk(page: Page) {
  await page.setViewportSize(KIOSK);
  await openPairedKiosk(page);
  await expect(page.getByRole('heading', { name: '오늘의 강좌' })).toBeVisible();
  await expect(page.getByRole('button', { name: /출석 체크인/ })).toBeEnabled();
}

test('the kiosk start screen shows today’s class in the room', async ({ page }) => {
  await openKiosk(page);
  await expect(page.getByText('도자기 빚기', { exact: true })).toBeVisible();
  await expect(
    page.getByRole('listitem').filter({ hasText: '도자기 빚기' }).getByText('진행 중'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /출석 체크인/ })).toBeVisible();
  await expectAccessible(page, 'kiosk start');
  await screenshot(page, 'kiosk-start');
});

test('the first resident checks in with the code on the keypad', async ({ page }) => {
  const csp = watchCsp(page);
  await openKiosk(page);
  await page.getByRole('button', { name: /출석 체크인/ }).click();
  const keypad = page.getByRole('group', { name: '확인 코드 입력 키패드' });
  await expect(keypad).toBeVisible();
  for (const ch of codes.first!.replace('-', '')) {
    await keypad.getByRole('button', { name: ch, exact: true }).click();
  }
  await expectAccessible(page, 'kiosk keypad');
  await screenshot(page, 'kiosk-keypad');
  await page.getByRole('button', { name: '확인', exact: true }).click();
  await expect(page.getByRole('heading', { name: '홍*동 님, 출석되었습니다' })).toBeVisible();
  await expect(page.getByText('도자기 빚기', { exact: true })).toBeVisible();
  await expect(page.getByText(/지각/)).toHaveCount(0);
  await expectAccessible(page, 'kiosk success');
  await screenshot(page, 'kiosk-success');
  expect(csp).toEqual([]);
});

test('the second resident checks in with a QR scanner from the start screen', async ({ page }) => {
  await openKiosk(page);
  await scan(page, codes.second!);
  await expect(page.getByText('김*지 님, 출석되었습니다')).toBeVisible();
});

test('checking in again says when the first check-in was', async ({ page }) => {
  await openKiosk(page);
  await scan(page, `http://127.0.0.1/registrations/${codes.first}`);
  await expect(
    page.getByText(/홍\*동 님, 이미 (오전|오후)\s\d{1,2}:\d{2}에 출석하셨습니다/),
  ).toBeVisible();
  await expectAccessible(page, 'kiosk already checked in');
  await screenshot(page, 'kiosk-already');
});

test('a wrong code gets a kind message and no check-in', async ({ page }) => {
  await openKiosk(page);
  await page.getByRole('button', { name: /출석 체크인/ }).click();
  const keypad = page.getByRole('group', { name: '확인 코드 입력 키패드' });
  for (const ch of 'ZZZZZZZZ') await keypad.getByRole('button', { name: ch, exact: true }).click();
  await page.getByRole('button', { name: '확인', exact: true }).click();
  await expect(page.getByText('확인 코드를 찾을 수 없습니다').first()).toBeVisible();
  await expectAccessible(page, 'kiosk error');
  await screenshot(page, 'kiosk-error');
});

test('a waitlisted resident is told kindly that the place is not confirmed', async ({ page }) => {
  await openKiosk(page);
  await scan(page, codes.third!);
  await expect(page.getByText(/아직 수강이 확정되지 않았습니다/).first()).toBeVisible();
});

test('the attendance rows exist afterwards, one per resident', async () => {
  const rows = await queryDb<{ code: string; method: string }>(
    `select e.code as code, a.method as method from attendance a join enrolments e on e.id = a.enrolment_id
     where e.course_id = ? order by a.checked_in_at`,
    [fixtures().smallCourseId],
  );
  expect(rows.map((r) => [r.code, r.method])).toEqual([
    [codes.first, 'keypad'],
    [codes.second, 'qr'],
  ]);
});

// ---- A cancellation frees a seat for the first person waiting ------------------------------------

test('a cancellation promotes the waiting resident, who sees it on their page', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/registrations/${codes.second}`);
  const cancel = page.getByRole('region', { name: '신청 취소' });
  await cancel.getByLabel('신청할 때 적은 휴대전화 번호').fill('010-9999-0000');
  await cancel.getByRole('button', { name: '신청 취소하기' }).click();
  await cancel.getByRole('button', { name: '네, 취소합니다' }).click();
  await expect(cancel.getByRole('alert')).toContainText('맞지 않습니다');
  await expectAccessible(page, 'cancel form with error');
  await screenshot(page, 'web-cancel-error');

  await cancel.getByLabel('신청할 때 적은 휴대전화 번호').fill(PHONE.second);
  await cancel.getByRole('button', { name: '신청 취소하기' }).click();
  await cancel.getByRole('button', { name: '네, 취소합니다' }).click();
  await expect(page.getByRole('heading', { name: '취소된 신청입니다' })).toBeVisible();

  await page.goto(`/registrations/${codes.third}`);
  await expect(page.getByRole('heading', { name: '신청이 완료되었습니다' })).toBeVisible();
  const queued = await queryDb<{ template: string }>(
    `select template from outbox where template = 'promoted_from_waitlist'`,
  );
  expect(queued).toHaveLength(1);
});
