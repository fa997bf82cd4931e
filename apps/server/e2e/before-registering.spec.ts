/**
 * What a resident can learn before registering, on a phone: how to reach the program and the way
 * to the Art Hall, the term's rules beside the form, the seat meter's meaning and past terms.
 */
import { existsSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, fixtures, queryDb, screenshot } from './support';

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

/** Sign-in codes texted to a number so far, oldest first. */
function textedCodes(e164: string): string[] {
  const file = fixtures().notificationsFile;
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { to: string; template: string; text: string })
    .filter((n) => n.to === e164 && n.template === 'one_time_code')
    .map((n) => /\b(\d{6})\b/.exec(n.text)![1]!);
}

/**
 * Gives the open test term and the check-in term (whose course 김서로 has a seat in) a limit of
 * two places and a 50% no-show rule while `run` runs, then takes them away again: the shared
 * fixture terms have no rules, and other tests count on that.
 */
async function withTermRules(run: () => Promise<void>) {
  const names = ['2026년 시험 기수', '2026년 체크인 기수'];
  const set = (limit: number | null, bar: number | null) =>
    queryDb(
      `update terms set per_resident_limit = ?, no_show_bar_percent = ? where name_ko in (?, ?)`,
      [limit, bar, ...names],
    );
  await set(2, 50);
  try {
    await run();
  } finally {
    await set(null, null);
  }
}

test("the term's rules are stated on the home page and beside the form, before any refusal", async ({
  page,
}) => {
  await withTermRules(async () => {
    await page.goto('/');
    const term = page.getByRole('region', { name: '2026년 시험 기수' });
    await expect(term.getByTestId('rule-limit')).toHaveText(
      '이번 기수에는 한 사람이 2개 강좌까지 신청할 수 있습니다. 대기 신청도 1개로 셉니다.',
    );
    await expect(term.getByTestId('rule-no-show')).toContainText('50% 이상을 결석하신 분은');
    await expectAccessible(page, 'home with the term rules');
    await screenshot(page, 'web-rules-home');

    await page.goto(`/courses/${fixtures().roomyCourseId}`);
    const register = page.locator('#register');
    await expect(register.getByTestId('rule-limit')).toContainText('2개 강좌까지');
    await expect(register.getByTestId('rule-no-show')).toBeVisible();
    // Said before the form, to someone nobody knows: no count, and no refusal yet.
    await expect(register.getByTestId('places-used')).toHaveCount(0);
    await expect(register.getByRole('alert')).toHaveCount(0);
    await expectAccessible(page, 'course with the term rules');
    await register.screenshot({ path: 'e2e-output/screens/web-rules-form.png' });

    await page.goto(`/en/courses/${fixtures().roomyCourseId}`);
    await expect(page.locator('#register').getByTestId('rule-limit')).toHaveText(
      'This term, each person may register for up to 2 courses. A place on a waiting list counts as one.',
    );
    await expectAccessible(page, 'course with the term rules (en)');
  });
});

test("a signed-in resident sees how many of the term's places they have used", async ({ page }) => {
  const phone = '010-7770-5678';
  const e164 = '+821077705678';
  await withTermRules(async () => {
    await page.goto('/my');
    const before = textedCodes(e164).length;
    await page.getByRole('textbox', { name: '휴대전화 번호', exact: true }).fill(phone);
    await page.getByRole('button', { name: '인증번호 받기' }).click();
    await expect.poll(() => textedCodes(e164).length, { timeout: 15_000 }).toBeGreaterThan(before);
    const code = textedCodes(e164).at(-1)!;
    await page.getByRole('textbox', { name: '인증번호 6자리', exact: true }).fill(code);
    await page.getByRole('button', { name: '확인하고 신청 내역 보기' }).click();
    await expect(page.getByText('김*로 님')).toBeVisible();

    await page.goto(`/courses/${fixtures().phoneCourseId}`);
    const used = page.locator('#register').getByTestId('places-used');
    await expect(used).toContainText('이번 기수 신청 2곳 중 1곳 사용');
    await expectAccessible(page, 'course with the places used');
    await page.locator('#register').screenshot({ path: 'e2e-output/screens/web-rules-used.png' });
    await page.goto(`/en/courses/${fixtures().phoneCourseId}`);
    await expect(page.locator('#register').getByTestId('places-used')).toContainText(
      'You have used 1 of your 2 places this term',
    );
    // Another term's course counts that term's places: none in the open test term.
    await page.goto(`/courses/${fixtures().roomyCourseId}`);
    await expect(page.locator('#register').getByTestId('places-used')).toContainText(
      '2곳 중 0곳 사용',
    );
  });
});

