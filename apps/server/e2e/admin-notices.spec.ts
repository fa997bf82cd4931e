/**
 * Notices (공지) from the admin to the kiosk, as staff and residents live it: a staff member posts
 * one (a refused post first, which writes nothing); the paired kiosk shows it on its start screen
 * and in full on the notices screen, in Korean and English, at 200% text, in high contrast and in
 * low-screen mode; the staff member edits it and the kiosk shows the new text; removing it takes
 * it off the kiosk. Every change is in the audit log. A viewer sees the list but no way to change
 * it. axe-core on every screen.
 */
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_STAFF_EMAIL, DEMO_STAFF_NAME, DEMO_STAFF_PASSWORD } from '@seoro/db/seed';
import { addDays, kstDateOf } from '@seoro/domain';
import {
  addStaffAccount,
  expectAccessible,
  fillStaffSignIn,
  openPairedKiosk,
  queryDb,
  screenshot,
  signInAsStaff,
} from './support';

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1440, height: 900 }, locale: 'ko-KR' });

const KIOSK_VIEW = { viewport: { width: 1080, height: 1920 }, hasTouch: true, locale: 'ko-KR' };
const TAG = randomUUID().slice(0, 4);
const TEXT_KO = `[${TAG}] 용산아트홀 주차장이 이번 주 도색 공사로 닫습니다. 가까운 녹사평역(6호선) 등 대중교통을 이용해 주세요. 불편을 드려 죄송합니다.`;
const TEXT_EN = `[${TAG}] The Art Hall car park is closed this week for repainting. Please come by public transport.`;
const EDITED_KO = `[${TAG}] 캘리그라피 수업은 이번 주에 한해 제2강의실에서 합니다.`;
const VIEWER_EMAIL = `notices-viewer-${TAG}@seoroseoro.example`;

test.beforeAll(async () => {
  await addStaffAccount(DEMO_STAFF_EMAIL, DEMO_STAFF_NAME, 'admin');
  await addStaffAccount(VIEWER_EMAIL, '정열람', 'viewer');
});

async function kioskPage(
  browser: Browser,
  options: { reducedMotion?: 'reduce' } = {},
): Promise<Page> {
  const context = await browser.newContext({ ...KIOSK_VIEW, ...options });
  const page = await context.newPage();
  await openPairedKiosk(page);
  return page;
}

async function auditActions(): Promise<string[]> {
  const rows = await queryDb<{ action: string }>(
    `select a.action from audit_log a join notices n on n.id = a.subject_id
     where a.subject_type = 'notice' and n.body_ko like ? order by a.id`,
    [`[${TAG}]%`],
  );
  return rows.map((r) => r.action);
}

/** True when nothing in the element is cut off sideways (no text runs out of its box). */
async function fitsSideways(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .evaluateAll((nodes) =>
      nodes.every((n) => (n as HTMLElement).scrollWidth <= (n as HTMLElement).clientWidth + 1),
    );
}

