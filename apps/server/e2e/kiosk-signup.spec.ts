/**
 * On-site signup at the kiosk, tapped as a person would at the 1080×1920 touchscreen: a course
 * card, the name on the on-screen Hangul keyboard (stored as typed syllables), the number on the
 * number pad, the privacy notice, the confirmation with its code, QR code and text message. Also
 * the English layout, a refusal that changes nothing, the accessibility modes and the network
 * going away.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
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
test.use({ viewport: { width: 1080, height: 1920 }, hasTouch: true, locale: 'ko-KR' });

/** A course of the fixtures' open term made for this file alone, so other files' counts stay. */
const courseId = randomUUID();
const TITLE = '시 낭독 모임';
const TITLE_EN = 'Poetry Reading Circle';

test.beforeAll(async () => {
  const columns = (await queryDb<{ name: string }>('pragma table_info(courses)')).map(
    (c) => c.name,
  );
  const own: Record<string, unknown> = {
    id: courseId,
    title_ko: TITLE,
    title_en: TITLE_EN,
    capacity: 3,
    sort_order: -1,
  };
  const values = columns.map((c) => (c in own ? '?' : c));
  const args = columns.filter((c) => c in own).map((c) => own[c]);
  await queryDb(
    `insert into courses (${columns.join(', ')}) select ${values.join(', ')} from courses where id = ?`,
    [...args, fixtures().roomyCourseId],
  );
});

/** Texts the server sent to a number, as the notification file has them. */
function textsTo(e164: string): Array<{ to: string; template: string; text: string }> {
  const file = fixtures().notificationsFile;
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { to: string; template: string; text: string })
    .filter((n) => n.to === e164);
}

const enrolmentsOf = (phone: string) =>
  queryDb<{ name: string; channel: string; kiosk_id: string | null; code: string; status: string }>(
    `select e.name, e.channel, e.kiosk_id, e.code, e.status from enrolments e
     join residents r on r.id = e.resident_id where e.course_id = ? and r.phone_e164 = ?`,
    [courseId, phone],
  );

async function openSignup(page: Page) {
  await openPairedKiosk(page);
  await page.getByRole('button', { name: /현장 수강신청/ }).tap();
  await expect(page.getByRole('heading', { name: /신청할 강좌를 골라 주세요/ })).toBeVisible();
}

async function chooseOwnCourse(page: Page) {
  await page.getByRole('button', { name: new RegExp(TITLE) }).tap();
  await expect(page.getByRole('heading', { name: /이름을 입력해 주세요/ })).toBeVisible();
}

async function tapKeys(page: Page, group: string, keys: string[]) {
  const pad = page.getByRole('group', { name: group });
  for (const key of keys) await pad.getByRole('button', { name: key, exact: true }).tap();
}

async function typePhone(page: Page, digits: string) {
  await tapKeys(page, '휴대전화 번호 입력 키패드', [...digits]);
}

