/**
 * Residents' data rights end to end: a resident signs in at /my with a texted code, downloads
 * their data as JSON, reads it at /my/data and asks for deletion (a reference DR-…). An
 * administrator finds the request, looks the resident up by phone under that reference, sees
 * everything held, and answers: deletion is refused while the resident holds a place in a term
 * that has not ended. The audit log, filtered by the resident, shows each step with the reference,
 * and its CSV export carries the rows.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
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

/**
 * A place of this resident's in a term that has not ended, of this test's own: other tests cancel
 * the fixture's registrations of the same number, and deletion must meet a term under way. The
 * term is a draft, so no public list or other test sees it.
 */
test.beforeAll(async () => {
  const [resident] = await queryDb<{ id: string }>(
    'select id from residents where phone_e164 = ?',
    [E164],
  );
  const [room] = await queryDb<{ id: string }>('select id from rooms limit 1');
  const termId = randomUUID();
  const courseId = randomUUID();
  const next = new Date().getFullYear() + 1;
  await queryDb(
    `insert into terms (id, slug, name_ko, name_en, starts_on, ends_on, registration_opens_at,
                        registration_closes_at, status, created_at)
     values (?, ?, '권리 확인 기수', 'Rights Check Term', ?, ?, 0, 1, 'draft', 0)`,
    [termId, `rights-${termId}`, `${next}-03-05`, `${next}-05-28`],
  );
  await queryDb(
    `insert into courses (id, term_id, room_id, title_ko, title_en, summary_ko, summary_en,
                          description_ko, description_en, capacity, created_at)
     values (?, ?, ?, '권리 확인 강좌', 'Rights Check Course', '', '', '', '', 10, 0)`,
    [courseId, termId, room!.id],
  );
  await queryDb(
    `insert into enrolments (id, course_id, resident_id, name, status, channel, code, queue_no,
                             created_at, updated_at)
     values (?, ?, ?, '박서로', 'confirmed', 'staff', 'RGHT-0001', 1, ?, ?)`,
    [randomUUID(), courseId, resident!.id, Date.now(), Date.now()],
  );
});

const PHONE = fixtures().my.phone;
const E164 = `+82${PHONE.replace(/-/g, '').slice(1)}`;

function textedCodes(): string[] {
  const file = fixtures().notificationsFile;
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { to: string; template: string; text: string })
    .filter((n) => n.to === E164 && n.template === 'one_time_code')
    .map((n) => /\b(\d{6})\b/.exec(n.text)![1]!);
}

let reference = '';

test.beforeAll(async () => {
  await addStaffAccount(DEMO_STAFF_EMAIL, DEMO_STAFF_NAME, 'admin');
});