test('a notice goes from the admin to the kiosk, is edited there and removed', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signInAsStaff(page);
  await page
    .getByRole('navigation', { name: '관리 메뉴' })
    .getByRole('link', { name: '공지', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '공지' })).toBeVisible();

  // The form starts from today to a week later (Korea time).
  const today = kstDateOf(new Date());
  const create = page.getByRole('form', { name: '새 공지 올리기' });
  await expect(create.getByLabel('게시 첫날')).toHaveValue(today);
  await expect(create.getByLabel('게시 마지막 날')).toHaveValue(addDays(today, 7));
  await expectAccessible(page, 'admin notices (ko)');

  // A last day before the first is refused in words, next to the form, and nothing is written.
  await create.getByLabel('공지 내용 (한국어)').fill(TEXT_KO);
  await create.getByLabel('공지 내용 (영어)').fill(TEXT_EN);
  await create.getByLabel('게시 마지막 날').fill(addDays(today, -1));
  await create.getByRole('button', { name: '공지 올리기' }).click();
  await expect(page.getByRole('alert').first()).toContainText(
    '게시 마지막 날은 첫날과 같거나 그 뒤여야 합니다.',
  );
  await expect(create.getByLabel('게시 마지막 날')).toHaveAttribute('aria-invalid', 'true');
  // What was typed is still there to correct.
  await expect(create.getByLabel('공지 내용 (한국어)')).toHaveValue(TEXT_KO);
  expect(await auditActions()).toEqual([]);
  expect(await queryDb('select id from notices where body_ko like ?', [`[${TAG}]%`])).toHaveLength(
    0,
  );

  await create.getByLabel('게시 마지막 날').fill(addDays(today, 7));
  await create.getByRole('button', { name: '공지 올리기' }).click();
  await expect(page.getByRole('status').first()).toContainText('공지를 올렸습니다.');
  // The form is ready for the next notice: empty, from today to a week later again.
  await expect(create.getByLabel('공지 내용 (한국어)')).toHaveValue('');
  await expect(create.getByLabel('게시 첫날')).toHaveValue(today);
  await expect(create.getByLabel('게시 마지막 날')).toHaveValue(addDays(today, 7));
  const row = page.getByRole('row').filter({ hasText: TEXT_KO });
  await expect(row).toContainText('게시 중');
  await expectAccessible(page, 'admin notices with a notice (ko)');
  await screenshot(page, 'admin-notices-ko');

  // The kiosk shows it on the start screen, under a 공지 heading, in its language.
  const kiosk = await kioskPage(browser);
  const panel = kiosk.getByRole('region', { name: '오늘의 공지' });
  await expect(panel.getByRole('heading', { name: '공지' })).toBeVisible();
  await expect(panel).toContainText(TEXT_KO);
  await expectAccessible(kiosk, 'kiosk start with a notice');
  await screenshot(kiosk, 'kiosk-notice-start');

  await kiosk.getByRole('button', { name: 'English' }).tap();
  const panelEn = kiosk.getByRole('region', { name: "Today's notices" });
  await expect(panelEn).toContainText(TEXT_EN);
  await expect(panelEn.getByRole('listitem').filter({ hasText: TEXT_EN })).toHaveAttribute(
    'lang',
    'en',
  );
  await expectAccessible(kiosk, 'kiosk start with a notice (en)');
  await screenshot(kiosk, 'kiosk-notice-start-en');
  await kiosk.getByRole('button', { name: '한국어' }).tap();

  // In full on its own screen, with its days.
  await panel.getByRole('button', { name: /^공지 전체 보기/ }).tap();
  await expect(kiosk.getByRole('heading', { level: 1, name: '오늘의 공지' })).toBeVisible();
  await expect(kiosk.getByText(TEXT_KO)).toBeVisible();
  await expect(kiosk.getByText(/게시 기간:/).first()).toBeVisible();
  await expectAccessible(kiosk, 'kiosk notices screen');
  await screenshot(kiosk, 'kiosk-notices-screen');
  await kiosk.getByRole('button', { name: '처음으로' }).tap();

  // 200% text and high contrast: the notice and its button are whole and within reach.
  await kiosk.getByRole('button', { name: '200%' }).tap();
  await kiosk.getByRole('button', { name: /고대비/ }).tap();
  await expect(kiosk.locator('html')).toHaveAttribute('data-text-scale', '2');
  await expect(kiosk.locator('html')).toHaveAttribute('data-contrast', 'high');
  await expect(panel).toContainText(TEXT_KO);
  const more = panel.getByRole('button', { name: /^공지 전체 보기/ });
  await expect(more).toBeInViewport({ ratio: 1 });
  const box = await more.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(64);
  expect(
    await fitsSideways(kiosk, '[aria-label="오늘의 공지"] li, [aria-label="오늘의 공지"] button'),
  ).toBe(true);
  await expectAccessible(kiosk, 'kiosk start with a notice, 200% high contrast');
  await screenshot(kiosk, 'kiosk-notice-start-200-contrast');

  // The full text at 200%: a notice this long fits whole, with its days.
  await more.tap();
  await expect(kiosk.getByText(TEXT_KO)).toBeInViewport({ ratio: 1 });
  expect(await fitsSideways(kiosk, 'article p')).toBe(true);
  await expect(kiosk.getByText(/게시 기간:/).first()).toBeInViewport();
  await expectAccessible(kiosk, 'kiosk notices screen, 200% high contrast');
  await screenshot(kiosk, 'kiosk-notices-screen-200-contrast');

  // Low-screen mode with 200% text: the heading and the button stay, the notice a tap away.
  await kiosk.getByRole('button', { name: '처음으로' }).tap();
  await kiosk.getByRole('button', { name: /낮은 화면/ }).tap();
  await expect(panel.getByRole('heading', { name: '공지' })).toBeVisible();
  await expect(kiosk.getByRole('heading', { name: '오늘의 강좌' })).toBeInViewport();
  await expect(panel.getByRole('button', { name: /^공지 전체 보기/ })).toBeInViewport({ ratio: 1 });
  await expectAccessible(kiosk, 'kiosk start with a notice, low screen');
  await screenshot(kiosk, 'kiosk-notice-start-low-200-contrast');

  // The English admin, with the notice listed.
  await page.goto('/en/admin/notices');
  await expect(page.getByRole('heading', { level: 1, name: 'Notices' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: TEXT_KO })).toContainText('Showing now');
  await expectAccessible(page, 'admin notices (en)');
  await screenshot(page, 'admin-notices-en');
  await page.goto('/admin/notices');

  // Edit: the kiosk shows the new text once its start screen loads again.
  await row.getByRole('button', { name: /^수정: / }).click();
  const edit = page.getByRole('dialog', { name: '공지 수정' });
  await expect(edit.getByLabel('공지 내용 (한국어)')).toHaveValue(TEXT_KO);
  await expectAccessible(page, 'admin notice edit dialog');
  await edit.getByLabel('공지 내용 (한국어)').fill(EDITED_KO);
  await edit.getByLabel('공지 내용 (영어)').fill('');
  await edit.getByRole('button', { name: '저장' }).click();
  await expect(page.getByRole('status').first()).toContainText('공지를 고쳤습니다.');
  await expect(page.getByRole('row').filter({ hasText: EDITED_KO })).toContainText('영어 없음');

  await kiosk.reload();
  await expect(panel).toContainText(EDITED_KO);
  await expect(panel).not.toContainText(TEXT_KO);
  // No English any more: the English kiosk shows the Korean, marked as Korean.
  await kiosk.getByRole('button', { name: 'English' }).tap();
  await expect(panelEn.getByRole('listitem').filter({ hasText: EDITED_KO })).toHaveAttribute(
    'lang',
    'ko',
  );
  await kiosk.getByRole('button', { name: '한국어' }).tap();

  // Remove, after a dialog that says what it does.
  const edited = page.getByRole('row').filter({ hasText: EDITED_KO });
  await edited.getByRole('button', { name: /^삭제: / }).click();
  const remove = page.getByRole('dialog', { name: '이 공지를 삭제할까요?' });
  await expect(remove).toContainText('키오스크에서 바로 내려가며 되돌릴 수 없습니다.');
  await expectAccessible(page, 'admin notice remove dialog');
  await remove.getByRole('button', { name: '공지 삭제' }).click();
  await expect(page.getByRole('status').first()).toContainText('공지를 삭제했습니다.');
  await expect(page.getByRole('row').filter({ hasText: EDITED_KO })).toHaveCount(0);

  await kiosk.reload();
  await expect(kiosk.getByRole('heading', { name: '오늘의 강좌' })).toBeVisible();
  await expect(kiosk.getByRole('region', { name: '오늘의 공지' })).toHaveCount(0);

  expect(await auditActions()).toEqual(['notice.create', 'notice.update', 'notice.remove']);
  const [kept] = await queryDb<{ removed_at: number | null }>(
    'select removed_at from notices where body_ko = ?',
    [EDITED_KO],
  );
  expect(kept?.removed_at).not.toBeNull();
  await kiosk.context().close();
});

