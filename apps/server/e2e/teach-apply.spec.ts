/**
 * Applying to teach, end to end: a resident reads /teach on a phone, signs in with a texted code
 * (the same steps as "my registrations"), is refused without accepting the exclusions, applies;
 * staff ask for changes; the resident edits and resubmits; staff preview and approve into a term,
 * and the draft course is in the admin's course list with its meetings. Each step texts the
 * applicant.
 */
import { existsSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_STAFF_EMAIL, DEMO_STAFF_NAME } from '@seoro/db/seed';
import {
  addStaffAccount,
  expectAccessible,
  fixtures,
  queryDb,
  screenshot,
  signInAsStaff,
  watchCsp,
} from './support';

test.describe.configure({ mode: 'serial' });

const { phone: PHONE, termId: TERM_ID } = fixtures().teach;
const E164 = `+82${PHONE.replace(/-/g, '').slice(1)}`;
const PHONE_VIEWPORT = { width: 390, height: 844 };
const TITLE = '처음 배우는 우쿨렐레';

type Text = { to: string; template: string; text: string };
function texts(): Text[] {
  const file = fixtures().notificationsFile;
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Text)
    .filter((n) => n.to === E164);
}
const templates = () => texts().map((t) => t.template);

async function signIn(page: Page) {
  const before = texts().filter((t) => t.template === 'one_time_code').length;
  await page.getByRole('textbox', { name: '휴대전화 번호', exact: true }).fill(PHONE);
  await page.getByRole('button', { name: '인증번호 받기' }).click();
  await expect(page.getByRole('heading', { name: '2. 인증번호 입력' })).toBeVisible();
  await expect
    .poll(() => texts().filter((t) => t.template === 'one_time_code').length, { timeout: 15_000 })
    .toBeGreaterThan(before);
  const code = /\b(\d{6})\b/.exec(
    texts()
      .filter((t) => t.template === 'one_time_code')
      .at(-1)!.text,
  )![1]!;
  await page.getByRole('textbox', { name: '인증번호 6자리', exact: true }).fill(code);
  await page.getByRole('button', { name: '확인하고 계속하기' }).click();
}

test.beforeAll(async () => {
  await addStaffAccount(DEMO_STAFF_EMAIL, DEMO_STAFF_NAME, 'admin');
});

const applicationRows = () =>
  queryDb<{ id: string; status: string; meeting_count: number; course_id: string | null }>(
    `select a.id, a.status, a.meeting_count, a.course_id from instructor_applications a
     join residents r on r.id = a.resident_id where r.phone_e164 = ?`,
    [E164],
  );

