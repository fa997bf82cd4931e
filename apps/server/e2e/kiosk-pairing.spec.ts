/**
 * A kiosk and its device token, as staff and the kiosk live it: a fresh kiosk asks for staff and
 * refuses to work; staff add it in the admin and make a code; the code typed on the kiosk's own
 * keys pairs it, and it shows only the plugins staff chose; revoking it in the admin sends it back
 * to the pairing screen within a minute. The one-step pairing address is tried too.
 */
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_STAFF_EMAIL, DEMO_STAFF_NAME } from '@seoro/db/seed';
import {
  CODE_PATTERN,
  KIOSK_TOKEN_KEY,
  addStaffAccount,
  expectAccessible,
  queryDb,
  screenshot,
  signInAsStaff,
} from './support';

test.describe.configure({ mode: 'serial' });

const KIOSK_VIEW = { viewport: { width: 1080, height: 1920 }, hasTouch: true, locale: 'ko-KR' };

async function staffPage(browser: Browser): Promise<Page> {
  await addStaffAccount(DEMO_STAFF_EMAIL, DEMO_STAFF_NAME, 'admin');
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInAsStaff(page);
  await page.goto('/admin/kiosks');
  return page;
}

/** Adds a kiosk in the admin with check-in only, and returns a fresh pairing code for it. */
async function addKioskWithCode(staff: Page, name: string): Promise<string> {
  const create = staff.getByRole('form', { name: '키오스크 추가' });
  await create.getByLabel('이름').fill(name);
  await create.getByLabel('강의실').selectOption({ index: 1 });
  await create.getByRole('button', { name: '추가하기' }).click();
  await expect(staff.getByRole('status')).toContainText(`‘${name}’ 키오스크를 추가했습니다`);
  const row = staff.getByRole('row').filter({ hasText: name });
  await row.getByRole('button', { name: `${name}의 연결 코드 만들기` }).click();
  const pairing = staff.getByRole('region', { name: `${name}의 연결 코드` });
  const code = (await pairing.locator('[data-code]').getAttribute('data-code')) ?? '';
  expect(code).toMatch(CODE_PATTERN);
  return code;
}

async function tapCode(kiosk: Page, code: string) {
  const keys = kiosk.getByRole('group', { name: '연결 코드 입력 키' });
  for (const symbol of code.replace('-', '')) {
    await keys.getByRole('button', { name: symbol, exact: true }).tap();
  }
}