test('a viewer sees the notices but cannot change them', async ({ page }) => {
  await queryDb(
    `insert into notices (id, body_ko, body_en, show_from, show_until, created_at, updated_at)
     values (?, ?, '', ?, ?, ?, ?)`,
    [
      randomUUID(),
      `[${TAG}] 보기 전용 확인용 공지`,
      // Scheduled for next week, so no kiosk shows it.
      addDays(kstDateOf(new Date()), 7),
      addDays(kstDateOf(new Date()), 8),
      Date.now(),
      Date.now(),
    ],
  );
  await page.goto('/admin/sign-in');
  await fillStaffSignIn(page, VIEWER_EMAIL, DEMO_STAFF_PASSWORD);
  await expect(page).toHaveURL(/\/admin$/, { timeout: 15_000 });
  await page.goto('/admin/notices');
  const row = page.getByRole('row').filter({ hasText: `[${TAG}] 보기 전용 확인용 공지` });
  await expect(row).toContainText('게시 예정');
  await expect(
    page.getByText('보기 권한으로는 목록만 볼 수 있습니다.', { exact: false }),
  ).toBeVisible();
  await expect(page.getByRole('form', { name: '새 공지 올리기' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^(수정|삭제): / })).toHaveCount(0);
  await expectAccessible(page, 'admin notices as a viewer');
});

