/**
 * "My registrations" (내 신청 내역) driven like a person on a phone: ask for a code, read it from the
 * text message (the server's notification file), sign in, see each registration with its status,
 * cancel one after confirming, sign out. With JavaScript in Korean, without it in English.
 */
import { readFileSync, existsSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, fixtures, queryDb, screenshot, watchCsp } from './support';

test.describe.configure({ mode: 'serial' });

const PHONE = fixtures().my.phone;
const E164 = `+82${PHONE.replace(/-/g, '').slice(1)}`;
const PHONE_VIEWPORT = { width: 390, height: 844 };

/** Sign-in codes texted to the resident so far, oldest first. */
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

/** Waits for the text that the last request sent (the outbox sender runs every two seconds). */
async function nextTextedCode(before: number): Promise<string> {
  await expect.poll(() => textedCodes().length, { timeout: 15_000 }).toBeGreaterThan(before);
  return textedCodes().at(-1)!;
}

async function enterPhone(page: Page, label: string, button: string, phone: string) {
  await page.getByRole('textbox', { name: label, exact: true }).fill(phone);
  await page.getByRole('button', { name: button }).click();
}

const statusOf = async (courseId: string) =>
  (
    await queryDb<{ status: string }>(
      `select e.status as status from enrolments e join residents r on r.id = e.resident_id
       where e.course_id = ? and r.phone_e164 = ?`,
      [courseId, E164],
    )
  )[0]?.status;

test('a resident signs in with a texted code, sees both registrations and cancels one', async ({
  page,
  context,
}) => {
  const csp = watchCsp(page);
  await page.setViewportSize(PHONE_VIEWPORT);
  await page.goto('/');
  await page.getByRole('banner').getByRole('link', { name: '내 신청 내역' }).click();
  await expect(page).toHaveURL(/\/my$/);
  await expect(page.getByRole('heading', { level: 1, name: '내 신청 내역' })).toBeVisible();
  await expect(page.getByRole('button', { name: '인증번호 받기' })).toBeEnabled();
  await expectAccessible(page, 'my: phone step');
  await screenshot(page, 'my-1-phone');

  // A landline gets its message next to the field, and nothing is sent.
  const sentBefore = textedCodes().length;
  await enterPhone(page, '휴대전화 번호', '인증번호 받기', '02-123-4567');
  const phone = page.getByRole('textbox', { name: '휴대전화 번호', exact: true });
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toContainText(
    '휴대전화 번호(010으로 시작)를 입력해 주세요',
  );
  await expect(phone).toHaveValue('02-123-4567');
  await expectAccessible(page, 'my: phone error');
  await screenshot(page, 'my-2-phone-error');

  await enterPhone(page, '휴대전화 번호', '인증번호 받기', PHONE);
  await expect(page.getByRole('heading', { name: '2. 인증번호 입력' })).toBeVisible();
  await expect(page.getByText('인증번호 6자리를 문자로 보냈습니다')).toBeVisible();
  const code = await nextTextedCode(sentBefore);
  await expectAccessible(page, 'my: code step');
  await screenshot(page, 'my-3-code');

  // A wrong code: a clear message at the field, and still signed out.
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  await page.getByRole('textbox', { name: '인증번호 6자리', exact: true }).fill(wrong);
  await page.getByRole('button', { name: '확인하고 신청 내역 보기' }).click();
  await expect(page.getByRole('alert')).toContainText('인증번호가 맞지 않습니다');
  await expect(page.getByRole('textbox', { name: '인증번호 6자리', exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expectAccessible(page, 'my: wrong code');
  await screenshot(page, 'my-4-wrong-code');

  await page.getByRole('textbox', { name: '인증번호 6자리', exact: true }).fill(code);
  await page.getByRole('button', { name: '확인하고 신청 내역 보기' }).click();
  await expect(page.getByText('박*로 님')).toBeVisible();
  await expect(page.getByText('010-****-0001')).toBeVisible();
  const calligraphy = page.getByRole('article', { name: '캘리그라피' });
  const dialogue = page.getByRole('article', { name: '비폭력대화' });
  await expect(calligraphy).toContainText('수강 확정');
  await expect(calligraphy).toContainText('지금까지 열린 수업 1회 중 1회 출석');
  await expect(calligraphy.getByRole('link', { name: /QR 코드 보기/ })).toBeVisible();
  await expect(dialogue).toContainText('대기 2번');
  await expectAccessible(page, 'my: registrations');
  await screenshot(page, 'my-5-list');

  // The session is an HttpOnly cookie (plain name on http://127.0.0.1), invisible to scripts.
  const cookie = (await context.cookies()).find((c) => c.name === 'seoro_resident');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  expect(await page.evaluate(() => document.cookie)).not.toContain('seoro_resident');

  // Cancelling asks first; "keep it" changes nothing.
  await calligraphy.getByRole('link', { name: '신청 취소: 캘리그라피' }).click();
  const confirm = page.getByRole('heading', { name: '캘리그라피 신청을 취소할까요?' });
  await expect(confirm).toBeFocused();
  await expectAccessible(page, 'my: confirm cancel');
  await screenshot(page, 'my-6-confirm');
  await page.getByRole('link', { name: '아니요, 그대로 둡니다' }).click();
  await expect(confirm).toBeHidden();
  expect(await statusOf(fixtures().my.calligraphyCourseId)).toBe('confirmed');

  await calligraphy.getByRole('link', { name: '신청 취소: 캘리그라피' }).click();
  await page.getByRole('button', { name: '네, 취소합니다' }).click();
  await expect(page.getByRole('status')).toContainText('캘리그라피 신청을 취소했습니다');
  await expect(calligraphy).toContainText('취소됨');
  await expect(calligraphy.getByRole('link', { name: /신청 취소/ })).toHaveCount(0);
  await expect(dialogue).toContainText('대기 2번');
  await expectAccessible(page, 'my: cancelled');
  await screenshot(page, 'my-7-cancelled');
  expect(await statusOf(fixtures().my.calligraphyCourseId)).toBe('cancelled');
  const audit = await queryDb<{ action: string; actor_type: string }>(
    `select action, actor_type from audit_log where subject_type = 'enrolment' and action = 'enrolment.cancel'
     and resident_id = (select id from residents where phone_e164 = ?)`,
    [E164],
  );
  expect(audit).toEqual([{ action: 'enrolment.cancel', actor_type: 'resident' }]);

  // Other tests may hold sessions of this number of their own; signing out ends this one.
  const sessionsOf = () =>
    queryDb(
      `select s.id from resident_sessions s join residents r on r.id = s.resident_id where r.phone_e164 = ?`,
      [E164],
    );
  const before = (await sessionsOf()).length;
  expect(before).toBeGreaterThan(0);
  await page.getByRole('button', { name: '로그아웃' }).click();
  await expect(page.getByText('로그아웃했습니다')).toBeVisible();
  await expect(page.getByRole('textbox', { name: '휴대전화 번호', exact: true })).toBeVisible();
  expect((await context.cookies()).find((c) => c.name === 'seoro_resident')).toBeUndefined();
  expect(await sessionsOf()).toHaveLength(before - 1);
  expect(csp).toEqual([]);
});

test('without JavaScript, in English, a resident leaves a waitlist', async ({ browser }) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: PHONE_VIEWPORT,
  });
  const page = await context.newPage();
  await page.goto('/en/my');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'My registrations' })).toBeVisible();
  const sentBefore = textedCodes().length;
  await enterPhone(page, 'Mobile phone number', 'Text me a code', PHONE);
  await expect(
    page.getByRole('heading', { name: 'Please check your text messages' }),
  ).toBeVisible();
  const code = await nextTextedCode(sentBefore);
  await page.getByRole('textbox', { name: '6-digit code', exact: true }).fill(code);
  await page.getByRole('button', { name: 'Confirm and see my registrations' }).click();

  const dialogue = page.getByRole('article', { name: 'Nonviolent Communication' });
  await expect(dialogue).toContainText('Waitlist: number 2');
  await expect(page.getByRole('article', { name: 'Calligraphy' })).toContainText('Cancelled');
  await dialogue
    .getByRole('link', { name: 'Leave the waitlist: Nonviolent Communication' })
    .click();
  await expect(
    page.getByRole('heading', { name: 'Cancel your registration for Nonviolent Communication?' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Yes, cancel it' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Your registration for Nonviolent Communication is cancelled',
  );
  await expect(dialogue).toContainText('Cancelled');
  await screenshot(page, 'my-8-en-nojs');
  expect(await statusOf(fixtures().my.dialogueCourseId)).toBe('cancelled');
  await context.close();
});

