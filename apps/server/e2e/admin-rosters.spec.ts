/**
 * The rosters section at a desktop's 1440×900, as a member of staff uses it: the course table, a
 * resident's online registration appearing in the roster (each read audited), registering by
 * phone, moving someone to the head of the waitlist, revealing a phone number with a reason, and a
 * larger capacity that confirms the person waiting.
 */
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_STAFF_EMAIL, DEMO_STAFF_NAME } from '@seoro/db/seed';
import {
  expectAccessible,
  fixtures,
  queryDb,
  screenshot,
  addStaffAccount,
  signInAsStaff,
} from './support';

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1440, height: 900 } });

/** A one-seat course of the fixtures' open term, made for this file alone. */
const courseId = randomUUID();
const TITLE = '명단 시험 강좌';

/** The demo account, as the other admin tests make it (an administrator may do all a staff member may). */
test.beforeAll(async () => {
  await addStaffAccount(DEMO_STAFF_EMAIL, DEMO_STAFF_NAME, 'admin');
  await addStaffAccount(VIEWER_EMAIL, '정열람', 'viewer');
  // A copy of the fixtures' roomy course with its own id, title and one seat.
  const columns = (await queryDb<{ name: string }>('pragma table_info(courses)')).map(
    (c) => c.name,
  );
  const values = columns.map((c) =>
    c === 'id' || c === 'title_ko' || c === 'title_en' ? '?' : c === 'capacity' ? '1' : c,
  );
  const args = columns.flatMap((c) =>
    c === 'id' ? [courseId] : c === 'title_ko' ? [TITLE] : c === 'title_en' ? ['Roster test'] : [],
  );
  await queryDb(
    `insert into courses (${columns.join(', ')}) select ${values.join(', ')} from courses where id = ?`,
    [...args, fixtures().roomyCourseId],
  );
});

/**
 * The texts this file's changes queued (a promotion among them) are its own: other files count the
 * outbox's promotions across the shared test database, so they leave with it.
 */
test.afterAll(async () => {
  await queryDb(`delete from outbox where json_extract(payload, '$.courseId') = ?`, [courseId]);
});

/** A view-only account: it may read rosters, and nothing else here. */
const VIEWER_EMAIL = 'viewer-rosters@seoroseoro.example';

const signIn = (page: Page, email = DEMO_STAFF_EMAIL) => signInAsStaff(page, email);

