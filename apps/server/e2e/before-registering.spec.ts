/**
 * What a resident can learn before registering, on a phone: how to reach the program and the way
 * to the Art Hall, the term's rules beside the form, the seat meter's meaning and past terms.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, fixtures, screenshot } from './support';

test.use({ viewport: { width: 390, height: 844 } });

async function expectContactBlock(page: Page, lang: 'ko' | 'en') {
  const block = page.locator('#contact');
  const heading = lang === 'ko' ? '문의·오시는 길' : 'Contact and directions';
  await expect(block.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  const phone = block.getByRole('link', {
    name: lang === 'ko' ? '02-2199-7142 (전화 걸기)' : '02-2199-7142 (call)',
  });
  await expect(phone).toHaveAttribute('href', 'tel:0221997142');
  const map = block.getByRole('link', { name: lang === 'ko' ? /새 창/ : /new tab/ });
  await expect(map).toHaveAttribute('target', '_blank');
  await expect(map).toHaveAttribute('href', /^https:\/\/map\.naver\.com\//);
  const expected =
    lang === 'ko'
      ? [
          '평일 09:00–18:00',
          '녹사평대로 150',
          '녹사평역 2번 출구',
          '용산구청 정류장',
          '엘리베이터',
          '2시간 무료',
        ]
      : [
          'Weekdays 9 am–6 pm',
          '150 Noksapyeong-daero',
          'exit 2',
          'Yongsan-gu Office stop',
          'lift',
          '2 hours free',
        ];
  for (const text of expected) await expect(block).toContainText(text);
  // Nothing in the block runs off a phone's screen.
  const box = await block.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
}

test('the contact block is on the home page, a course page and the privacy notice', async ({
  page,
}) => {
  const course = `/courses/${fixtures().roomyCourseId}`;
  for (const [lang, prefix] of [
    ['ko', ''],
    ['en', '/en'],
  ] as const) {
    for (const path of ['/', course, '/privacy']) {
      await page.goto(prefix + (path === '/' && prefix ? '' : path) || '/');
      await expectContactBlock(page, lang);
      await expectAccessible(page, `contact block on ${prefix}${path}`);
    }
  }
  // The footer's link leads to the page's own block.
  await page.goto('/privacy');
  await page.getByRole('link', { name: '전화번호와 오시는 길' }).click();
  await expect(page).toHaveURL(/#contact$/);
  await page.goto('/');
  await screenshot(page, 'web-contact');
  await page.locator('#contact').screenshot({ path: 'e2e-output/screens/web-contact-block.png' });
  await page.goto('/en/privacy');
  await page
    .locator('#contact')
    .screenshot({ path: 'e2e-output/screens/web-contact-block-en.png' });
});
