/**
 * After registering, on a phone at 390×844: "my registrations" keeps cancelled places apart and
 * counts the live ones, the confirmation page asks before cancelling, and a waitlisted place reads
 * as a waitlist place. A resident of their own (윤다음) in a draft term of its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, fixtures, queryDb, screenshot, watchCsp } from './support';

test.describe.configure({ mode: 'serial' });

const PHONE_VIEWPORT = { width: 390, height: 844 };
const after = () => fixtures().after;
const E164 = '+821070701234';

function textedCodes(): string[] {
  const file = fixtures().notificationsFile;
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { to: string; template: string; text: string })
    .filter((n) => n.to === E164 && n.template === 'one_time_code')
    .map((n) => /\b(\d{6})\b/.exec(n.text)![1]!);
}

async function signIn(page: Page) {
  const before = textedCodes().length;
  await page.goto('/my');
  await page
    .getByRole('textbox', { name: '휴대전화 번호', exact: true })
    .fill(after().phone /* typed as digits only */);
  await page.getByRole('button', { name: '인증번호 받기' }).click();
  await expect(page.getByRole('heading', { name: '2. 인증번호 입력' })).toBeVisible();
  await expect.poll(() => textedCodes().length, { timeout: 15_000 }).toBeGreaterThan(before);
  return textedCodes().at(-1)!;
}

const statusOfCourse = async (courseId: string) =>
  (
    await queryDb<{ status: string }>(
      `select e.status as status from enrolments e join residents r on r.id = e.resident_id
       where e.course_id = ? and r.phone_e164 = ?`,
      [courseId, E164],
    )
  )[0]?.status;

const firstDateOf = async (code: string) =>
  (
    await queryDb<{ date: string }>(
      `select min(m.date) as date from meetings m join enrolments e on e.course_id = m.course_id
       where e.code = ?`,
      [code],
    )
  )[0]!.date;

test('my registrations: the number shown formatted, live ones counted, cancelled ones apart', async ({
  page,
}) => {
  const csp = watchCsp(page);
  await page.setViewportSize(PHONE_VIEWPORT);
  const code = await signIn(page);
  // Typed as 01070701234, shown back the way people write it.
  await expect(page.getByText('010-7070-1234 번호로 신청한 내역이 있으면')).toBeVisible();
  await page.getByRole('textbox', { name: '인증번호 6자리', exact: true }).fill(code);
  await page.getByRole('button', { name: '확인하고 신청 내역 보기' }).click();
  await expect(page.getByText('윤*음 님')).toBeVisible();

  const term = page.getByRole('region', { name: /2026년 신청 후 시험 기수/ });
  // Woodwork, yoga (waitlisted), knitting and baking: the choir was cancelled before.
  await expect(term.getByRole('heading', { level: 2 })).toContainText('4건');
  const woodwork = page.getByRole('article', { name: '목공 기초' });
  const [, month, day] = /^\d{4}-(\d{2})-(\d{2})$/.exec(await firstDateOf(after().woodworkCode))!;
  await expect(woodwork).toContainText(
    `첫 수업 전입니다 (${Number(month)}월\u00a0${Number(day)}일)`,
  );
  await expect(woodwork).not.toContainText('아직 열린 수업이 없습니다');

  const cancelledList = page.getByRole('region', { name: '취소한 신청' });
  const choir = cancelledList.getByRole('article', { name: '동네 합창' });
  await expect(choir).toContainText('취소됨');
  await expect(choir.getByRole('link', { name: /QR 코드 보기/ })).toHaveCount(0);

  // Cancel knitting here (asked first), then it moves to the cancelled list without its code.
  const knitting = page.getByRole('article', { name: '뜨개질' });
  await knitting.getByRole('link', { name: '신청 취소: 뜨개질' }).click();
  await page.getByRole('button', { name: '네, 취소합니다' }).click();
  await expect(page.getByRole('status')).toContainText('뜨개질 신청을 취소했습니다');
  await expect(term.getByRole('heading', { level: 2 })).toContainText('3건');
  const gone = cancelledList.getByRole('article', { name: '뜨개질' });
  await expect(gone).toContainText('취소됨');
  await expect(gone.getByRole('link', { name: /QR 코드 보기/ })).toHaveCount(0);
  await expect(gone.getByRole('link', { name: /신청 취소/ })).toHaveCount(0);
  const [knitCode] = await queryDb<{ code: string }>(
    `select code from enrolments where course_id = ?`,
    [after().knittingCourseId],
  );
  await expect(cancelledList).not.toContainText(knitCode!.code);
  await expect(cancelledList.locator('.code')).toHaveCount(0);
  expect(await statusOfCourse(after().knittingCourseId)).toBe('cancelled');
  await expectAccessible(page, 'my after a cancel');
  await cancelledList.scrollIntoViewIfNeeded();
  await screenshot(page, 'web-my-after-cancel');

  // The same page in English.
  await page.goto('/en/my');
  await expect(page.getByRole('region', { name: 'Cancelled' })).toBeVisible();
  const [, , enDay] = /^\d{4}-(\d{2})-(\d{2})$/.exec(await firstDateOf(after().woodworkCode))!;
  await expect(page.getByRole('article', { name: 'Woodwork Basics' })).toContainText(
    `Before the first class (${Number(enDay)}\u00a0`,
  );
  // Labels in sentence case.
  await expect(
    page.getByRole('article', { name: 'Chair Yoga' }).getByRole('link', { name: /Show QR code/ }),
  ).toBeVisible();
  await expectAccessible(page, 'my after a cancel (en)');
  await screenshot(page, 'web-my-after-cancel-en');
  expect(csp).toEqual([]);
});

