/**
 * "My registrations" at the kiosk, tapped like a person at the touchscreen: the mobile number on
 * the number pad, the code from the text message, the list, leaving a waitlist after confirming;
 * then the idle reset and the home button, after which nothing of that person is left on screen or
 * in the session table. axe-core at normal size, 200% and high contrast.
 */
import { existsSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, fixtures, openPairedKiosk, queryDb, screenshot } from './support';

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1080, height: 1920 }, hasTouch: true });

const PHONE = fixtures().kioskMy.phone;
const DIGITS = PHONE.replace(/-/g, '');
const E164 = `+82${DIGITS.slice(1)}`;

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

async function tapDigits(page: Page, keypad: string, digits: string) {
  const pad = page.getByRole('group', { name: keypad });
  for (const digit of digits) await pad.getByRole('button', { name: digit, exact: true }).tap();
}

/** Text on screen, not the copy a live region holds for screen readers and voice guidance. */
const shown = (page: Page, text: string) =>
  page.locator('p:not(.visually-hidden)', { hasText: text });

const sessionsOfResident = async () =>
  (
    await queryDb<{ n: number }>(
      `select count(*) as n from resident_sessions s join residents r on r.id = s.resident_id
       where r.phone_e164 = ?`,
      [E164],
    )
  )[0]!.n;

const waitlistStatus = async () =>
  (
    await queryDb<{ status: string }>(
      `select e.status as status from enrolments e join residents r on r.id = e.resident_id
       where e.course_id = ? and r.phone_e164 = ?`,
      [fixtures().kioskMy.waitlistCourseId, E164],
    )
  )[0]?.status;

test('a resident signs in with a texted code, leaves a waitlist, and the kiosk forgets them', async ({
  page,
}) => {
  await page.clock.install();
  await openPairedKiosk(page);
  await page.getByRole('button', { name: /내 신청 내역/ }).tap();

  // 1. The number, on the pad, grouped as it is written.
  await expect(
    page.getByRole('heading', { level: 1, name: '휴대전화 번호를 눌러 주세요' }),
  ).toBeVisible();
  const send = page.getByRole('button', { name: '인증번호 받기' });
  await expect(send).toBeDisabled();
  await expectAccessible(page, 'kiosk my: phone step');
  await tapDigits(page, '휴대전화 번호 입력 키패드', DIGITS);
  await expect(page.locator('.display .value')).toHaveText(PHONE);
  await screenshot(page, 'kiosk-my-1-phone');
  const sentBefore = textedCodes().length;
  await send.tap();

  // 2. "We texted a code": the number is masked from here on.
  await expect(
    page.getByRole('heading', { level: 1, name: '인증번호 6자리를 눌러 주세요' }),
  ).toBeVisible();
  await expect(shown(page, '010-****-0011 번호로 신청한 내역이 있으면')).toBeVisible();
  await expect(page.getByText(PHONE)).toHaveCount(0);
  // "Send again" waits for the minute the server asks for.
  await expect(page.getByRole('button', { name: '인증번호 다시 받기' })).toBeDisabled();
  await expect(page.getByText(/초 뒤에 다시 받을 수 있습니다/)).toBeVisible();
  await expectAccessible(page, 'kiosk my: code step');
  await screenshot(page, 'kiosk-my-2-code');
  await page.clock.runFor(2_500); // the outbox sender runs every two seconds
  await expect.poll(() => textedCodes().length, { timeout: 15_000 }).toBeGreaterThan(sentBefore);
  const code = textedCodes().at(-1)!;

  // A wrong code is refused in a sentence, and the pad is ready again.
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  await tapDigits(page, '인증번호 입력 키패드', wrong);
  await page.getByRole('button', { name: '확인', exact: true }).tap();
  await expect(page.getByRole('alert')).toContainText('인증번호가 맞지 않습니다');
  expect(await sessionsOfResident()).toBe(0);
  await screenshot(page, 'kiosk-my-3-wrong-code');

  await tapDigits(page, '인증번호 입력 키패드', code);
  await page.getByRole('button', { name: '확인', exact: true }).tap();

  // 3. The list: live first (the seat and the waitlist place), the cancelled one apart.
  await expect(page.getByRole('heading', { level: 1, name: '내 신청 내역' })).toBeVisible();
  await expect(page.getByText('한*오 님 · 010-****-0011')).toBeVisible();
  const live = page.getByRole('region', { name: /신청 중인 강좌/ });
  const past = page.getByRole('region', { name: /취소했거나 끝난 신청/ });
  const poetry = live.getByRole('article', { name: '시와 음악' });
  const walking = live.getByRole('article', { name: '걸음걸이 교실' });
  await expect(poetry).toContainText('대기 1번');
  await expect(poetry).toContainText('다음 수업');
  await expect(poetry).toContainText('오후 6:00~8:00');
  await expect(poetry).not.toContainText('출석 확인 코드');
  await expect(walking).toContainText('수강 확정');
  await expect(walking).toContainText('출석 확인 코드');
  const ukulele = past.getByRole('article', { name: '우쿨렐레 합주' });
  await expect(ukulele).toContainText('취소됨');
  await expect(ukulele).not.toContainText('출석 확인 코드');
  await expect(page.getByText(PHONE)).toHaveCount(0);
  expect(await sessionsOfResident()).toBe(1);
  await expectAccessible(page, 'kiosk my: list');
  await screenshot(page, 'kiosk-my-4-list');

  // 200% text and high contrast: still readable, still accessible.
  await page.getByRole('button', { name: '200%' }).tap();
  await page.getByRole('button', { name: /고대비/ }).tap();
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
  await expectAccessible(page, 'kiosk my: list at 200% high contrast');
  await screenshot(page, 'kiosk-my-5-list-200-contrast');
  await page.getByRole('button', { name: '100%' }).tap();
  await page.getByRole('button', { name: /고대비/ }).tap();

  // 4. Leaving the waitlist, after a confirmation in the web page's words.
  await poetry.getByRole('button', { name: '대기 취소: 시와 음악' }).tap();
  await expect(
    page.getByRole('heading', { level: 1, name: '시와 음악 신청을 취소할까요?' }),
  ).toBeVisible();
  await expect(shown(page, '대기를 취소하면 뒤에 계신 분들의 순번이 앞당겨집니다')).toBeVisible();
  await expectAccessible(page, 'kiosk my: confirm');
  await screenshot(page, 'kiosk-my-6-confirm');
  // "No" changes nothing.
  await page.getByRole('button', { name: '아니요, 그대로 둡니다' }).tap();
  await expect(poetry).toBeVisible();
  expect(await waitlistStatus()).toBe('waitlisted');
  await poetry.getByRole('button', { name: '대기 취소: 시와 음악' }).tap();
  await page.getByRole('button', { name: '네, 취소합니다' }).tap();
  await expect(
    page.getByRole('heading', { level: 1, name: /시와 음악 신청을 취소했습니다/ }),
  ).toBeVisible();
  expect(await waitlistStatus()).toBe('cancelled');
  const [audit] = await queryDb<{ detail: string }>(
    `select detail from audit_log where action = 'waitlist.leave' order by id desc limit 1`,
  );
  expect(JSON.parse(audit!.detail)).toMatchObject({ kioskId: fixtures().kiosk.kioskId });
  await expectAccessible(page, 'kiosk my: cancelled');
  await screenshot(page, 'kiosk-my-7-done');
  await page.getByRole('button', { name: '신청 내역으로 돌아가기' }).tap();
  await expect(past.getByRole('article', { name: '시와 음악' })).toContainText('취소됨');
  await expect(live.getByRole('article', { name: '시와 음악' })).toHaveCount(0);

  // 5. Walking away: the idle reset returns to the start and ends the session on the server.
  await page.clock.runFor(61_000);
  await expect(page.getByRole('dialog', { name: '화면이 곧 처음으로 돌아갑니다' })).toBeVisible();
  await page.clock.runFor(21_000);
  await expect(page.getByRole('heading', { name: '오늘의 강좌' })).toBeVisible();
  await expect.poll(sessionsOfResident).toBe(0);
  await expect(page.getByText('한*오')).toHaveCount(0);

  // Coming back shows the number step, empty.
  await page.getByRole('button', { name: /내 신청 내역/ }).tap();
  await expect(
    page.getByRole('heading', { level: 1, name: '휴대전화 번호를 눌러 주세요' }),
  ).toBeVisible();
  await expect(shown(page, '아직 누른 번호가 없습니다')).toBeVisible();

  // The home button drops what was typed, too.
  await tapDigits(page, '휴대전화 번호 입력 키패드', '0104');
  await expect(page.locator('.display .value')).toHaveText('010-4');
  await page.locator('.topbar').getByRole('button', { name: '처음으로' }).tap();
  await expect(page.getByRole('heading', { name: '오늘의 강좌' })).toBeVisible();
  await page.getByRole('button', { name: /내 신청 내역/ }).tap();
  await expect(shown(page, '아직 누른 번호가 없습니다')).toBeVisible();
});

