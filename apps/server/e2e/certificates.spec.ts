/**
 * Completion certificates: a learner who finished a course signs in at "my registrations", opens
 * the certificate, prints it on one A4 page and downloads the PDF; anyone checks it through the
 * address printed under its QR code (masked name only); a forged code is "not found". The
 * course's instructor sees it in their teaching record.
 */
import { readFileSync, existsSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { expectAccessible, fixtures, screenshot, watchCsp } from './support';

test.describe.configure({ mode: 'serial' });

const PHONE_VIEWPORT = { width: 390, height: 844 };
const e164 = (phone: string) => `+82${phone.replace(/-/g, '').slice(1)}`;

function textedCodes(phone: string): string[] {
  const file = fixtures().notificationsFile;
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { to: string; template: string; text: string })
    .filter((n) => n.to === e164(phone) && n.template === 'one_time_code')
    .map((n) => /\b(\d{6})\b/.exec(n.text)![1]!);
}

async function signIn(page: Page, phone: string) {
  await page.goto('/my');
  const before = textedCodes(phone).length;
  await page.getByRole('textbox', { name: '휴대전화 번호', exact: true }).fill(phone);
  await page.getByRole('button', { name: '인증번호 받기' }).click();
  await expect.poll(() => textedCodes(phone).length, { timeout: 15_000 }).toBeGreaterThan(before);
  const code = textedCodes(phone).at(-1)!;
  await page.getByRole('textbox', { name: '인증번호 6자리', exact: true }).fill(code);
  await page.getByRole('button', { name: '확인하고 신청 내역 보기' }).click();
  await expect(page.getByRole('button', { name: '로그아웃' })).toBeVisible();
}

let verifyUrl = '';

test('a learner opens, prints and downloads their certificate', async ({ page }) => {
  const csp = watchCsp(page);
  const { learnerPhone, courseTitle } = fixtures().certificates;
  await page.setViewportSize(PHONE_VIEWPORT);
  await signIn(page, learnerPhone);

  const section = page.getByRole('region', { name: '수료증' });
  await expect(section).toContainText(courseTitle);
  await expectAccessible(page, 'my: certificates');
  await section.getByRole('link', { name: `수료증 보기: ${courseTitle}` }).click();

  await expect(page.getByRole('heading', { level: 1, name: '수료증' })).toBeVisible();
  const sheet = page.locator('#certificate');
  await expect(sheet).toContainText('김수료');
  await expect(sheet).toContainText(courseTitle);
  await expect(sheet).toContainText('2025년 수료 기수');
  await expect(sheet).toContainText('전체 5회 중 4회 출석');
  await expect(sheet).toContainText('용산구 서로서로학교');
  const response = await page.request.get(page.url());
  expect(response.headers()['cache-control']).toBe('private, no-store');
  await expectAccessible(page, 'certificate page');
  await page.setViewportSize({ width: 900, height: 1300 });
  await screenshot(page, 'certificate');

  // On paper: one A4 page, no site navigation.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('button', { name: '인쇄하기' })).toBeHidden();
  const printed = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  const printedPdf = await getDocumentProxy(new Uint8Array(printed));
  expect(printedPdf.numPages).toBe(1);
  await page.emulateMedia({ media: 'screen' });

  // The PDF download: its text read back.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'PDF로 내려받기' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^수료증_.+\.pdf$/);
  const bytes = readFileSync((await download.path())!);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), {
    mergePages: true,
  });
  for (const expected of [
    '수료증',
    '김수료',
    courseTitle,
    '2025년 수료 기수',
    '용산구 서로서로학교',
  ]) {
    expect(text).toContain(expected);
  }

  verifyUrl = (await sheet.getByRole('link', { name: /\/certificates\// }).getAttribute('href'))!;
  expect(text).toContain(verifyUrl);
  expect(csp).toEqual([]);
});

test('the printed address verifies the certificate with the masked name only', async ({ page }) => {
  await page.setViewportSize(PHONE_VIEWPORT);
  const response = await page.goto(verifyUrl);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: '확인되었습니다' })).toBeVisible();
  await expect(page.locator('main')).toContainText('김*료');
  await expect(page.locator('main')).not.toContainText('김수료');
  await expect(page.locator('main')).toContainText(fixtures().certificates.courseTitle);
  await expectAccessible(page, 'certificate verified');
  await screenshot(page, 'certificate-verified');

  const code = verifyUrl.split('/').at(-1)!;
  const forged = `${code.startsWith('Z') ? 'Y' : 'Z'}${code.slice(1)}`;
  const missing = await page.goto(`/en/certificates/${forged}`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
  await expectAccessible(page, 'certificate not found');
});

test("the instructor's teaching record lists the course; others get a sentence", async ({
  page,
}) => {
  const { teacherPhone, learnerPhone, courseTitle } = fixtures().certificates;
  await page.setViewportSize(PHONE_VIEWPORT);
  await signIn(page, teacherPhone);
  await page.goto('/instructor/record');
  await expect(page.getByRole('heading', { level: 1, name: '강의 이력' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(courseTitle) });
  await expect(row).toContainText('5/5회');
  await expect(row).toContainText('1명');
  await expectAccessible(page, 'teaching record');
  await screenshot(page, 'teaching-record');
  await page.emulateMedia({ media: 'print' });
  const printed = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  expect((await getDocumentProxy(new Uint8Array(printed))).numPages).toBe(1);
  await page.emulateMedia({ media: 'screen' });

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'PDF로 내려받기' }).click();
  const bytes = readFileSync((await (await downloading).path())!);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), {
    mergePages: true,
  });
  expect(text).toContain(courseTitle);

  await page.context().clearCookies();
  await signIn(page, learnerPhone);
  await page.goto('/instructor/record');
  await expect(page.getByText('강의 이력은 주민강사로 등록된 분만')).toBeVisible();
});
