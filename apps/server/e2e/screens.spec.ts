/**
 * The remaining screens, driven as a person would and checked with axe: the privacy notice, the
 * not-found pages, the kiosk in English, its accessibility modes and the idle warning.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, fixtures, openPairedKiosk, queryDb, screenshot } from './support';

test('the privacy notice states purpose, items, retention and rights', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: '개인정보 처리방침' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  for (const text of ['수강 신청 확인', '이름, 휴대전화 번호', '1년']) {
    await expect(page.getByText(text).first()).toBeVisible();
  }
  await expectAccessible(page, 'privacy');
});

test('an unknown course or code gets a friendly page in the right language', async ({ page }) => {
  const missing = await page.goto('/courses/no-such-course');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('Error:');
  await expectAccessible(page, 'course not found');
  const code = await page.goto('/en/registrations/ZZZZ-ZZZZ');
  expect(code?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page, 'code not found (en)');
  await screenshot(page, 'web-not-found-en');
});

test('a cancelled course is marked in the list and its page says so instead of a form', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  const card = page.getByRole('listitem').filter({ hasText: '우쿨렐레 합주' });
  await expect(card).toContainText('폐강');
  await card.getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`/courses/${fixtures().cancelledCourseId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('우쿨렐레 합주');
  await expect(page.getByText('이 강좌는 폐강되었습니다')).toBeVisible();
  await expect(page.getByRole('button', { name: '수강 신청하기' })).toHaveCount(0);
  // No seat squares that would read as "10 seats free"; the sentence says it is closed.
  await expect(page.locator('.seat')).toHaveCount(0);
  await expect(page.getByText('폐강되어 신청을 받지 않습니다')).toBeVisible();
  await expectAccessible(page, 'cancelled course');
  await screenshot(page, 'web-course-cancelled');
  await page.goto(`/en/courses/${fixtures().cancelledCourseId}`);
  await expect(page.getByText(/cancelled/i).first()).toBeVisible();
  await expect(page.getByRole('button', { name: /register/i })).toHaveCount(0);
  await expectAccessible(page, 'cancelled course (en)');
});

test('the course page in English on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/en/courses/${fixtures().roomyCourseId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Neighbourhood Photo Walks');
  await expect(page.getByRole('button', { name: /register/i })).toBeVisible();
  await expectAccessible(page, 'course (en)');
});

test('a lottery draw is published and anyone can re-run it', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/courses/${fixtures().lotteryCourseId}`);
  await page.getByRole('link', { name: '추첨 결과와 확인 방법 보기' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '추첨 결과 공개' })).toBeVisible();
  const winners = (await page.getByTestId('winners').innerText())
    .split(',')
    .map((s) => Number(s.trim()));
  expect(winners).toHaveLength(2);
  await expect(page.getByRole('cell', { name: '5', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '이 브라우저에서 다시 계산하기' }).click();
  await expect(page.getByText('다시 계산한 결과가 공개된 결과와 같습니다.')).toBeVisible();
  await expectAccessible(page, 'lottery page');
  await screenshot(page, 'web-lottery');
  const confirmed = await queryDb<{ n: number }>(
    "select count(*) as n from enrolments where course_id = ? and status = 'confirmed'",
    [fixtures().lotteryCourseId],
  );
  expect(Number(confirmed[0]!.n)).toBe(2);
});

declare global {
  interface Window {
    /** What the kiosk asked the browser to say, recorded by the voice guidance test. */
    said?: Array<{ text: string; lang: string }>;
  }
}