test('the screen at 200% in low-screen mode and high contrast keeps the pad and its button in reach', async ({
  page,
}) => {
  await openPairedKiosk(page);
  await expect(page.getByRole('button', { name: /내 신청 내역/ })).toBeVisible();
  await screenshot(page, 'kiosk-my-0-start');
  await page.getByRole('button', { name: '200%' }).tap();
  await page.getByRole('button', { name: /낮은 화면/ }).tap();
  await page.getByRole('button', { name: /고대비/ }).tap();
  await page.getByRole('button', { name: /내 신청 내역/ }).tap();
  await expect(
    page.getByRole('heading', { level: 1, name: '휴대전화 번호를 눌러 주세요' }),
  ).toBeVisible();
  await tapDigits(page, '휴대전화 번호 입력 키패드', '0109');
  const pad = page.getByRole('group', { name: '휴대전화 번호 입력 키패드' });
  for (const key of ['1', '0']) {
    const box = await pad.getByRole('button', { name: key, exact: true }).boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(88);
    expect(box!.height).toBeGreaterThanOrEqual(88);
  }
  const send = page.getByRole('button', { name: '인증번호 받기' });
  await send.scrollIntoViewIfNeeded();
  const box = await send.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(64);
  await expectAccessible(page, 'kiosk my: 200% low-screen high contrast');
  await screenshot(page, 'kiosk-my-8-phone-200-low-contrast');
});

test('offline, the screen says the network is needed and sends nothing', async ({
  page,
  context,
}) => {
  await openPairedKiosk(page);
  await page.getByRole('button', { name: /내 신청 내역/ }).tap();
  await tapDigits(page, '휴대전화 번호 입력 키패드', DIGITS);
  await context.setOffline(true);
  await page.evaluate(() => window.dispatchEvent(new Event('offline')));
  await expect(page.getByText('인터넷 연결이 필요합니다')).toBeVisible();
  await expect(page.getByRole('button', { name: '인증번호 받기' })).toBeDisabled();
  await expectAccessible(page, 'kiosk my: offline');
  await screenshot(page, 'kiosk-my-9-offline');
  await context.setOffline(false);
});
