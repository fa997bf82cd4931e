/**
 * Kiosks, staff accounts and the dashboard's flagged courses at a desktop's 1440×900, as an
 * administrator does it: add a kiosk, make its pairing code (shown once with its expiry), revoke
 * it with a reason; add a staff account with a generated password and change its role; lower the
 * minimum of a flagged course; then find each of those in the audit log. axe-core on every screen.
 */
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_STAFF_EMAIL, DEMO_STAFF_NAME } from '@seoro/db/seed';
import {
  CODE_PATTERN,
  expectAccessible,
  queryDb,
  screenshot,
  watchCsp,
  addStaffAccount,
  signInAsStaff,
} from './support';

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1440, height: 900 }, locale: 'ko-KR' });

const KIOSK = `로비 키오스크 ${randomUUID().slice(0, 4)}`;
const NEW_EMAIL = `kiosk-spec-${randomUUID().slice(0, 8)}@seoroseoro.example`;
const NEW_NAME = '정새내';
const FLAGGED_TITLE = '미달 테스트 강좌';

test.beforeAll(async () => {
  await addStaffAccount(DEMO_STAFF_EMAIL, DEMO_STAFF_NAME, 'admin');
  // A term whose window closed yesterday, with a course flagged below its minimum.
  const [room] = await queryDb<{ id: string }>(`select id from rooms limit 1`);
  const termId = randomUUID();
  const day = 86_400_000;
  await queryDb(
    `insert into terms (id, slug, name_ko, name_en, starts_on, ends_on, registration_opens_at,
       registration_closes_at, created_at) values (?, ?, '마감된 시험 기수', 'Closed test term',
       '2026-01-01', '2026-12-31', ?, ?, ?)`,
    [termId, `closed-${termId.slice(0, 8)}`, Date.now() - 10 * day, Date.now() - day, Date.now()],
  );
  await queryDb(
    `insert into courses (id, term_id, room_id, title_ko, title_en, summary_ko, summary_en,
       description_ko, description_en, capacity, min_learners, below_minimum_at, created_at)
     values (?, ?, ?, ?, 'Below-minimum test course', '요약', 'Summary', '설명', 'Description',
       10, 5, ?, ?)`,
    [randomUUID(), termId, room?.id ?? '', FLAGGED_TITLE, Date.now() - day / 2, Date.now()],
  );
});

const signIn = (page: Page) => signInAsStaff(page);