test('the English page passes axe and the confirmation page links to it', async ({ page }) => {
  await page.setViewportSize(PHONE_VIEWPORT);
  await page.goto('/en/my');
  await expect(page.getByRole('button', { name: 'Text me a code' })).toBeEnabled();
  await expectAccessible(page, 'my (en): phone step');
  await screenshot(page, 'my-9-en-phone');
  const sentBefore = textedCodes().length;
  await enterPhone(page, 'Mobile phone number', 'Text me a code', PHONE);
  await nextTextedCode(sentBefore);
  await page.getByRole('textbox', { name: '6-digit code', exact: true }).fill('12');
  await page.getByRole('button', { name: 'Confirm and see my registrations' }).click();
  await expect(page.getByRole('alert')).toContainText('That code is not right');
  await expectAccessible(page, 'my (en): wrong code');

  const [registration] = await queryDb<{ code: string }>(
    `select e.code as code from enrolments e where e.course_id = ?`,
    [fixtures().my.calligraphyCourseId],
  );
  await page.goto(`/en/registrations/${registration!.code}`);
  await page.getByRole('link', { name: 'See all my registrations' }).click();
  await expect(page).toHaveURL(/\/en\/my$/);
  await expect(page.getByRole('heading', { level: 1, name: 'My registrations' })).toBeVisible();
});

test('a session left idle too long ends, and the page says why', async ({ page }) => {
  await page.setViewportSize(PHONE_VIEWPORT);
  await page.goto('/my');
  const sentBefore = textedCodes().length;
  await enterPhone(page, '휴대전화 번호', '인증번호 받기', PHONE);
  const code = await nextTextedCode(sentBefore);
  await page.getByRole('textbox', { name: '인증번호 6자리', exact: true }).fill(code);
  await page.getByRole('button', { name: '확인하고 신청 내역 보기' }).click();
  await expect(page.getByRole('button', { name: '로그아웃' })).toBeVisible();

  // Thirty-one minutes without a request, as if the phone had been put down.
  const [session] = await queryDb<{ id: string }>(
    `select s.id as id from resident_sessions s join residents r on r.id = s.resident_id
     where r.phone_e164 = ? order by s.created_at desc limit 1`,
    [E164],
  );
  await queryDb(`update resident_sessions set last_seen_at = last_seen_at - ? where id = ?`, [
    31 * 60_000,
    session!.id,
  ]);
  await page.reload();
  await expect(page.getByText('안전을 위해 로그아웃되었습니다')).toBeVisible();
  await expect(page.getByRole('textbox', { name: '휴대전화 번호', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '로그아웃' })).toHaveCount(0);
  // The ended session is gone, not just ignored.
  expect(await queryDb('select id from resident_sessions where id = ?', [session!.id])).toEqual([]);
  await expectAccessible(page, 'my: signed out after idling');
  await screenshot(page, 'my-10-expired');
});