test('a name typed on the Hangul keyboard is stored as 홍길동, with the code, QR and SMS', async ({
  page,
}) => {
  const csp = watchCsp(page);
  await openSignup(page);
  await expect(
    page.getByRole('button', { name: new RegExp(`${TITLE}.*3석 중 3석 남음`) }),
  ).toBeVisible();
  await expectAccessible(page, 'signup: courses');
  await screenshot(page, 'kiosk-signup-courses');
  await chooseOwnCourse(page);

  await tapKeys(page, '한글 자판', ['ㅎ', 'ㅗ', 'ㅇ', 'ㄱ', 'ㅣ', 'ㄹ', 'ㄷ', 'ㅗ', 'ㅇ']);
  const name = page.getByTestId('signup-name');
  await expect(name).toHaveText('홍길동');
  // Backspace takes the last jamo only, and the keyboard puts it back.
  await page.getByRole('button', { name: '마지막 글자 지우기' }).tap();
  await expect(name).toHaveText('홍길도');
  await tapKeys(page, '한글 자판', ['ㅇ']);
  await expect(name).toHaveText('홍길동');
  await expectAccessible(page, 'signup: name');
  await screenshot(page, 'kiosk-signup-name');
  await page.getByRole('button', { name: '다음' }).tap();

  await typePhone(page, '01012345678');
  await expect(page.getByTestId('signup-phone')).toHaveText('010-1234-5678');
  await screenshot(page, 'kiosk-signup-phone');
  await page.getByRole('button', { name: '다음' }).tap();

  await expect(page.getByText('수강 기수가 끝난 뒤 1년 동안 보관하고 파기합니다')).toBeVisible();
  const next = page.getByRole('button', { name: '다음' });
  await expect(next).toBeDisabled();
  const agree = page.getByRole('switch', { name: '위 내용을 읽었으며 동의합니다' });
  await agree.tap();
  await expect(agree).toHaveAttribute('aria-checked', 'true');
  await expectAccessible(page, 'signup: consent');
  await screenshot(page, 'kiosk-signup-consent');
  await next.tap();

  await expect(page.getByRole('heading', { name: /신청 내용을 확인해 주세요/ })).toBeVisible();
  await expect(page.getByText('010-1234-5678')).toBeVisible();
  await page.getByRole('button', { name: '신청하기' }).tap();

  await expect(page.getByRole('heading', { name: '신청되었습니다' })).toBeVisible();
  const code = (await page.getByTestId('signup-code').textContent())?.trim() ?? '';
  expect(code).toMatch(CODE_PATTERN);
  const qr = page.getByRole('img', { name: /확인 코드 QR/ });
  await expect(qr).toBeVisible();
  const box = await qr.boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(300);
  await expect(page.getByText('이 내용을 010-****-5678 번호로 문자 보냈습니다')).toBeVisible();
  // Nothing typed stays on the answer: the name and the full number are gone.
  await expect(page.getByText('홍길동')).toHaveCount(0);
  await expect(page.getByText('010-1234-5678')).toHaveCount(0);
  await expectAccessible(page, 'signup: result');
  await screenshot(page, 'kiosk-signup-result');

  expect(await enrolmentsOf('+821012345678')).toEqual([
    {
      name: '홍길동',
      channel: 'kiosk',
      kiosk_id: fixtures().kiosk.kioskId,
      code,
      status: 'confirmed',
    },
  ]);
  await expect
    .poll(() => textsTo('+821012345678').some((t) => t.text.includes(code)), { timeout: 15_000 })
    .toBe(true);
  expect(csp).toEqual([]);

  // Done: back to the start screen, and a fresh signup starts empty.
  await page.getByRole('button', { name: '확인했습니다' }).tap();
  await expect(page.getByRole('heading', { name: '오늘의 강좌' })).toBeVisible();
});

test('an English-layout name, in English, with the text in English', async ({ page }) => {
  await openPairedKiosk(page);
  await page.getByRole('button', { name: 'English' }).tap();
  await page.getByRole('button', { name: /Sign up here/ }).tap();
  await page.getByRole('button', { name: new RegExp(TITLE_EN) }).tap();
  // In English the keyboard starts in English; the switch goes to Hangul and back.
  await page.getByRole('button', { name: '한글 Korean' }).tap();
  await expect(page.getByRole('group', { name: 'Korean keyboard' })).toBeVisible();
  await page.getByRole('button', { name: 'ABC English' }).tap();
  const keyboard = 'English keyboard';
  await tapKeys(page, keyboard, ['A', 'N', 'N']);
  await page.getByRole('button', { name: 'Space', exact: true }).tap();
  await tapKeys(page, keyboard, ['L', 'E', 'E', 'Hyphen', 'K', 'I', 'M']);
  await expect(page.getByTestId('signup-name')).toHaveText('ANN LEE-KIM');
  await expectAccessible(page, 'signup: English keyboard');
  await screenshot(page, 'kiosk-signup-name-en');
  await page.getByRole('button', { name: 'Next' }).tap();
  await tapKeys(page, 'Mobile number keypad', [...'01055550101']);
  await page.getByRole('button', { name: 'Next' }).tap();
  await page.getByRole('switch', { name: 'I have read this and agree' }).tap();
  await page.getByRole('button', { name: 'Next' }).tap();
  await page.getByRole('button', { name: 'Sign up', exact: true }).tap();
  await expect(page.getByRole('heading', { name: 'You are signed up' })).toBeVisible();
  await expect(page.getByText('We sent this by SMS to 010-****-0101')).toBeVisible();
  const [row] = await enrolmentsOf('+821055550101');
  expect(row).toMatchObject({
    name: 'ANN LEE-KIM',
    channel: 'kiosk',
    kiosk_id: fixtures().kiosk.kioskId,
  });
  await expect
    .poll(
      () =>
        textsTo('+821055550101')
          .map((t) => t.text)
          .join('\n'),
      { timeout: 15_000 },
    )
    .toContain(row!.code);
});

