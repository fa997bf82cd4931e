/**
 * Wishes (배우고 싶어요) as residents and staff live them: a wish written on the web shows in the
 * list by topic (a phone number in it is refused first, and nothing is written); a wish left at
 * the paired kiosk by tapping (topic, on-screen keyboard) shows on the staff page; staff see how
 * many past learners would be invited for the topic, send the texts, and the opt-out link in a
 * text works. axe-core on every screen, the kiosk also at 200% text and in high contrast.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_STAFF_EMAIL, DEMO_STAFF_NAME } from '@seoro/db/seed';
import {
  addStaffAccount,
  expectAccessible,
  fixtures,
  openPairedKiosk,
  queryDb,
  screenshot,
  signInAsStaff,
  watchCsp,
} from './support';

test.describe.configure({ mode: 'serial' });

const KIOSK_VIEW = { viewport: { width: 1080, height: 1920 }, hasTouch: true, locale: 'ko-KR' };
const PHONE_VIEW = { viewport: { width: 390, height: 844 }, locale: 'ko-KR' };
const TAG = randomUUID().slice(0, 4);
const WEB_WISH = `발효빵 굽기 ${TAG}`;

test.beforeAll(async () => {
  await addStaffAccount(DEMO_STAFF_EMAIL, DEMO_STAFF_NAME, 'admin');
});

function teachTexts(): { to: string; text: string }[] {
  return readFileSync(fixtures().notificationsFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { to: string; template: string; text: string })
    .filter((n) => n.template === 'teach_invitation');
}

async function kioskPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext(KIOSK_VIEW);
  const page = await context.newPage();
  await openPairedKiosk(page);
  return page;
}

test('a wish from the web shows in the list by topic; a phone number is refused', async ({
  browser,
}) => {
  const context = await browser.newContext(PHONE_VIEW);
  const page = await context.newPage();
  const csp = watchCsp(page);
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: '배우고 싶어요' }).click();
  await expect(page).toHaveURL(/\/wishes$/);
  await expect(page.getByRole('heading', { level: 1, name: '배우고 싶어요' })).toBeVisible();
  await expect(page.getByRole('link', { name: /가르쳐 보고 싶다면/ })).toHaveAttribute(
    'href',
    '/teach',
  );
  await expectAccessible(page, 'web wishes');

  await page.getByLabel('주제').selectOption({ label: '요리' });
  await page.getByLabel('무엇을 배우고 싶으세요?').fill(`${WEB_WISH} 010-1234-5678`);
  await page.getByRole('button', { name: '남기기' }).click();
  await expect(page.getByRole('alert').first()).toContainText('전화번호처럼 보이는 숫자');
  await expect(page.getByLabel('무엇을 배우고 싶으세요?')).toHaveAttribute('aria-invalid', 'true');
  expect(await queryDb('select id from wishes where text like ?', [`%${TAG}%`])).toHaveLength(0);
  await expectAccessible(page, 'web wishes refused');

  await page.getByLabel('무엇을 배우고 싶으세요?').fill(WEB_WISH);
  await page.getByRole('button', { name: '남기기' }).click();
  await expect(page.getByRole('status').first()).toContainText('‘요리’에 바람을 남겼습니다');
  const cooking = page.locator('[data-topic="cooking"]');
  await expect(cooking.getByRole('heading', { name: /요리/ })).toContainText('건');
  await expect(cooking).toContainText(WEB_WISH);
  await expectAccessible(page, 'web wishes added');
  await screenshot(page, 'web-wishes');

  await page.goto('/en/wishes');
  await expect(page.getByRole('heading', { level: 1, name: 'I wish to learn' })).toBeVisible();
  await expect(page.locator('[data-topic="cooking"]')).toContainText(WEB_WISH);
  await expect(page.getByRole('link', { name: /Want to teach this\?/ })).toHaveAttribute(
    'href',
    '/en/teach',
  );
  await expectAccessible(page, 'web wishes (en)');
  expect(csp).toEqual([]);
  await context.close();

  // Without JavaScript the form posts all the same.
  const plain = await browser.newContext({ ...PHONE_VIEW, javaScriptEnabled: false });
  const noJs = await plain.newPage();
  await noJs.goto('/wishes');
  await noJs.getByLabel('주제').selectOption({ label: '음악' });
  await noJs.getByLabel('무엇을 배우고 싶으세요?').fill(`해금 입문 ${TAG}`);
  await noJs.getByRole('button', { name: '남기기' }).click();
  await expect(noJs.locator('[data-topic="music"]')).toContainText(`해금 입문 ${TAG}`);
  await plain.close();
});

test('a wish left at the kiosk shows on the staff page', async ({ browser, page }) => {
  test.setTimeout(90_000);
  const kiosk = await kioskPage(browser);
  await kiosk.getByRole('button', { name: /^배우고 싶어요/ }).tap();
  await expect(
    kiosk.getByRole('heading', { level: 1, name: '무엇을 배우고 싶으세요?' }),
  ).toBeVisible();
  await expectAccessible(kiosk, 'kiosk wishes topics');
  await screenshot(kiosk, 'kiosk-wishes-topics');
  // At 200% text, and in low-screen mode, every topic button is whole and can be reached.
  const html = kiosk.locator('html');
  for (const [name, value] of [
    ['data-text-scale', '2'],
    ['data-low-screen', 'true'],
  ] as const) {
    await html.evaluate((el, [n, v]) => el.setAttribute(n!, v!), [name, value]);
    const fits = await kiosk
      .locator('.topic')
      .evaluateAll((nodes) =>
        nodes.every(
          (n) => n.scrollWidth <= n.clientWidth + 1 && n.scrollHeight <= n.clientHeight + 1,
        ),
      );
    expect(fits, `topics fit with ${name}`).toBe(true);
    await expectAccessible(kiosk, `kiosk wishes topics, ${name}`);
    await screenshot(kiosk, `kiosk-wishes-topics-${name}`);
  }
  await html.evaluate((el) => {
    el.setAttribute('data-text-scale', '1');
    el.removeAttribute('data-low-screen');
  });
  await kiosk.getByRole('button', { name: '건강·운동', exact: true }).tap();
  await expect(kiosk.getByRole('heading', { level: 1 })).toContainText('건강·운동');
  // 요가 on the 두벌식 keys.
  for (const key of ['ㅇ', 'ㅛ', 'ㄱ', 'ㅏ']) {
    await kiosk.getByRole('button', { name: key, exact: true }).tap();
  }
  await expect(kiosk.getByTestId('wish-text')).toContainText('요가');
  await expectAccessible(kiosk, 'kiosk wishes typing');
  await screenshot(kiosk, 'kiosk-wishes-typing');

  await kiosk.evaluate(() => document.documentElement.setAttribute('data-text-scale', '2'));
  await expectAccessible(kiosk, 'kiosk wishes typing at 200%');
  // Too tall at 200%: Down (a tap, no swipe) brings the last button into view.
  const back = kiosk.getByRole('button', { name: '주제 다시 고르기' });
  await expect(back).not.toBeInViewport({ ratio: 0.99 });
  const paging = kiosk.getByRole('group', { name: '화면 넘기기' });
  for (
    let i = 0;
    i < 4 && !(await paging.getByRole('button', { name: '아래로' }).isDisabled());
    i++
  ) {
    await paging.getByRole('button', { name: '아래로' }).tap();
    await kiosk.waitForTimeout(600);
  }
  await expect(back).toBeInViewport();
  await expect(kiosk.getByTestId('wish-text')).toContainText('요가');
  await screenshot(kiosk, 'kiosk-wishes-typing-200');
  await kiosk.evaluate(() => document.documentElement.setAttribute('data-text-scale', '1'));

  await kiosk.getByRole('button', { name: '보내기', exact: true }).tap();
  await expect(kiosk.getByRole('heading', { level: 1 })).toContainText('고맙습니다');
  await expect(kiosk.getByRole('img', { name: '강사 신청 페이지로 가는 QR 코드' })).toBeVisible();
  await expect(kiosk.getByText('가르치고 싶으세요? 휴대폰으로 신청하세요')).toBeVisible();
  await expectAccessible(kiosk, 'kiosk wishes thanks');
  await screenshot(kiosk, 'kiosk-wishes');
  await kiosk.evaluate(() => document.documentElement.setAttribute('data-text-scale', '2'));
  await expectAccessible(kiosk, 'kiosk wishes thanks at 200%');
  await screenshot(kiosk, 'kiosk-wishes-200');
  await kiosk.evaluate(() => document.documentElement.setAttribute('data-contrast', 'high'));
  await expectAccessible(kiosk, 'kiosk wishes thanks, high contrast');
  await screenshot(kiosk, 'kiosk-wishes-contrast');
  await kiosk.evaluate(() => {
    document.documentElement.setAttribute('data-text-scale', '1');
    document.documentElement.removeAttribute('data-contrast');
  });

  // Just the topic, typed nothing.
  await kiosk.getByRole('button', { name: '하나 더 남기기' }).tap();
  await kiosk.getByRole('button', { name: '디지털', exact: true }).tap();
  await kiosk.getByRole('button', { name: '적지 않고 주제만 보내기' }).tap();
  await expect(kiosk.getByRole('heading', { level: 1 })).toContainText(
    '‘디지털’ 바람을 받았습니다',
  );
  const rows = await queryDb<{ topic: string; text: string; source: string }>(
    "select topic, text, source from wishes where source = 'kiosk' order by created_at desc limit 2",
  );
  expect(rows).toEqual([
    { topic: 'digital', text: '', source: 'kiosk' },
    { topic: 'health', text: '요가', source: 'kiosk' },
  ]);

  await signInAsStaff(page);
  await page
    .getByRole('navigation', { name: '관리 메뉴' })
    .getByRole('link', { name: '배우고 싶어요', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '배우고 싶어요' })).toBeVisible();
  const health = page.locator('[data-topic="health"]');
  await expect(health).toContainText('요가');
  await expect(health).toContainText('키오스크');
  await expectAccessible(page, 'admin wishes');
  await screenshot(page, 'admin-wishes');
});

test('staff invite past learners for a topic; the opt-out link in the text works', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const teacher = fixtures().wishes.teacherPhone;
  await signInAsStaff(page);
  await page.goto('/admin/wishes');
  const cooking = page.locator('[data-topic="cooking"]');
  await cooking.getByRole('link', { name: '이 주제로 가르쳐 보도록 초대하기' }).click();
  const preview = page.getByTestId('invite-preview');
  await expect(
    preview.getByRole('heading', { name: '‘요리’ 가르쳐 보도록 초대하기' }),
  ).toBeVisible();
  await expect(preview).toContainText(/\d+명에게 보냅니다/);
  await preview.getByText('받는 사람 보기').click();
  await expect(preview.getByRole('listitem').filter({ hasText: '강*르' })).toBeVisible();
  await expectAccessible(page, 'admin wishes invite preview');
  await screenshot(page, 'admin-wishes-invite');
  const before = teachTexts().length;
  await preview.getByRole('button', { name: /초대 문자 보내기/ }).click();
  await expect(page.getByRole('status').first()).toContainText('‘요리’ 초대 문자를');

  // The text goes out through the outbox; wait for the sender.
  await expect.poll(() => teachTexts().filter((t) => t.to === teacher).length).toBe(1);
  expect(teachTexts().length).toBeGreaterThan(before);
  const text = teachTexts().find((t) => t.to === teacher)!.text;
  expect(text).toContain('요리');
  expect(text).toMatch(/\/teach /);
  const audit = await queryDb<{ action: string }>(
    "select action from audit_log where action = 'wishes.invite'",
  );
  expect(audit.length).toBeGreaterThan(0);

  // The second time, nobody is left for the topic.
  await page.goto('/admin/wishes?invite=cooking');
  await expect(page.getByTestId('invite-preview')).toContainText('지금 초대할 사람이 없습니다.');

  // The opt-out link: a wrong token is refused and changes nothing; the right one opts out.
  const link = /https?:\/\/\S+?(\/teach\/opt-out\/\S+)/.exec(text)![1]!;
  await page.goto(`${link.slice(0, -2)}xx`);
  await page.getByRole('button', { name: '초대 문자 그만 받기' }).click();
  await expect(page.getByRole('alert').first()).toContainText('이 링크는 올바르지 않습니다');
  const [still] = await queryDb<{ at: number | null }>(
    'select teach_invites_opt_out_at as at from residents where phone_e164 = ?',
    [teacher],
  );
  expect(still!.at).toBeNull();

  await page.goto(link);
  await expect(
    page.getByRole('heading', { level: 1, name: '강사 초대 문자 그만 받기' }),
  ).toBeVisible();
  await expectAccessible(page, 'teach opt-out');
  await page.getByRole('button', { name: '초대 문자 그만 받기' }).click();
  await expect(page.getByRole('status').first()).toContainText(
    '앞으로 강사 초대 문자를 보내지 않습니다',
  );
  await expectAccessible(page, 'teach opt-out done');
  await screenshot(page, 'teach-opt-out');
  const [after] = await queryDb<{ at: number | null }>(
    'select teach_invites_opt_out_at as at from residents where phone_e164 = ?',
    [teacher],
  );
  expect(after!.at).not.toBeNull();

  // Opted out: another topic's invitation does not reach them.
  await page.goto('/admin/wishes?invite=health');
  await expect(page.getByTestId('invite-preview')).not.toContainText('강*르');
});
