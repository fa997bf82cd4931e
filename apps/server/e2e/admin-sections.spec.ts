/**
 * Every section of the admin, in both languages, reached with the keyboard alone: from each page
 * the next section's link is found by Tab and opened by Enter. Each page is checked with axe, and
 * the English admin has no Korean in its headings, labels, buttons and column heads (names and
 * course titles in the data may be Korean). The sections are read from the navigation itself, so
 * a section added later is walked without touching this file.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_STAFF_EMAIL, DEMO_STAFF_NAME, DEMO_STAFF_PASSWORD } from '@seoro/db/seed';
import { addStaffAccount, expectAccessible, fillStaffSignIn, screenshot } from './support';

test.use({ viewport: { width: 1440, height: 900 } });

test.beforeAll(async () => {
  await addStaffAccount(DEMO_STAFF_EMAIL, DEMO_STAFF_NAME, 'admin');
});

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;

/** The admin's section links, in menu order, as the navigation shows them. */
async function sections(page: Page): Promise<Array<{ name: string; href: string }>> {
  const nav = page.getByRole('navigation', { name: /관리 메뉴|Admin sections/ });
  const links = nav.getByRole('link');
  const out: Array<{ name: string; href: string }> = [];
  for (const link of await links.all()) {
    out.push({
      name: (await link.innerText()).trim(),
      href: (await link.getAttribute('href')) ?? '',
    });
  }
  return out;
}

/** Presses Tab until the link to `href` has the focus, then Enter; fails after 60 presses. */
async function openByKeyboard(page: Page, href: string) {
  await page.locator('body').focus();
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    if (focused === href) {
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === href);
      return;
    }
  }
  throw new Error(`${href} is not reachable with Tab`);
}

/** Visible text of the page's headings, labels, buttons, column heads and the navigation. */
async function interfaceTexts(page: Page): Promise<string[]> {
  return page
    .locator('h1, h2, h3, label, button, thead th, th[scope=col], nav a, legend, summary')
    .evaluateAll((nodes) =>
      nodes
        .filter((n) => (n as HTMLElement).offsetParent !== null)
        .map((n) => (n as HTMLElement).innerText.trim())
        .filter(Boolean),
    );
}

for (const locale of ['ko', 'en'] as const) {
  test(`every admin section opens by keyboard and passes axe (${locale})`, async ({ page }) => {
    const prefix = locale === 'en' ? '/en' : '';
    await page.goto(`${prefix}/admin/sign-in`);
    await fillStaffSignIn(page, DEMO_STAFF_EMAIL, DEMO_STAFF_PASSWORD, locale === 'en');
    await expect(page).toHaveURL(new RegExp(`${prefix}/admin$`));

    const all = await sections(page);
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const section of all) {
      await openByKeyboard(page, section.href);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('link', { name: section.name, exact: true })).toHaveAttribute(
        'aria-current',
        'page',
      );
      await expectAccessible(page, `admin ${section.href}`);
      if (locale === 'en') {
        const korean = (await interfaceTexts(page)).filter((text) => HANGUL.test(text));
        // The language switch names Korean in Korean, as it should.
        expect(
          korean.filter((text) => text !== '한국어'),
          `Korean words on ${section.href}`,
        ).toEqual([]);
      }
      await screenshot(page, `admin-section-${locale}-${section.href.replace(/\W+/g, '-')}`);
    }
  });
}