test('a resident downloads their data, reads it and asks for deletion', async ({
  page,
  request,
}) => {
  const csp = watchCsp(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/my');
  const before = textedCodes().length;
  await page.getByRole('textbox', { name: '휴대전화 번호', exact: true }).fill(PHONE);
  await page.getByRole('button', { name: '인증번호 받기' }).click();
  await expect(page.getByRole('heading', { name: '2. 인증번호 입력' })).toBeVisible();
  await expect.poll(() => textedCodes().length, { timeout: 15_000 }).toBeGreaterThan(before);
  await page
    .getByRole('textbox', { name: '인증번호 6자리', exact: true })
    .fill(textedCodes().at(-1)!);
  await page.getByRole('button', { name: '확인하고 신청 내역 보기' }).click();
  await expect(page.getByText('박*로 님')).toBeVisible();

  // The file: JSON, an attachment, never cached, with the resident's own data.
  const download = await page.request.get('/my/data.json');
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toContain('application/json');
  expect(download.headers()['content-disposition']).toMatch(/^attachment; filename="/);
  expect(download.headers()['cache-control']).toBe('private, no-store');
  const mine = (await download.json()) as {
    name: string;
    phone: string;
    consent: { version: string; at: string };
    enrolments: { course: { ko: string }; status: string }[];
    messages: { template: string; createdAt: string }[];
  };
  expect(mine.name).toBe('박서로');
  expect(mine.phone).toBe(PHONE);
  expect(mine.consent.version).toBeTruthy();
  expect(mine.enrolments.map((e) => e.course.ko)).toEqual(
    expect.arrayContaining(['캘리그라피', '비폭력대화']),
  );
  expect(mine.messages.map((m) => m.template)).toContain('one_time_code');
  expect(JSON.stringify(mine)).not.toMatch(/\b\d{6}\b.*인증/);

  // Signed out (a request without the session cookie), the file is refused.
  const refused = await request.get('/my/data.json');
  expect(refused.status()).toBe(401);

  await page.getByRole('link', { name: '내 정보 보기·받기' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '내 개인정보' })).toBeVisible();
  await expect(page.getByText('박서로')).toBeVisible();
  await expect(page.getByRole('heading', { name: '수강 신청' })).toBeVisible();
  await expect(page.getByText('캘리그라피').first()).toBeVisible();
  await expect(page.getByText(/아직 끝나지 않은 기수에 수강 자리가 있으면/)).toBeVisible();
  await expectAccessible(page, 'my data');
  await screenshot(page, 'my-data');

  await page.getByLabel('하실 말씀 (선택)').fill('더 이상 참여하지 않습니다');
  await page.getByRole('button', { name: '삭제 요청하기' }).click();
  const status = page.getByRole('status').filter({ hasText: '요청 번호' });
  await expect(status).toContainText(/요청 번호 DR-\d{4}-[0-9A-Z]{6}/);
  reference = /DR-\d{4}-[0-9A-Z]{6}/.exec((await status.textContent()) ?? '')![0];
  await expectAccessible(page, 'my data: deletion requested');
  await screenshot(page, 'my-data-requested');

  // One open deletion request at a time: the page says the first is being handled.
  await page.reload();
  await expect(page.getByText(`삭제 요청(${reference})을 처리하고 있습니다.`)).toBeVisible();
  await expect(page.getByRole('button', { name: '삭제 요청하기' })).toHaveCount(0);

  const rows = await queryDb<{ action: string; actor_type: string }>(
    `select action, actor_type from audit_log a join residents r on r.id = a.resident_id
     where r.phone_e164 = ? and action in ('resident.data_export', 'data_request.created')`,
    [E164],
  );
  expect(rows.map((r) => r.action)).toEqual(
    expect.arrayContaining(['resident.data_export', 'data_request.created']),
  );
  expect(csp).toEqual([]);
});

test('an administrator answers the request, and the audit log shows every step', async ({
  page,
}) => {
  expect(reference).not.toBe('');
  const csp = watchCsp(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAsStaff(page);
  await page.getByRole('link', { name: '개인정보 요청' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '개인정보 요청' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: reference });
  await expect(row).toContainText('삭제');
  await expect(row).toContainText('주민 직접');
  await expect(row).toContainText('박*로');
  await expect(row).toContainText('010-****-0001');
  await expect(row).toContainText('처리 중');
  await expectAccessible(page, 'admin privacy: requests');

  await row.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('textbox', { name: '요청 번호' })).toHaveValue(reference);
  await page.getByLabel('전화번호 (전체)').fill(PHONE);
  await page.getByRole('button', { name: '보유 정보 조회' }).click();
  const held = page.getByRole('region', { name: '보유 정보: 박서로' });
  await expect(held).toBeVisible();
  await expect(held).toContainText(PHONE);
  await expect(held).toContainText('캘리그라피');
  await expect(held).toContainText('one_time_code');
  await expect(held).toContainText(reference);
  await expect(held).toContainText('주민 정보 열람(요청)');
  await expectAccessible(page, 'admin privacy: held');
  await screenshot(page, 'admin-privacy-held');

  // Deletion waits for the term under way: said plainly, with the way forward.
  const deletion = page.getByRole('region', { name: '삭제', exact: true });
  await expect(deletion).toContainText('아직 끝나지 않은 기수의 수강 자리가');
  await expect(deletion.getByRole('button', { name: '개인정보 영구 삭제' })).toHaveCount(0);

  const answer = page.getByRole('region', { name: `요청 처리 마무리 · ${reference}` });
  await answer.getByRole('radio', { name: '거절' }).check();
  await answer.getByRole('button', { name: '처리 결과 저장' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: '처리 내용이나 거절 사유를 적어 주세요' }),
  ).toBeVisible();
  await page
    .getByLabel('처리 내용 또는 거절 사유')
    .fill('수강 중인 기수가 끝난 뒤 보관 기간이 지나면 삭제됩니다.');
  await page.getByRole('button', { name: '처리 결과 저장' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `요청 ${reference}을(를) ‘거절’(으)로` }),
  ).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: reference })).toContainText('거절');
  const [request] = await queryDb<{ status: string; resolution: string }>(
    'select status, resolution from data_requests where reference = ?',
    [reference],
  );
  expect(request).toMatchObject({ status: 'refused' });
  const [resident] = await queryDb<{ name: string }>(
    'select name from residents where phone_e164 = ?',
    [E164],
  );
  expect(resident?.name).toBe('박서로');

  // The audit log, filtered by the resident, shows each step with the reference.
  await page.goto('/admin/audit?resident=0001');
  for (const action of ['개인정보 요청 처리', '주민 정보 열람(요청)', '개인정보 요청 접수']) {
    await expect(
      page.getByRole('row').filter({ hasText: action }).filter({ hasText: reference }).first(),
    ).toBeVisible();
  }
  await expect(
    page.getByRole('row').filter({ hasText: '주민 본인 정보 내려받기' }).first(),
  ).toBeVisible();
  await expectAccessible(page, 'admin audit: with export');
  await screenshot(page, 'admin-audit-privacy');

  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'CSV로 받기' }).click(),
  ]);
  const csv = readFileSync((await file.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv).toContain('요청 번호');
  expect(csv).toContain(reference);
  expect(csv).toContain('resident.data_read');
  expect(csv).toContain('박*로');
  expect(csv).not.toContain('박서로');
  const exports = await queryDb<{ action: string }>(
    "select action from audit_log where action = 'audit.export'",
  );
  expect(exports.length).toBeGreaterThan(0);
  expect(csp).toEqual([]);
});

