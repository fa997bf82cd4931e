/**
 * On a slow connection a person starts typing before the page's script has arrived. What they
 * typed must still be there when the script takes over (Svelte's hydration writes each field's
 * value into the page). The script is held back here until the typing is done.
 */
import { expect, test, type Page } from '@playwright/test';
import { fixtures } from './support';

/** Holds every script of the app until `release()` is called. */
async function holdScripts(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_app/immutable/**/*.js', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Hydration has finished once the root layout has mounted (it marks `<html>`). */
async function waitForHydration(page: Page) {
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

test('a registration typed before the script arrived survives hydration', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const release = await holdScripts(page);
  await page.goto(`/courses/${fixtures().roomyCourseId}`, { waitUntil: 'domcontentloaded' });
  await page.getByLabel('이름').fill('김느림');
  await page.getByLabel('휴대전화 번호').fill('010-4321-8765');
  await page.getByLabel(/개인정보 수집·이용에 동의합니다/).check();
  release();
  await waitForHydration(page);
  await expect(page.getByLabel('이름')).toHaveValue('김느림');
  await expect(page.getByLabel('휴대전화 번호')).toHaveValue('010-4321-8765');
  await expect(page.getByLabel(/개인정보 수집·이용에 동의합니다/)).toBeChecked();
});

test('the staff sign-in keeps an email typed before the script arrived', async ({ page }) => {
  const release = await holdScripts(page);
  await page.goto('/admin/sign-in', { waitUntil: 'domcontentloaded' });
  await page.getByLabel('이메일', { exact: true }).fill('early@seoroseoro.example');
  release();
  await waitForHydration(page);
  await expect(page.getByLabel('이메일', { exact: true })).toHaveValue('early@seoroseoro.example');
});