test('an online registration shows in the roster; staff register, move, reveal and add a seat', async ({
  page,
}) => {
  // A resident registers on the public site.
  await page.goto(`/courses/${courseId}`);
  await page.getByLabel('이름').fill('김민수');
  await page.getByLabel('휴대전화 번호').fill('010-3141-5926');
  await page.getByLabel(/개인정보 수집·이용에 동의합니다/).check();
  await page.getByRole('button', { name: '수강 신청하기' }).click();
  await expect(page).toHaveURL(/\/registrations\/[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  await signIn(page);
  await page
    .getByRole('navigation', { name: '관리 메뉴' })
    .getByRole('link', { name: '강좌' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '강좌' })).toBeVisible();
  const courseRow = page.getByRole('row').filter({ hasText: TITLE });
  await expect(courseRow).toContainText('1 / 1');
  await expectAccessible(page, 'admin: courses');
  await screenshot(page, 'admin-rosters-1-courses');

  await courseRow.getByRole('link', { name: TITLE }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/courses/${courseId}/roster$`));
  const confirmed = page.getByRole('region', { name: /확정된 수강생/ });
  const kim = confirmed.getByRole('row').filter({ hasText: '김민수' });
  await expect(kim).toContainText('010-****-5926');
  await expect(kim).toContainText('온라인');
  await expect(kim).toContainText(/\d+월\s\d+일.?\([월화수목금토일]\)/);

  // Two residents who called are registered by staff: the course is full, so both wait.
  for (const [name, phone] of [
    ['이영희', '010-2718-2818'],
    ['박철수', '010-1618-0339'],
  ] as const) {
    await page.getByLabel('이름', { exact: true }).fill(name);
    await page.getByLabel('휴대전화 번호', { exact: true }).fill(phone);
    await page.getByLabel(/개인정보 수집·이용 안내를 듣고 동의했습니다/).check();
    await page.getByRole('button', { name: '접수하기' }).click();
    await expect(page.getByRole('status')).toContainText('대기');
  }
  const waitlist = page.getByRole('region', { name: /대기자/ });
  await expect(waitlist.getByRole('row').nth(1)).toContainText('이영희');
  await expect(waitlist.getByRole('row').nth(2)).toContainText('박철수');
  await expect(waitlist.getByRole('row').nth(2)).toContainText('직원 접수');
  await expectAccessible(page, 'admin: roster');
  await screenshot(page, 'admin-rosters-2-roster');

  // 박철수 goes to the head of the waitlist, with a reason.
  await page.getByRole('button', { name: '박철수 님 대기 순서 옮기기' }).click();
  const move = page.getByRole('dialog', { name: '박철수 님의 대기 순서를 옮깁니다' });
  await expect(move).toBeVisible();
  await expect(move.getByLabel('옮길 순서')).toHaveValue('1');
  await expectAccessible(page, 'admin: roster, move dialog');
  await screenshot(page, 'admin-rosters-3-move-dialog');
  await move.getByLabel('사유 (필수)').fill('지난 기수 폐강으로 우선 배정');
  await move.getByRole('button', { name: '사유를 남기고 옮기기' }).click();
  await expect(page.getByRole('status')).toContainText('박*수 님을 대기 1번으로 옮겼습니다.');
  await expect(move).toBeHidden();
  await expect(waitlist.getByRole('row').nth(1)).toContainText('박철수');

  // The whole number of 김민수, with a reason, in that row only.
  await page.getByRole('button', { name: '김민수 님 전화번호 보기' }).click();
  const reveal = page.getByRole('dialog', { name: '김민수 님의 전화번호 전체를 봅니다' });
  await expect(reveal).toContainText('기록에 남습니다');
  await reveal.getByLabel('사유 (필수)').fill('결석 안내 전화');
  await reveal.getByRole('button', { name: '사유를 남기고 번호 보기' }).click();
  await expect(page.getByRole('status')).toContainText('김*수 님의 전화번호를 표시했습니다');
  await expect(kim).toContainText('010-3141-5926');
  await expect(page.getByText('010-2718-2818')).toHaveCount(0);
  await expectAccessible(page, 'admin: roster, phone revealed');
  await screenshot(page, 'admin-rosters-4-revealed');

  // One more seat: the head of the waitlist (박철수) is confirmed.
  await page.getByLabel('정원 (명)').fill('2');
  await page.getByRole('button', { name: '정원 바꾸기' }).click();
  await expect(page.getByRole('status')).toContainText(
    '정원을 2명으로 바꿨습니다. 대기자 1명이 확정으로 바뀌었습니다.',
  );
  await expect(confirmed.getByRole('row').filter({ hasText: '박철수' })).toBeVisible();
  await screenshot(page, 'admin-rosters-5-capacity');

  // Search by the last four digits, kept in the address.
  await page.getByLabel('이름 또는 전화번호 끝 4자리').fill('2818');
  await page.getByRole('button', { name: '찾기' }).click();
  await expect(page).toHaveURL(/\?q=2818&status=live$/);
  await expect(page.getByRole('row').filter({ hasText: '이영희' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '김민수' })).toHaveCount(0);
  await expectAccessible(page, 'admin: roster, searched');

  // Every read and the reveal are in the audit log, with the reason.
  const reads = await queryDb<{ n: number }>(
    `select count(*) as n from audit_log where action = 'roster.read' and subject_id = ?`,
    [courseId],
  );
  expect(Number(reads[0]?.n)).toBeGreaterThanOrEqual(5);
  const reveals = await queryDb<{ detail: string }>(
    `select detail from audit_log where action = 'resident.phone_reveal'`,
  );
  expect(reveals.map((r) => JSON.parse(r.detail).reason)).toContain('결석 안내 전화');
});

test("staff cancel on a resident's behalf with a reason; a viewer reads without controls", async ({
  page,
  context,
}) => {
  await signIn(page);
  await page.goto(`/admin/courses/${courseId}/roster`);
  await page.getByRole('button', { name: '이영희 님 신청 취소' }).click();
  const cancel = page.getByRole('dialog', { name: '이영희 님의 신청을 취소합니다' });
  await expect(cancel).toContainText('되돌릴 수 없고');
  await expectAccessible(page, 'admin: roster, cancel dialog');
  await screenshot(page, 'admin-rosters-6-cancel-dialog');
  await cancel.getByLabel('사유 (필수)').fill('본인이 전화로 취소 요청');
  await cancel.getByRole('button', { name: '사유를 남기고 취소하기' }).click();
  await expect(page.getByRole('status')).toContainText('이*희 님의 신청을 취소했습니다.');
  await expect(page.getByRole('row').filter({ hasText: '이영희' })).toHaveCount(0);
  await page.getByLabel('상태').selectOption('cancelled');
  await page.getByRole('button', { name: '찾기' }).click();
  await expect(page).toHaveURL(/status=cancelled/);
  await expect(page.getByRole('row').filter({ hasText: '이영희' })).toBeVisible();

  await context.clearCookies();
  await signIn(page, VIEWER_EMAIL);
  await page.goto(`/admin/courses/${courseId}/roster`);
  await expect(page.getByText('열람 전용 계정은 명단을 볼 수만 있습니다')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '김민수' })).toContainText('010-****-5926');
  await expect(
    page.getByRole('button', { name: /전화번호 보기|신청 취소|순서 옮기기/ }),
  ).toHaveCount(0);
  await expect(page.getByRole('button', { name: '접수하기' })).toHaveCount(0);
  await expectAccessible(page, 'admin: roster as a viewer');
  await screenshot(page, 'admin-rosters-7-viewer');
});