test('the seat meter fills the taken seats and says which square is which', async ({ page }) => {
  for (const [prefix, sentence, key] of [
    ['', /10석 중 (\d+)석 남음/, ['신청된 자리', '빈 자리']],
    ['/en', /(\d+) of 10 seats left/, ['Taken', 'Free']],
  ] as const) {
    await page.goto(`${prefix}/courses/${fixtures().roomyCourseId}`);
    const meter = page.locator('.facts .meter');
    const left = Number(sentence.exec((await meter.innerText()) ?? '')![1]);
    await expect(meter.locator('.seats-row .seat')).toHaveCount(10);
    await expect(meter.locator('.seats-row .seat.taken')).toHaveCount(10 - left);
    await expect(meter.getByRole('img')).toHaveAccessibleName(
      prefix
        ? `10 seats: ${10 - left} taken, ${left} free`
        : `자리 10석: 신청된 자리 ${10 - left}석, 빈 자리 ${left}석`,
    );
    for (const word of key) await expect(meter.locator('.legend')).toContainText(word);
    await expectAccessible(page, `seat meter ${prefix || '/'}`);
    await meter.screenshot({ path: `e2e-output/screens/web-seat-meter${prefix ? '-en' : ''}.png` });
  }
  await page.goto('/');
  const card = page.getByRole('listitem').filter({ hasText: '도자기 빚기' });
  await expect(card.getByRole('img', { name: /자리 2석/ })).toBeVisible();
  await card.screenshot({ path: 'e2e-output/screens/web-seat-meter-card.png' });
});

test('past terms are listed newest first, each with its courses, read-only', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: '지난 기수와 강좌 보기' }).click();
  await expect(page).toHaveURL(/\/terms$/);
  await expect(page.getByRole('heading', { level: 1, name: '지난 기수' })).toBeVisible();
  const items = page.locator('main li');
  // The statistics test's archived 2024 term is the oldest.
  await expect(items).toHaveText([
    /2025년 2기.*강좌 2개/s,
    /2025년 1기.*강좌 0개/s,
    /2024년 통계 기수.*강좌 2개/s,
  ]);
  await expect(page.getByText('2025년 준비 기수')).toHaveCount(0);
  await expectAccessible(page, 'past terms');
  await screenshot(page, 'web-past-terms');

  await page.getByRole('link', { name: /2025년 2기/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '2025년 2기' })).toBeVisible();
  await expect(page.getByText('이 기수는 끝났습니다')).toBeVisible();
  const cards = page.getByRole('article');
  await expect(cards).toHaveCount(2);
  await expect(cards.first()).toContainText('생활 목공');
  await expect(cards.first()).toContainText('지난 강좌');
  await expect(page.getByText('준비 중 강좌')).toHaveCount(0);
  // Read-only: no form, no seats.
  await expect(page.getByRole('button')).toHaveCount(0);
  await expect(page.locator('.seat')).toHaveCount(0);
  await expectAccessible(page, 'past term');
  await screenshot(page, 'web-past-term');

  // A past course's own page has no form either.
  await cards.first().getByRole('link', { name: '생활 목공' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '생활 목공' })).toBeVisible();
  await expect(page.locator('#register')).toContainText('이 기수는 끝났습니다');
  await expect(page.getByRole('button', { name: '수강 신청하기' })).toHaveCount(0);
  await expect(page.locator('#register').getByTestId('rule-limit')).toHaveCount(0);
  await expectAccessible(page, 'past course');

  await page.goto('/en/terms');
  await expect(page.getByRole('heading', { level: 1, name: 'Past terms' })).toBeVisible();
  await page.getByRole('link', { name: /2025 Session 2/ }).click();
  await expect(page.getByRole('article').first()).toContainText('Past course');
  await expectAccessible(page, 'past term (en)');

  // The footer leads there too; the open term's id is not an archive page.
  await page.goto('/privacy');
  await page.getByRole('contentinfo').getByRole('link', { name: '지난 기수' }).click();
  await expect(page).toHaveURL(/\/terms$/);
  const current = await page.request.get(
    `/terms/${encodeURIComponent((await openTermId()) ?? 'x')}`,
  );
  expect(current.status()).toBe(404);
});

async function openTermId() {
  const rows = await queryDb<{ id: string }>(`select id from terms where name_ko = ?`, [
    '2026년 시험 기수',
  ]);
  return rows[0]?.id;
}
