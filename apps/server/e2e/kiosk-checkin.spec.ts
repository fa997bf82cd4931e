/**
 * Check-in at the kiosk without a typed code, as residents do it by Lecture Room 3 (1080×1920,
 * touch): the last four digits of a phone number and a tap on one's own masked name; the whole
 * number, which checks in at once and says so again the second time; a waitlisted and an unknown
 * number told what to do; the confirmation's QR code read by the kiosk's camera (a fake camera
 * showing a QR code this test draws). Axe in normal, 200% and high-contrast modes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import QRCode from 'qrcode';
import { expectAccessible, fixtures, openPairedKiosk, queryDb, screenshot } from './support';

test.describe.configure({ mode: 'serial' });

const KIOSK_VIEW = { viewport: { width: 1080, height: 1920 }, hasTouch: true, locale: 'ko-KR' };

async function kioskPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext(KIOSK_VIEW)).newPage();
  await openPairedKiosk(page);
  await expect(page.getByRole('heading', { name: '오늘의 강좌' })).toBeVisible();
  return page;
}

async function openCheckIn(page: Page) {
  await page.getByRole('button', { name: /출석 체크인/ }).tap();
  await expect(page.getByRole('heading', { name: '출석 체크인', level: 1 })).toBeVisible();
}

async function choosePhone(page: Page) {
  const phone = page.getByRole('button', { name: '전화번호', exact: true });
  await phone.tap();
  await expect(phone).toHaveAttribute('aria-pressed', 'true');
}

async function tapDigits(page: Page, digits: string) {
  const pad = page.getByRole('group', { name: '전화번호 입력 키패드' });
  for (const digit of digits) {
    await pad.getByRole('button', { name: digit, exact: true }).tap();
  }
  await page.getByRole('button', { name: '찾기', exact: true }).tap();
}

/** The check-in rows of a fixture learner, by their phone number. */
async function attendanceOf(phoneE164: string) {
  return queryDb<{ method: string; kiosk_id: string | null; late: number }>(
    `select a.method, a.kiosk_id, a.late from attendance a
       join enrolments e on e.id = a.enrolment_id
       join residents r on r.id = e.resident_id
     where r.phone_e164 = ?`,
    [phoneE164],
  );
}

async function setMode(page: Page, name: RegExp | string) {
  const button = page.getByRole('button', { name });
  await button.tap();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
}