test('a resident with no term under way is deleted after the admin confirms in words', async ({
  page,
}) => {
  const csp = watchCsp(page);
  // A resident with no registration at all: nothing keeps their name and number.
  const id = randomUUID();
  await queryDb(
    `insert into residents (id, name, phone_e164, consented_at, consent_version, created_at,
     updated_at) values (?, '탈퇴자', '+821099990001', ?, 'test', ?, ?)`,
    [id, Date.now(), Date.now(), Date.now()],
  );
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAsStaff(page);
  await page.goto('/admin/privacy');
  await page.getByLabel('전화번호 (전체)').fill('010-9999-0001');
  await page.getByRole('radio', { name: '새 요청으로 접수' }).check();
  await page.getByLabel('새 요청의 종류').selectOption('deletion');
  await page.getByRole('button', { name: '보유 정보 조회' }).click();
  await expect(page.getByRole('region', { name: '보유 정보: 탈퇴자' })).toBeVisible();
  const deletion = page.getByRole('region', { name: '삭제', exact: true });
  await expect(deletion).toContainText('영구히 지워지고 되돌릴 수 없습니다');

  // Without the box ticked, nothing happens but a sentence.
  await deletion.getByRole('button', { name: '개인정보 영구 삭제' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: '삭제하려면 확인란에 표시해 주세요' }),
  ).toBeVisible();
  const [still] = await queryDb<{ name: string }>('select name from residents where id = ?', [id]);
  expect(still?.name).toBe('탈퇴자');

  await page
    .getByRole('region', { name: '삭제', exact: true })
    .getByRole('checkbox', { name: /영구히 삭제합니다/ })
    .check();
  await page
    .getByRole('region', { name: '삭제', exact: true })
    .getByRole('button', { name: '개인정보 영구 삭제' })
    .click();
  await expect(
    page.getByRole('status').filter({ hasText: '개인정보를 삭제했습니다' }),
  ).toBeVisible();
  await expectAccessible(page, 'admin privacy: deleted');
  const [gone] = await queryDb<{ name: string; phone_e164: string; anonymized_at: number | null }>(
    'select name, phone_e164, anonymized_at from residents where id = ?',
    [id],
  );
  expect(gone).toMatchObject({ name: '' });
  expect(gone?.anonymized_at).not.toBeNull();
  expect(gone?.phone_e164).not.toContain('99990001');

  await page.getByLabel('처리 내용 또는 거절 사유').fill('이름과 전화번호를 삭제함');
  await page.getByRole('button', { name: '처리 결과 저장' }).click();
  await expect(page.getByRole('status').filter({ hasText: '‘완료’(으)로' })).toBeVisible();

  // The number finds no one now.
  await page.getByLabel('전화번호 (전체)').fill('010-9999-0001');
  await page.getByRole('radio', { name: '새 요청으로 접수' }).check();
  await page.getByRole('button', { name: '보유 정보 조회' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: '그 번호로 등록된 주민을 찾을 수 없습니다' }),
  ).toBeVisible();
  expect(csp).toEqual([]);
});