test('cancelling from the confirmation page asks first, with the words of my registrations', async ({
  page,
}) => {
  const csp = watchCsp(page);
  await page.setViewportSize(PHONE_VIEWPORT);
  await page.goto(`/registrations/${after().bakingCode}`);
  // A confirmed place shows how to check in at the kiosk.
  await expect(page.getByRole('heading', { name: '수업 날 출석하는 방법' })).toBeVisible();
  await expect(page.getByText('수업 날 키오스크에서 이 코드를 물어봅니다')).toBeVisible();
  const cancel = page.getByRole('region', { name: '신청 취소' });
  await cancel.getByLabel('신청할 때 적은 휴대전화 번호').fill(after().phone);
  await cancel.getByRole('button', { name: '신청 취소하기' }).click();
  const question = page.getByRole('heading', { name: '빵 굽기 신청을 취소할까요?' });
  await expect(question).toBeFocused();
  await expect(cancel).toContainText('취소하면 자리는 대기 중인 다음 분께 바로 넘어갑니다');
  await expectAccessible(page, 'confirmation: cancel asked');
  await cancel.scrollIntoViewIfNeeded();
  await screenshot(page, 'web-confirmation-cancel-ask');
  expect(await statusOfCourse(after().bakingCourseId)).toBe('confirmed');

  // "Keep it" changes nothing.
  await page.getByRole('link', { name: '아니요, 그대로 둡니다' }).click();
  await expect(question).toBeHidden();
  await expect(page.getByRole('heading', { name: '신청이 완료되었습니다' })).toBeVisible();
  expect(await statusOfCourse(after().bakingCourseId)).toBe('confirmed');

  await cancel.getByLabel('신청할 때 적은 휴대전화 번호').fill(after().phone);
  await cancel.getByRole('button', { name: '신청 취소하기' }).click();
  await page.getByRole('button', { name: '네, 취소합니다' }).click();
  await expect(page.getByRole('heading', { name: '취소된 신청입니다' })).toBeVisible();
  expect(await statusOfCourse(after().bakingCourseId)).toBe('cancelled');
  expect(csp).toEqual([]);
});