test('long notices at 200% in low-screen mode are read to the end with Up and Down', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const today = kstDateOf(new Date());
  const long = (n: number) =>
    `[${TAG}] 긴 공지 ${n}: ` + '용산아트홀 제3강의실 수업 안내입니다. '.repeat(12).slice(0, 270);
  const ids = [randomUUID(), randomUUID()];
  for (const [i, id] of ids.entries()) {
    await queryDb(
      `insert into notices (id, body_ko, body_en, show_from, show_until, created_at, updated_at)
       values (?, ?, '', ?, ?, ?, ?)`,
      [id, long(i + 1), today, today, Date.now() + i, Date.now() + i],
    );
  }
  try {
    // Without smooth scrolling each tap lands at once, so the buttons' state can be read after it.
    const kiosk = await kioskPage(browser, { reducedMotion: 'reduce' });
    await kiosk.getByRole('button', { name: '200%' }).tap();
    await kiosk.getByRole('button', { name: /낮은 화면/ }).tap();
    // Enlarged, the tile drops its hint: its name is the label alone.
    await kiosk.getByRole('button', { name: '공지', exact: true }).tap();
    await expect(kiosk.getByRole('heading', { level: 1, name: '오늘의 공지' })).toBeVisible();
    const paging = kiosk.getByRole('group', { name: '화면 넘기기' });
    const up = paging.getByRole('button', { name: '위로' });
    const down = paging.getByRole('button', { name: '아래로' });
    await expect(down).toBeEnabled();
    await expect(up).toBeDisabled();
    for (const button of [up, down]) {
      const box = await button.boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(88);
    }
    expect(await fitsSideways(kiosk, 'article p')).toBe(true);
    await expectAccessible(kiosk, 'kiosk long notices, 200% low screen');
    await screenshot(kiosk, 'kiosk-notices-long-200-low');
    for (let i = 0; i < 20 && (await down.isEnabled()); i++) {
      await down.tap();
      await kiosk.waitForTimeout(250);
    }
    await expect(down).toBeDisabled();
    await expect(up).toBeEnabled();
    // The older notice, last in the list, is read to its last line.
    await expect(kiosk.getByText(/게시 기간:/).last()).toBeInViewport({ ratio: 1 });
    await screenshot(kiosk, 'kiosk-notices-long-200-low-end');
    await up.tap();
    await expect(down).toBeEnabled();
    await kiosk.context().close();
  } finally {
    await queryDb(`update notices set removed_at = ? where id in (?, ?)`, [Date.now(), ...ids]);
  }
});