test('kiosks, staff accounts and a flagged course, each change in the audit log', async ({
  page,
}) => {
  const csp = watchCsp(page);
  await signIn(page);
  const nav = page.getByRole('navigation', { name: '관리 메뉴' });

  // The dashboard lists the flagged course: confirmed against the minimum.
  const flagged = page.getByRole('region', { name: '최소 인원 미달 강좌' });
  const flaggedRow = flagged.getByRole('row').filter({ hasText: FLAGGED_TITLE });
  await expect(flaggedRow).toContainText('0명 / 최소 5명');
  await expectAccessible(page, 'admin: dashboard with a flagged course');
  await screenshot(page, 'admin-kiosks-0-dashboard');
  await flaggedRow.getByRole('button', { name: `${FLAGGED_TITLE}: 최소 인원 낮추기` }).click();
  const lower = page.getByRole('dialog', { name: `최소 인원 낮추기: ${FLAGGED_TITLE}` });
  await expect(lower).toBeVisible();
  await expect(lower).toContainText('미달 표시가 사라집니다');
  await expectAccessible(page, 'admin: lower-minimum dialog');
  await screenshot(page, 'admin-kiosks-0-lower-dialog');
  await lower.getByLabel('새 최소 인원').fill('0');
  await lower.getByRole('button', { name: '낮추기', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('최소 인원을 5명에서 0명으로 낮췄습니다');
  await expect(page.getByRole('status')).toContainText('미달 표시를 지웠습니다');
  await expect(flaggedRow).toHaveCount(0);

  // Kiosks: add one, make its pairing code, then revoke it.
  await nav.getByRole('link', { name: '키오스크' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '키오스크' })).toBeVisible();
  const create = page.getByRole('form', { name: '키오스크 추가' });
  await create.getByLabel('이름').fill(KIOSK);
  await create.getByLabel('강의실').selectOption({ index: 1 });
  await expect(create.getByLabel('출석 체크인')).toBeChecked();
  await create.getByRole('button', { name: '추가하기' }).click();
  await expect(page.getByRole('status')).toContainText(`‘${KIOSK}’ 키오스크를 추가했습니다`);
  const row = page.getByRole('row').filter({ hasText: KIOSK });
  await expect(row).toContainText('연결 전');
  await expect(row).toContainText('출석 체크인');
  await expect(row).toContainText('연결 기록 없음');
  await expectAccessible(page, 'admin: kiosks');

  await row.getByRole('button', { name: `${KIOSK}의 연결 코드 만들기` }).click();
  const pairing = page.getByRole('region', { name: `${KIOSK}의 연결 코드` });
  await expect(pairing).toBeVisible();
  await expect(pairing).toBeFocused();
  const code = (await pairing.locator('[data-code]').getAttribute('data-code')) ?? '';
  expect(code).toMatch(CODE_PATTERN);
  await expect(pairing.locator('.code')).toHaveText(code);
  // Ten minutes, said in Korea time with the weekday.
  await expect(pairing).toContainText(
    /\d{1,2}월\s\d{1,2}일\u2060?\([월화수목금토일]\)\s?(오전|오후)\s?\d{1,2}:\d{2}까지 한 번만 쓸 수 있습니다\(10분\)/,
  );
  await expect(row).toContainText('코드 대기 중');
  const [stored] = await queryDb<{ n: number }>(
    `select count(*) as n from kiosk_pairing_codes where code_hash like ?`,
    [`%${code}%`],
  );
  expect(Number(stored?.n)).toBe(0);
  await expectAccessible(page, 'admin: kiosks with a fresh pairing code');
  await screenshot(page, 'admin-kiosks-1-code');

  // Shown once: reloading the page does not show it again.
  await page.goto('/admin/kiosks');
  await expect(page.getByText(code)).toHaveCount(0);

  await row.getByRole('button', { name: `${KIOSK} 연결 해지` }).click();
  const revoke = page.getByRole('dialog', { name: `‘${KIOSK}’ 연결 해지` });
  await expect(revoke).toContainText('다시 연결할 수 없습니다');
  await expectAccessible(page, 'admin: revoke dialog');
  await revoke.getByLabel('사유').fill('기기 교체');
  await revoke.getByRole('button', { name: '해지하기' }).click();
  await expect(page.getByRole('status')).toContainText(`‘${KIOSK}’ 키오스크의 연결을 해지했습니다`);
  await expect(row).toContainText('해지됨');
  await expect(row.getByRole('button')).toHaveCount(0);

  // Staff accounts: add one with a generated password, then make them a viewer.
  await nav.getByRole('link', { name: '직원 계정' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '직원 계정' })).toBeVisible();
  const me = page
    .getByRole('row')
    .filter({ has: page.getByText(DEMO_STAFF_EMAIL, { exact: true }) });
  await expect(me).toContainText('나');
  const add = page.getByRole('form', { name: '계정 추가' });
  await add.getByLabel('이메일').fill(NEW_EMAIL);
  await add.getByLabel('이름').fill(NEW_NAME);
  await add.getByLabel('역할').selectOption({ label: '직원' });
  await add.getByRole('button', { name: '계정 만들기' }).click();
  const done = page.getByRole('status');
  await expect(done).toContainText(`‘${NEW_NAME}’(${NEW_EMAIL}) 계정을 직원 역할로 만들었습니다`);
  const password = (await done.locator('[data-password]').getAttribute('data-password')) ?? '';
  expect(password).toMatch(/^([0-9a-z]{5}-){3}[0-9a-z]{5}$/);
  await expect(done).toContainText('지금 한 번만 보입니다');
  await expectAccessible(page, 'admin: staff accounts');
  await screenshot(page, 'admin-kiosks-2-staff');

  const account = page.getByRole('row').filter({ hasText: NEW_EMAIL });
  await expect(account).toContainText('로그인 기록 없음');
  await expect(account).toContainText('사용 중');
  await account.getByLabel(`${NEW_NAME}의 역할`).selectOption({ label: '열람 전용' });
  await account.getByRole('button', { name: `역할 바꾸기: ${NEW_NAME}` }).click();
  await expect(page.getByRole('status')).toContainText(
    `‘${NEW_NAME}’의 역할을 열람 전용(으)로 바꿨습니다`,
  );
  await expect(account.getByLabel(`${NEW_NAME}의 역할`)).toHaveValue('viewer');

  // The password reset asks in a dialog that names the account and closes without a change.
  await account.getByRole('button', { name: `${NEW_NAME}의 비밀번호 재설정` }).click();
  const reset = page.getByRole('dialog', { name: `‘${NEW_NAME}’ 비밀번호 재설정` });
  await expect(reset).toBeVisible();
  await expectAccessible(page, 'admin: password reset dialog');
  await reset.getByRole('button', { name: '닫기' }).click();
  await expect(reset).toBeHidden();

  // The last administrator cannot make themselves a viewer.
  const others = await queryDb<{ n: number }>(
    `select count(*) as n from staff_users where role = 'admin' and disabled_at is null`,
  );
  if (Number(others[0]?.n) === 1) {
    await me.getByLabel(`${DEMO_STAFF_NAME}의 역할`).selectOption({ label: '열람 전용' });
    await me.getByRole('button', { name: `역할 바꾸기: ${DEMO_STAFF_NAME}` }).click();
    await expect(page.getByRole('alert')).toContainText('관리자가 한 명도 남지 않게 되므로');
  }

  // The audit log names each of those changes.
  await nav.getByRole('link', { name: '감사 기록' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '감사 기록' })).toBeVisible();
  const rows = page.locator('tbody tr');
  for (const action of [
    '최소 인원 낮춤',
    '키오스크 추가',
    '키오스크 연결 코드 발급',
    '키오스크 연결 해지',
    '직원 계정 생성',
    '직원 역할 변경',
  ]) {
    await expect(rows.filter({ hasText: action }).first(), action).toContainText(DEMO_STAFF_NAME);
  }
  expect(JSON.stringify(await rows.allTextContents())).not.toContain(code);
  await expectAccessible(page, 'admin: audit log with the changes');

  // The same screens in English.
  await page.goto('/en/admin/kiosks');
  await expect(page.getByRole('heading', { level: 1, name: 'Kiosks' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: KIOSK })).toContainText('Revoked');
  await expectAccessible(page, 'admin: kiosks in English');
  await page.goto('/en/admin/staff');
  await expect(page.getByRole('row').filter({ hasText: NEW_EMAIL })).toContainText('Never');
  await expectAccessible(page, 'admin: staff accounts in English');
  await screenshot(page, 'admin-kiosks-3-staff-en');
  expect(csp).toEqual([]);
});

test('a member of staff neither sees nor reaches the staff accounts', async ({ page }) => {
  const email = `kiosk-staff-${randomUUID().slice(0, 8)}@seoroseoro.example`;
  await addStaffAccount(email, '한직원', 'staff');
  await signInAsStaff(page, email);
  const nav = page.getByRole('navigation', { name: '관리 메뉴' });
  await expect(nav.getByRole('link', { name: '키오스크' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '직원 계정' })).toHaveCount(0);
  const response = await page.goto('/admin/staff');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('alert')).toContainText('관리자만 볼 수 있습니다');
});