test('without JavaScript, in English, the confirmation page asks on a page of its own', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE_VIEWPORT });
  const page = await context.newPage();
  await page.goto(`/en/registrations/${after().woodworkCode}`);
  const cancel = page.getByRole('region', { name: 'Cancel this registration' });
  await cancel.getByLabel('The mobile number you registered with').fill(after().phone);
  await cancel.getByRole('button', { name: 'Cancel registration' }).click();
  await expect(
    page.getByRole('heading', { name: 'Cancel your registration for Woodwork Basics?' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Yes, cancel it' })).toBeVisible();
  // Keep it: back to the page as it was, still confirmed.
  await page.getByRole('link', { name: 'No, keep it' }).click();
  await expect(page).toHaveURL(new RegExp(`/en/registrations/${after().woodworkCode}$`));
  await expect(page.getByRole('button', { name: 'Yes, cancel it' })).toHaveCount(0);
  const [row] = await queryDb<{ status: string }>(`select status from enrolments where code = ?`, [
    after().woodworkCode,
  ]);
  expect(row!.status).toBe('confirmed');

  // Asked again and confirmed: cancelled, and the page says so.
  await cancel.getByLabel('The mobile number you registered with').fill(after().phone);
  await cancel.getByRole('button', { name: 'Cancel registration' }).click();
  await page.getByRole('button', { name: 'Yes, cancel it' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/cancelled/i);
  const [gone] = await queryDb<{ status: string }>(`select status from enrolments where code = ?`, [
    after().woodworkCode,
  ]);
  expect(gone!.status).toBe('cancelled');
  await context.close();
});

test('a waitlisted confirmation shows the place in line, what happens next and how to leave', async ({
  page,
}) => {
  const csp = watchCsp(page);
  await page.setViewportSize(PHONE_VIEWPORT);
  await page.goto(`/registrations/${after().yogaCode}`);
  await expect(
    page.getByRole('heading', { level: 1, name: '대기 순번 1번으로 등록되었습니다' }),
  ).toBeVisible();
  // No check-in: neither the kiosk steps, nor the QR code, nor "the kiosk asks for this code".
  await expect(page.getByRole('heading', { name: '수업 날 출석하는 방법' })).toHaveCount(0);
  await expect(page.getByText('수업 날 키오스크에서 이 코드를 물어봅니다')).toHaveCount(0);
  await expect(page.getByRole('img', { name: /QR 코드/ })).toHaveCount(0);
  const next = page.getByRole('region', { name: '자리가 나면 이렇게 됩니다' });
  await expect(next).toContainText('지금 대기 1번입니다');
  await expect(next).toContainText('자동으로 확정되고');
  await expect(next).toContainText('문자를 보내 드립니다');
  await expect(next).toContainText('대기 취소하기');
  // The code is still there, to find this page again.
  await expect(page.getByText(after().yogaCode, { exact: true })).toBeVisible();
  const leave = page.getByRole('region', { name: '대기 취소' });
  await expect(leave.getByRole('button', { name: '대기 취소하기' })).toBeVisible();
  await expectAccessible(page, 'waitlisted confirmation');
  await screenshot(page, 'web-waitlisted-confirmation');

  await page.goto(`/en/registrations/${after().yogaCode}`);
  await expect(page.getByRole('button', { name: 'Leave the waitlist' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'When a place frees up' })).toContainText(
    'You are number 1',
  );
  await expect(page.getByText('The kiosk asks for this code on class days.')).toHaveCount(0);
  await expectAccessible(page, 'waitlisted confirmation (en)');
  await screenshot(page, 'web-waitlisted-confirmation-en');

  expect(csp).toEqual([]);
});

test('English course pages give the instructor’s romanised name and “6 sessions”', async ({
  page,
}) => {
  await page.setViewportSize(PHONE_VIEWPORT);
  await page.goto(`/en/courses/${after().romanisedCourseId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Everyday Ceramics' })).toBeVisible();
  await expect(page.getByText('Taught by Jeong Mi-gyeong')).toBeVisible();
  await expect(page.getByText('정미경')).toHaveCount(0);
  await expect(page.getByText(/· 6\s+sessions$/)).toBeVisible();
  await expect(page.getByText('sessions:')).toHaveCount(0);
  await expectAccessible(page, 'course page (en)');
  await screenshot(page, 'web-course-en-romanised');

  // The Korean page keeps the name as written.
  await page.goto(`/courses/${after().romanisedCourseId}`);
  await expect(page.getByText('주민강사 정미경')).toBeVisible();
  await expect(page.getByText(/총 6회/)).toBeVisible();
});