test('the last four digits list masked names; tapping one’s own checks in', async ({ browser }) => {
  const page = await kioskPage(browser);
  await openCheckIn(page);
  await expect(page.getByRole('button', { name: 'QR · 확인 코드' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expectAccessible(page, 'kiosk check-in: ways');
  await screenshot(page, 'kiosk-checkin-code');

  await choosePhone(page);
  await expect(page.getByText('휴대전화 번호 뒷자리 4자리를 누르고')).toBeVisible();
  const pad = page.getByRole('group', { name: '전화번호 입력 키패드' });
  for (const key of ['1', '0', '지우기']) {
    const box = await pad.getByRole('button', { name: key }).first().boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(88);
    expect(box!.width).toBeGreaterThanOrEqual(88);
  }
  await expect(page.getByRole('button', { name: '찾기', exact: true })).toBeDisabled();
  await expectAccessible(page, 'kiosk check-in: phone entry');
  await screenshot(page, 'kiosk-checkin-phone-entry');

  await tapDigits(page, '5678');
  await expect(page.getByRole('heading', { name: '본인 이름을 눌러 주세요' })).toBeVisible();
  const kim = page.getByRole('button', { name: /김\*로/ });
  await expect(kim).toContainText('스마트폰 첫걸음');
  await expect(page.getByRole('button', { name: /이\*집/ })).toBeVisible();
  // Masked names only: no full name, no number.
  await expect(page.locator('body')).not.toContainText('김서로');
  await expect(page.locator('body')).not.toContainText('7770');
  await expectAccessible(page, 'kiosk check-in: choose a name');
  await screenshot(page, 'kiosk-checkin-phone-choose');

  await kim.tap();
  await expect(page.getByRole('heading', { name: '김*로 님, 출석되었습니다' })).toBeVisible();
  await expect(page.getByText('스마트폰 첫걸음', { exact: true })).toBeVisible();
  await expectAccessible(page, 'kiosk check-in: phone result');
  await screenshot(page, 'kiosk-checkin-phone-done');

  expect(await attendanceOf('+821077705678')).toEqual([
    { method: 'phone', kiosk_id: fixtures().kiosk.kioskId, late: 0 },
  ]);
  const [audit] = await queryDb<{ actor_type: string; detail: string }>(
    `select actor_type, detail from audit_log where action = 'attendance.check_in'
       and actor_id = ? order by at desc limit 1`,
    [fixtures().kiosk.kioskId],
  );
  expect(audit?.actor_type).toBe('kiosk');
  expect(JSON.parse(audit!.detail)).toMatchObject({ method: 'phone' });
  await page.context().close();
});

test('the whole number checks in at once, and a second time says when the first was', async ({
  browser,
}) => {
  const page = await kioskPage(browser);
  await openCheckIn(page);
  await choosePhone(page);
  await tapDigits(page, '01077715678');
  await expect(page.getByRole('heading', { name: '이*집 님, 출석되었습니다' })).toBeVisible();
  expect(await attendanceOf('+821077715678')).toHaveLength(1);

  await page.getByRole('main').getByRole('button', { name: '처음으로' }).tap();
  await openCheckIn(page);
  await choosePhone(page);
  await tapDigits(page, '01077715678');
  await expect(
    page.getByRole('heading', { name: /이\*집 님, 이미 .+에 출석하셨습니다/ }),
  ).toBeVisible();
  expect(await attendanceOf('+821077715678')).toHaveLength(1);
  await page.context().close();
});

test('a waitlisted and an unknown number are told what to do, with signup on offer', async ({
  browser,
}) => {
  const page = await kioskPage(browser);
  await openCheckIn(page);
  await choosePhone(page);

  await tapDigits(page, '0021');
  const waitlisted = page.getByText(/박\*다 님은 ‘스마트폰 첫걸음’ 대기 1번입니다/);
  await expect(waitlisted).toBeVisible();
  await expect(waitlisted).toContainText('자리가 나면 문자로 알려 드립니다');
  await expectAccessible(page, 'kiosk check-in: waitlisted');
  await screenshot(page, 'kiosk-checkin-waitlisted');
  expect(await attendanceOf('+821077720021')).toHaveLength(0);

  await page.getByRole('button', { name: '번호 다시 누르기' }).tap();
  await tapDigits(page, '9999');
  await expect(
    page.getByText('오늘 이 강의실 수업에 신청하신 기록을 찾지 못했습니다'),
  ).toBeVisible();
  const signup = page.getByRole('button', { name: '여기서 수강 신청하기' });
  await expect(signup).toBeVisible();
  const box = await signup.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(88);
  await expectAccessible(page, 'kiosk check-in: not registered');
  await screenshot(page, 'kiosk-checkin-unregistered');

  // The same at 200% text, in low-screen mode and in high contrast.
  await page.getByRole('button', { name: '번호 다시 누르기' }).tap();
  await setMode(page, '200%');
  await setMode(page, /고대비/);
  await expectAccessible(page, 'kiosk check-in: phone entry, 200% high contrast');
  await screenshot(page, 'kiosk-checkin-phone-200-contrast');
  await tapDigits(page, '5678');
  await expect(page.getByRole('button', { name: /이\*집/ })).toContainText('출석함');
  await expectAccessible(page, 'kiosk check-in: choose, 200% high contrast');
  await screenshot(page, 'kiosk-checkin-choose-200-contrast');
  await page.getByRole('button', { name: '번호 다시 누르기' }).tap();
  await setMode(page, /낮은 화면/);
  await expectAccessible(page, 'kiosk check-in: phone entry, low screen');
  await screenshot(page, 'kiosk-checkin-phone-low-screen');
  // Every key and the find button can still be reached and tapped.
  const find = page.getByRole('button', { name: '찾기', exact: true });
  await expect(find).toBeInViewport();

  // "Sign up here" opens the kiosk's signup.
  await tapDigits(page, '9999');
  await page.getByRole('button', { name: '여기서 수강 신청하기' }).tap();
  await expect(page.getByRole('heading', { name: /신청할 강좌를 골라 주세요/ })).toBeVisible();
  await page.context().close();
});

test('without a camera the kiosk says so, and the other ways remain', async ({ browser }) => {
  const page = await kioskPage(browser);
  await openCheckIn(page);
  await page.getByRole('button', { name: '카메라로 QR 읽기' }).tap();
  await expect(page.getByRole('alert')).toContainText(
    /카메라를 쓸 수 없습니다|쓸 수 있는 카메라가 없습니다|카메라를 켜지 못했습니다/,
  );
  await expectAccessible(page, 'kiosk check-in: no camera');
  await screenshot(page, 'kiosk-checkin-no-camera');
  await page.getByRole('button', { name: '코드 입력으로 돌아가기' }).tap();
  await expect(page.getByRole('group', { name: '확인 코드 입력 키패드' })).toBeVisible();
  await page.context().close();
});

/**
 * A Y4M video (what Chromium's fake camera plays) of one still frame: a QR code of `text`, black
 * on white, in the middle of a 640×480 picture.
 */
function qrVideo(text: string, path: string) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const [width, height] = [640, 480];
  const scale = Math.floor(360 / (size + 8));
  const left = Math.floor((width - size * scale) / 2);
  const top = Math.floor((height - size * scale) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 0; y < size * scale; y++) {
    for (let x = 0; x < size * scale; x++) {
      const dark = qr.modules.get(Math.floor(y / scale), Math.floor(x / scale));
      if (dark) luma[(top + y) * width + left + x] = 16;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const header = `YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`;
  writeFileSync(path, Buffer.concat([Buffer.from(header), Buffer.from('FRAME\n'), luma, chroma]));
}

test('the kiosk’s camera reads the confirmation’s QR code', async () => {
  const [learner] = await queryDb<{ code: string }>(
    `select e.code from enrolments e join residents r on r.id = e.resident_id
     where r.phone_e164 = '+821077705678'`,
  );
  const dir = join(import.meta.dirname, '..', 'e2e-output', 'camera');
  mkdirSync(dir, { recursive: true });
  const video = join(dir, 'qr.y4m');
  qrVideo(learner!.code, video);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  try {
    const page = await kioskPage(browser);
    const wasm = page.waitForResponse((r) => r.url().endsWith('.wasm'));
    await openCheckIn(page);
    await page.getByRole('button', { name: '카메라로 QR 읽기' }).tap();
    // The reader comes from the kiosk itself, never from elsewhere.
    const response = await wasm;
    expect(new URL(response.url()).pathname).toMatch(/^\/kiosk\/assets\/zxing_reader-.+\.wasm$/);
    expect(response.headers()['content-type']).toBe('application/wasm');
    await screenshot(page, 'kiosk-checkin-camera');
    // 김서로 checked in by phone above: the camera's read is answered with the first time.
    await expect(
      page.getByRole('heading', { name: /김\*로 님, 이미 .+에 출석하셨습니다/ }),
    ).toBeVisible({
      timeout: 15_000,
    });
    // Leaving the screen turned the camera off.
    const live = await page.evaluate(() =>
      [...document.querySelectorAll('video')].some((v) => v.srcObject !== null),
    );
    expect(live).toBe(false);
    await screenshot(page, 'kiosk-checkin-camera-read');
  } finally {
    await browser.close();
  }
});