test('pairing with a code from the admin, then revoking, stops the kiosk', async ({ browser }) => {
  const name = `시험 키오스크 ${randomUUID().slice(0, 4)}`;
  const staff = await staffPage(browser);
  const code = await addKioskWithCode(staff, name);

  const kiosk = await (await browser.newContext(KIOSK_VIEW)).newPage();
  await kiosk.clock.install();
  await kiosk.goto('/kiosk/');
  await expect(kiosk.getByRole('heading', { name: '키오스크 연결이 필요합니다' })).toBeVisible();
  await expect(kiosk.getByText('담당자에게 이 키오스크의 연결을 요청해 주세요.')).toBeVisible();
  // Nothing works without the token: the plain API refuses, and no tile is offered.
  expect((await kiosk.request.get('/trpc/checkin.today')).status()).toBe(401);
  await expect(kiosk.getByRole('button', { name: /출석 체크인/ })).toHaveCount(0);
  await expectAccessible(kiosk, 'kiosk: unpaired');
  await screenshot(kiosk, 'kiosk-pair-0-unpaired');
  // Staff may need large text too: the pairing screen at 200% and in high contrast.
  await kiosk.getByRole('button', { name: '200%' }).tap();
  await kiosk.getByRole('button', { name: /고대비/ }).tap();
  await expectAccessible(kiosk, 'kiosk: unpaired at 200% in high contrast');
  await screenshot(kiosk, 'kiosk-pair-0-unpaired-200-contrast');
  await kiosk.getByRole('button', { name: '100%' }).tap();
  await kiosk.getByRole('button', { name: /고대비/ }).tap();

  // A wrong code is refused in plain words and pairs nothing.
  await tapCode(kiosk, 'ZZZZ-ZZZZ');
  await kiosk.getByRole('button', { name: '연결하기' }).tap();
  await expect(kiosk.getByRole('status').filter({ hasText: '코드' })).toBeVisible();
  expect(await kiosk.evaluate((key) => localStorage.getItem(key), KIOSK_TOKEN_KEY)).toBeNull();

  // The right code, typed on the kiosk's own keys.
  await kiosk.getByLabel('연결 코드 (8자리)').fill('');
  await tapCode(kiosk, code);
  await kiosk.getByRole('button', { name: '연결하기' }).tap();
  await expect(kiosk.getByRole('heading', { name: '오늘의 강좌' })).toBeVisible();
  // Only what staff enabled: check-in, nothing else.
  const menu = kiosk.locator('.tiles');
  await expect(menu.getByRole('button')).toHaveCount(1);
  await expect(menu.getByRole('button', { name: /출석 체크인/ })).toBeVisible();
  const token = await kiosk.evaluate((key) => localStorage.getItem(key), KIOSK_TOKEN_KEY);
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const [paired] = await queryDb<{ paired_at: number | null; last_seen_at: number | null }>(
    `select paired_at, last_seen_at from kiosks where name = ?`,
    [name],
  );
  expect(paired?.paired_at).not.toBeNull();
  expect(paired?.last_seen_at).not.toBeNull();
  await expectAccessible(kiosk, 'kiosk: paired');

  // Staff revoke it. Within a minute (the next heartbeat) the kiosk is back to asking.
  await staff.reload();
  const row = staff.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('연결됨');
  await expect(row).toContainText('대기 중인 출석 없음');
  await row.getByRole('button', { name: `${name} 연결 해지` }).click();
  const revoke = staff.getByRole('dialog', { name: `‘${name}’ 연결 해지` });
  await revoke.getByLabel('사유').fill('기기 분실');
  await revoke.getByRole('button', { name: '해지하기' }).click();
  await expect(row).toContainText('해지됨');
  expect(
    (
      await kiosk.request.get('/trpc/kiosk.device', {
        headers: { 'x-seoro-kiosk-token': token ?? '' },
      })
    ).status(),
  ).toBe(401);
  await kiosk.clock.runFor(31_000);
  await expect(kiosk.getByRole('heading', { name: '키오스크 연결이 필요합니다' })).toBeVisible();
  await expect(kiosk.getByRole('alert')).toContainText('연결이 해제되었습니다');
  expect(await kiosk.evaluate((key) => localStorage.getItem(key), KIOSK_TOKEN_KEY)).toBeNull();
  await screenshot(kiosk, 'kiosk-pair-1-revoked');
});

test('the one-step pairing address pairs the kiosk and leaves no code behind', async ({
  browser,
}) => {
  const name = `주소 연결 ${randomUUID().slice(0, 4)}`;
  const staff = await staffPage(browser);
  const code = await addKioskWithCode(staff, name);
  const kiosk = await (await browser.newContext(KIOSK_VIEW)).newPage();
  await kiosk.goto(`/kiosk/#pair=${code}`);
  await expect(kiosk.getByRole('heading', { name: '오늘의 강좌' })).toBeVisible();
  expect(new URL(kiosk.url()).hash).toBe('');
  // A code works once: the same address on another device pairs nothing.
  const other = await (await browser.newContext(KIOSK_VIEW)).newPage();
  await other.goto(`/kiosk/#pair=${code}`);
  await expect(other.getByRole('heading', { name: '키오스크 연결이 필요합니다' })).toBeVisible();
  await expect(other.getByRole('status').filter({ hasText: '코드' })).toBeVisible();
});