test('a resident applies, staff ask for changes, the resident resubmits, staff approve', async ({
  page,
  browser,
}) => {
  // Two people, many pages, and Argon2 for the staff sign-in on a busy machine.
  test.setTimeout(180_000);
  const csp = watchCsp(page);
  await page.setViewportSize(PHONE_VIEWPORT);

  // The landing: what teaching means and what cannot be taught.
  await page.goto('/teach');
  await expect(
    page.getByRole('heading', { level: 1, name: '서로서로학교에서 가르치기' }),
  ).toBeVisible();
  await expect(page.getByText('특정 종교를 알리거나 권하는 내용')).toBeVisible();
  await expect(page.getByRole('link', { name: '배우고 싶은 것 목록 보기' })).toHaveAttribute(
    'href',
    '/wishes',
  );
  await expectAccessible(page, 'teach: landing');
  await screenshot(page, 'teach-apply-1-landing');

  await page.getByRole('link', { name: '강사 신청하기' }).click();
  await expect(page).toHaveURL(/\/teach\/apply$/);
  await signIn(page);
  await expect(page.getByRole('heading', { level: 1, name: '강사 신청서' })).toBeVisible();

  // Everything but the exclusions: refused beside that box, nothing saved.
  await page.getByRole('textbox', { name: '강좌 이름', exact: true }).fill(TITLE);
  await page
    .getByRole('textbox', { name: '강좌 소개', exact: true })
    .fill('네 줄 악기로 동요와 가요를 함께 연주합니다.');
  await page
    .getByRole('textbox', { name: '무엇을 가르치나요', exact: true })
    .fill('코드 잡기, 스트로크, 합주');
  await page.getByRole('combobox', { name: '회차' }).selectOption('6');
  await page.getByRole('combobox', { name: '희망 요일' }).selectOption('4');
  await page.getByRole('combobox', { name: '희망 시작 시간' }).selectOption('10:00');
  await page.getByRole('combobox', { name: '한 번 수업 시간' }).selectOption('90');
  await page.getByRole('combobox', { name: '정원' }).selectOption('8');
  await page.getByRole('textbox', { name: '재료비 (원)', exact: true }).fill('0');
  await page.getByRole('textbox', { name: '이름', exact: true }).fill('한가르침');
  await page.getByRole('textbox', { name: '경험', exact: true }).fill('동네 합주단 5년');
  await page.getByRole('checkbox', { name: '용산구에 살거나 용산구에서 일합니다.' }).check();
  await expectAccessible(page, 'teach: form');
  await page.getByRole('button', { name: '신청서 내기' }).click();
  const exclusions = page.getByRole('checkbox', { name: /정당·종교·영리 목적의 내용을/ });
  await expect(exclusions).toHaveAttribute('aria-invalid', 'true');
  await expect(
    page.getByText('정당·종교·영리 목적의 내용은 가르칠 수 없습니다. 동의하시면'),
  ).toBeVisible();
  await expect(page.getByRole('textbox', { name: '강좌 이름', exact: true })).toHaveValue(TITLE);
  expect(await applicationRows()).toHaveLength(0);
  await expectAccessible(page, 'teach: form refused');
  await screenshot(page, 'teach-apply-2-refused');

  await exclusions.check();
  await page.getByRole('button', { name: '신청서 내기' }).click();
  await expect(page).toHaveURL(/\/teach\/my\?sent=/);
  await expect(page.getByText('강사 신청서를 받았습니다')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: TITLE })).toBeVisible();
  await expect(page.getByText('검토 중', { exact: true })).toBeVisible();
  expect(await applicationRows()).toHaveLength(1);
  await expect.poll(templates, { timeout: 15_000 }).toContain('application_received');
  await expectAccessible(page, 'teach: my applications');
  await screenshot(page, 'teach-apply');

  // Staff, at a desk.
  const staffContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const staff = await staffContext.newPage();
  await signInAsStaff(staff);
  await staff.goto('/admin/applications');
  await expect(staff.getByRole('heading', { level: 1, name: '강사 신청' })).toBeVisible();
  await expectAccessible(staff, 'admin: applications');
  await screenshot(staff, 'teach-apply-admin-list');
  await staff.getByRole('link', { name: TITLE }).click();
  await expect(staff.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(staff.getByText(`010-****-${PHONE.slice(-4)}`)).toBeVisible();
  await expectAccessible(staff, 'admin: application detail');
  await staff
    .getByRole('textbox', { name: '무엇을 고쳐야 하나요 (필수)' })
    .fill('회차를 8회로 늘려 주세요.');
  await staff.getByRole('button', { name: '수정 요청 보내기' }).click();
  await expect(staff.getByText('수정을 요청하고 신청자에게 알렸습니다.')).toBeVisible();
  await expect.poll(templates, { timeout: 15_000 }).toContain('application_changes_requested');

  // The resident sees the request, edits and resubmits.
  await page.goto('/teach/my');
  await expect(page.getByText('수정 요청', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('회차를 8회로 늘려 주세요.')).toBeVisible();
  await page.getByRole('link', { name: '고쳐서 다시 제출하기' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '강사 신청서 고치기' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: '강좌 이름', exact: true })).toHaveValue(TITLE);
  await page.getByRole('combobox', { name: '회차' }).selectOption('8');
  await page.getByRole('button', { name: '다시 제출하기' }).click();
  await expect(page).toHaveURL(/\/teach\/my\?resent=/);
  expect((await applicationRows())[0]).toMatchObject({ status: 'submitted', meeting_count: 8 });

  // Staff preview the term's slot and approve.
  await staff.reload();
  await staff.getByRole('combobox', { name: '기수' }).selectOption(TERM_ID);
  await staff.getByRole('button', { name: '일정 미리 보기' }).click();
  await expect(staff.getByRole('heading', { name: '2027년 1기에 넣으면' })).toBeVisible();
  await expect(staff.getByText(/매주 목요일/)).toBeVisible();
  await screenshot(staff, 'teach-apply-admin-preview');
  await staff.getByRole('button', { name: '이 일정으로 승인하기' }).click();
  await expect(staff.getByText(/승인했습니다\. 2027년 1기에 강좌와 회차 8개/)).toBeVisible();
  await expect(staff.getByRole('link', { name: '강좌 편집 열기' })).toBeVisible();
  const [approved] = await applicationRows();
  expect(approved?.status).toBe('accepted');
  const meetings = await queryDb<{ n: number }>(
    'select count(*) as n from meetings where course_id = ?',
    [approved!.course_id],
  );
  expect(Number(meetings[0]?.n)).toBe(8);
  await expect.poll(templates, { timeout: 15_000 }).toContain('application_accepted');
  expect(texts().find((t) => t.template === 'application_accepted')?.text).toContain('2027년 1기');

  // The draft course in the admin's course list for that term.
  await staff.goto(`/admin/courses?term=${TERM_ID}`);
  await expect(staff.getByRole('link', { name: TITLE }).first()).toBeVisible();

  // The resident sees the decision.
  await page.goto('/teach/my');
  await expect(page.getByText('승인', { exact: true }).first()).toBeVisible();
  expect(csp).toEqual([]);
  await staffContext.close();

  // Text at 200% and in forced (high-contrast) colours: the form still fits the phone's width.
  await page.emulateMedia({ forcedColors: 'active' });
  for (const path of ['/teach', '/teach/apply', '/teach/my']) {
    await page.goto(path);
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    await screenshot(page, `teach-apply-200-contrast${path.replaceAll('/', '-')}`);
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth)
        .map((el) => `${el.tagName}.${el.className}`)
        .slice(0, 5),
    );
    expect(wide, path).toEqual([]);
  }
});