test('a second signup with the same number is refused on the course step and changes nothing', async ({
  page,
}) => {
  const before = await queryDb<{ n: number }>('select count(*) as n from enrolments');
  await openSignup(page);
  await chooseOwnCourse(page);
  await tapKeys(page, '한글 자판', ['ㄱ', 'ㅣ', 'ㅁ', 'ㅅ', 'ㅓ', 'ㄹ', 'ㅗ']);
  await page.getByRole('button', { name: '다음' }).tap();
  await typePhone(page, '01012345678');
  await page.getByRole('button', { name: '다음' }).tap();
  await page.getByRole('switch').tap();
  await page.getByRole('button', { name: '다음' }).tap();
  await page.getByRole('button', { name: '신청하기' }).tap();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('이미 이 강좌에 신청하셨습니다');
  await expect(page.getByRole('heading', { name: /신청할 강좌를 골라 주세요/ })).toBeVisible();
  await expectAccessible(page, 'signup: refused');
  await screenshot(page, 'kiosk-signup-refused');
  expect(await queryDb<{ n: number }>('select count(*) as n from enrolments')).toEqual(before);
  expect(await enrolmentsOf('+821012345678')).toHaveLength(1);
});

test('at 200%, in high contrast and low-screen mode every step stays usable', async ({ page }) => {
  await openPairedKiosk(page);
  await page.getByRole('button', { name: '200%' }).tap();
  await page.getByRole('button', { name: /고대비/ }).tap();
  await page.getByRole('button', { name: /현장 수강신청/ }).tap();
  await expectAccessible(page, 'signup 200% high contrast: courses');
  await screenshot(page, 'kiosk-signup-courses-200-hc');
  await page.getByRole('button', { name: new RegExp(TITLE) }).tap();
  const key = page.getByRole('group', { name: '한글 자판' }).getByRole('button', { name: 'ㅎ' });
  const box = await key.boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(88);
  expect(box!.height).toBeGreaterThanOrEqual(88);
  await expectAccessible(page, 'signup 200% high contrast: name');
  await screenshot(page, 'kiosk-signup-name-200-hc');

  await page.getByRole('button', { name: /낮은 화면/ }).tap();
  await tapKeys(page, '한글 자판', ['ㅇ', 'ㅣ']);
  // The shift key gives the double consonant once.
  await page.getByRole('button', { name: /^쌍자음/ }).tap();
  await tapKeys(page, '한글 자판', ['ㅆ', 'ㅡ', 'ㅁ']);
  await expect(page.getByTestId('signup-name')).toHaveText('이씀');
  const next = page.getByRole('button', { name: '다음' });
  await expect(next).toBeInViewport();
  // Everything fits without scrolling: the keyboard's last row sits above the buttons.
  const space = await page.getByRole('button', { name: '띄어쓰기' }).boundingBox();
  const back = await page.getByRole('button', { name: '이전' }).boundingBox();
  expect(space!.y + space!.height).toBeLessThanOrEqual(back!.y);
  await expectAccessible(page, 'signup 200% high contrast low-screen: name');
  await screenshot(page, 'kiosk-signup-name-200-hc-low');
  await next.tap();
  await typePhone(page, '01077770000');
  await next.tap();
  // The agree switch stays with the buttons, in reach without scrolling.
  await expect(page.getByRole('switch')).toBeInViewport();
  await expectAccessible(page, 'signup 200% high contrast low-screen: consent');
  await screenshot(page, 'kiosk-signup-consent-200-hc-low');
});

test('without the network it says signup needs it, and nothing is saved', async ({ page }) => {
  await openSignup(page);
  await chooseOwnCourse(page);
  await tapKeys(page, '한글 자판', ['ㅂ', 'ㅏ', 'ㄱ']);
  await page.getByRole('button', { name: '다음' }).tap();
  await typePhone(page, '01088880000');
  await page.getByRole('button', { name: '다음' }).tap();
  await page.getByRole('switch').tap();
  await page.getByRole('button', { name: '다음' }).tap();
  await page.context().setOffline(true);
  await expect(page.getByRole('alert').first()).toContainText('인터넷 연결이 필요합니다');
  await expect(page.getByRole('button', { name: '신청하기' })).toBeDisabled();
  await screenshot(page, 'kiosk-signup-offline');
  await page.context().setOffline(false);
  expect(await enrolmentsOf('+821088880000')).toEqual([]);
});