test.describe('kiosk', () => {
  test.use({ viewport: { width: 1080, height: 1920 } });

  test('switches to English and back with one tap', async ({ page }) => {
    await openPairedKiosk(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: "Today's classes" })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectAccessible(page, 'kiosk (en)');
    await screenshot(page, 'kiosk-start-en');
    await page.getByRole('button', { name: '한국어' }).click();
    await expect(page.getByRole('heading', { name: '오늘의 강좌' })).toBeVisible();
  });

  test('text at 200%, low-screen mode and high contrast stay usable and accessible', async ({
    page,
  }) => {
    await openPairedKiosk(page);
    await page.getByRole('button', { name: '200%' }).click();
    await expect(page.getByRole('button', { name: '200%' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await page.getByRole('button', { name: /낮은 화면/ }).click();
    await page.getByRole('button', { name: /고대비/ }).click();
    await expect(page.getByRole('button', { name: /고대비/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expectAccessible(page, 'kiosk 200% low-screen high-contrast');
    await screenshot(page, 'kiosk-a11y-modes');
    // The check-in still works at 200% in low-screen mode: keys are large and every one reachable.
    await page.getByRole('button', { name: /출석 체크인/ }).click();
    const keypad = page.getByRole('group', { name: '확인 코드 입력 키패드' });
    for (const key of ['1', 'Z', 'A']) {
      const button = keypad.getByRole('button', { name: key, exact: true });
      await button.click();
      const box = await button.boundingBox();
      expect(box!.width).toBeGreaterThanOrEqual(44);
      expect(box!.height).toBeGreaterThanOrEqual(44);
    }
    await expect(page.getByText('3자 / 8자 입력')).toBeVisible();
    await screenshot(page, 'kiosk-keypad-200');
  });

  test('voice guidance speaks in the chosen language, says it again and stops', async ({
    page,
  }) => {
    // Listens to what the kiosk hands the browser's speech synthesis (the audio itself is silent).
    await page.addInitScript(() => {
      const said: Array<{ text: string; lang: string }> = [];
      window.said = said;
      const speak = speechSynthesis.speak.bind(speechSynthesis);
      speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
        said.push({ text: u.text, lang: u.lang });
        speak(u);
      };
    });
    await openPairedKiosk(page);
    const said = () => page.evaluate(() => window.said?.length ?? 0);
    await page.getByRole('button', { name: /음성 안내/ }).click();
    const controls = page.getByRole('group', { name: '음성 안내 조작' });
    await expect(controls).toBeVisible();
    for (const name of ['다시 듣기', '멈추기']) {
      const box = await controls.getByRole('button', { name }).boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(64);
    }
    await expect.poll(said).toBeGreaterThan(0);
    const before = await said();
    await controls.getByRole('button', { name: '다시 듣기' }).click();
    await expect.poll(said).toBe(before + 1);
    await controls.getByRole('button', { name: '멈추기' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.evaluate(() => window.said?.at(-1)?.lang)).toBe('en-US');
    await expectAccessible(page, 'kiosk voice controls');
  });

  test('the idle warning stays accessible at 200% in high contrast', async ({ page }) => {
    await page.clock.install();
    await openPairedKiosk(page);
    await page.getByRole('button', { name: '200%' }).click();
    await page.getByRole('button', { name: /고대비/ }).click();
    await page.getByRole('button', { name: /출석 체크인/ }).click();
    await page.clock.runFor(61_000);
    const dialog = page.getByRole('dialog', { name: '화면이 곧 처음으로 돌아갑니다' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: '계속하기' })).toBeInViewport({ ratio: 1 });
    await expectAccessible(page, 'kiosk idle warning at 200% in high contrast');
    await screenshot(page, 'kiosk-idle-200-contrast');
  });

  test('warns 20 seconds before returning to the start, and can be extended', async ({ page }) => {
    await page.clock.install();
    await openPairedKiosk(page);
    await page.getByRole('button', { name: /출석 체크인/ }).click();
    const keypad = page.getByRole('group', { name: '확인 코드 입력 키패드' });
    await keypad.getByRole('button', { name: '7', exact: true }).click();
    await page.clock.runFor(61_000);
    const dialog = page.getByRole('dialog', { name: '화면이 곧 처음으로 돌아갑니다' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('초');
    await expectAccessible(page, 'kiosk idle warning');
    await screenshot(page, 'kiosk-idle');
    await dialog.getByRole('button', { name: '계속하기' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { name: '출석 체크인' })).toBeVisible();
    // Left alone again: the warning comes back and, unanswered, the kiosk resets.
    await page.clock.runFor(61_000);
    await expect(dialog).toBeVisible();
    await page.clock.runFor(21_000);
    await expect(page.getByRole('heading', { name: '오늘의 강좌' })).toBeVisible();
  });
});
