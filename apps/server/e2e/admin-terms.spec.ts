/**
 * Terms and the course form at a desktop's 1440×900, as a member of staff uses them: start a
 * term (a class end before its start is refused beside the field), add a course to it (a capacity
 * over 200 refused the same way) and go on to its meetings, learn that a course without meetings
 * cannot be published, publish the term, and copy it into the next term with its courses as
 * drafts. A term that residents registered for is not taken back. Every new screen passes axe.
 */
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_STAFF_EMAIL, DEMO_STAFF_NAME } from '@seoro/db/seed';
import { expectAccessible, queryDb, screenshot, addStaffAccount, signInAsStaff } from './support';

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1440, height: 900 } });

const TERM_KO = '2027년 봄 시험 기수';
const TERM_EN = '2027 Spring Test Term';
const COPY_KO = '2027년 여름 시험 기수';
const COURSE_KO = '동네 역사 산책';

test.beforeAll(async () => {
  await addStaffAccount(DEMO_STAFF_EMAIL, DEMO_STAFF_NAME, 'admin');
});

const signIn = (page: Page) => signInAsStaff(page);

const termIdOf = async (nameKo: string) =>
  (await queryDb<{ id: string }>('select id from terms where name_ko = ?', [nameKo]))[0]?.id;

test('a new term, a course in it, and the term published', async ({ page }) => {
  await signIn(page);
  await page
    .getByRole('navigation', { name: '관리 메뉴' })
    .getByRole('link', { name: '기수' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '기수' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '2026년 시험 기수' })).toContainText('게시');
  await expectAccessible(page, 'admin: terms');

  // The same form in English, at /en.
  await page.goto('/en/admin/terms/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New term' })).toBeVisible();
  await expect(page.getByText('All times are Korea time (KST).')).toBeVisible();
  await expectAccessible(page, 'admin: new term, English');
  await screenshot(page, 'admin-terms-0-term-english');

  await page.goto('/admin/terms');
  await page.getByRole('link', { name: '새 기수 만들기' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '새 기수 만들기' })).toBeVisible();
  await expectAccessible(page, 'admin: new term');
  await page.getByLabel('기수 이름 (한국어)').fill(TERM_KO);
  await page.getByLabel('기수 이름 (영어)').fill(TERM_EN);
  await page.getByLabel('개강일').fill('2027-03-04');
  // A slip: the last class day before the first.
  await page.getByLabel('종강일').fill('2027-02-04');
  await page.getByLabel('온라인 신청 시작').fill('2027-02-15T10:00');
  await page.getByLabel('온라인 신청 마감').fill('2027-03-11T18:00');
  await page.getByLabel('결석 제한 기준').fill('50');
  await page.getByRole('button', { name: '초안으로 저장' }).click();
  const endsOn = page.getByLabel('종강일');
  await expect(endsOn).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toContainText(
    '종강일: 종강일이 개강일보다 빠릅니다. 개강일과 같거나 늦은 날짜를 적어 주세요.',
  );
  // What was typed stays; nothing was saved.
  await expect(page.getByLabel('기수 이름 (한국어)')).toHaveValue(TERM_KO);
  expect(await termIdOf(TERM_KO)).toBeUndefined();
  await expectAccessible(page, 'admin: new term, refused');
  await screenshot(page, 'admin-terms-1-term-refused');

  await endsOn.fill('2027-04-08');
  await page.getByRole('button', { name: '초안으로 저장' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(TERM_KO);
  await expect(page.getByRole('status')).toContainText('새 기수를 초안으로 저장했습니다');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('초안');
  const termId = await termIdOf(TERM_KO);
  const [term] = await queryDb<{ slug: string; status: string; closes: number }>(
    'select slug, status, registration_closes_at as closes from terms where id = ?',
    [termId],
  );
  expect(term).toMatchObject({ slug: '2027-spring-test-term', status: 'draft' });
  // 18:00 in Seoul is 09:00 UTC.
  expect(new Date(Number(term!.closes)).toISOString()).toBe('2027-03-11T09:00:00.000Z');
  await expectAccessible(page, 'admin: term');
  await screenshot(page, 'admin-terms-2-term');

  // A course in it: a capacity over 200 is refused beside the field.
  await page.getByRole('link', { name: '강좌 추가' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '새 강좌' })).toBeVisible();
  await expectAccessible(page, 'admin: new course');
  await page.getByLabel('강좌 이름 (한국어)').fill(COURSE_KO);
  await page.getByLabel('강좌 이름 (영어)').fill('Neighbourhood History Walks');
  await page.getByLabel('한 줄 소개 (한국어)').fill('용산의 골목과 이야기를 걸으며 배웁니다.');
  await page.getByLabel('이름만으로 강사 등록').check();
  await page.getByLabel('강사 표시 이름').fill('한역사');
  await page.getByLabel('정원').fill('300');
  await page.getByLabel('재료 안내 (한국어)').fill('재료비 별도 5,000원');
  await page.getByLabel('재료비', { exact: false }).last().fill('5000');
  await page.getByRole('button', { name: '초안으로 저장하고 회차 만들기' }).click();
  await expect(page.getByLabel('정원')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toContainText('정원은 1~200명 사이의 정수로 적어 주세요.');
  await screenshot(page, 'admin-terms-3-course-refused');
  await page.getByLabel('정원').fill('12');
  await page.getByRole('button', { name: '초안으로 저장하고 회차 만들기' }).click();
  await expect(page).toHaveURL(/\/admin\/courses\/[^/]+\/meetings$/);
  const courseId = page.url().split('/').at(-2)!;
  const [course] = await queryDb<{ draft: number; capacity: number; fee: number; mode: string }>(
    'select draft, capacity, materials_fee_won as fee, mode from courses where id = ?',
    [courseId],
  );
  expect(course).toMatchObject({ draft: 1, capacity: 12, fee: 5000, mode: 'first_come' });

  // Its edit form, linked from the term's page.
  await page.goto(`/admin/terms/${termId}`);
  const row = page.getByRole('row').filter({ hasText: COURSE_KO });
  await expect(row).toContainText('회차 없음');
  await expect(row).toContainText('초안');
  await row.getByRole('link', { name: `‘${COURSE_KO}’ 수정` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(COURSE_KO);
  await expect(page.getByLabel('정원')).toHaveValue('12');
  await expectAccessible(page, 'admin: edit course');
  await page.getByLabel('최소 인원').fill('4');
  await page.getByRole('button', { name: '강좌 저장' }).click();
  await expect(page.getByRole('status')).toContainText('강좌 정보 1개 항목을 저장했습니다.');
  await screenshot(page, 'admin-terms-4-course-edit');

  // No meetings yet: the course cannot be published, and the page says why.
  await page.goto(`/admin/terms/${termId}`);
  await page.getByRole('button', { name: `‘${COURSE_KO}’ 공개` }).click();
  await expect(page.getByRole('alert')).toContainText('아직 회차가 없어 공개할 수 없습니다');
  await expect(row).toContainText('초안');

  // Publish the term.
  await page.getByRole('button', { name: '기수 게시' }).click();
  await expect(page.getByRole('status')).toContainText('기수를 게시했습니다');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('게시');
  expect((await queryDb('select status from terms where id = ?', [termId]))[0]).toEqual({
    status: 'published',
  });

  // Once a meeting exists (the meetings screen's work), the term's drafts go public in one go.
  const roomId = (await queryDb<{ id: string }>('select id from rooms limit 1'))[0]!.id;
  await queryDb(
    `insert into meetings (id, course_id, room_id, seq, date, start_time, end_time, starts_at, ends_at, status, created_at)
     values (?, ?, ?, 1, '2027-03-04', '14:00', '16:00', ?, ?, 'scheduled', ?)`,
    [
      randomUUID(),
      courseId,
      roomId,
      Date.parse('2027-03-04T05:00:00Z'),
      Date.parse('2027-03-04T07:00:00Z'),
      Date.now(),
    ],
  );
  await page.reload();
  await page.getByRole('button', { name: '초안 강좌 모두 공개 (1)' }).click();
  await expect(page.getByRole('status')).toContainText('강좌 1개를 공개했습니다.');
  await expect(row).toContainText('공개');
});

test('a term residents registered for is not taken back, and says why', async ({ page }) => {
  await signIn(page);
  const termId = await termIdOf('2026년 시험 기수');
  await page.goto(`/admin/terms/${termId}`);
  await expect(page.getByText(/신청이 \d+건 있습니다/)).toBeVisible();
  await page.getByRole('button', { name: '게시 취소 (초안으로)' }).click();
  await expect(page.getByRole('alert')).toContainText('게시를 취소할 수 없습니다');
  expect((await queryDb('select status from terms where id = ?', [termId]))[0]).toEqual({
    status: 'published',
  });
});

test('a term is copied into the next, its courses as drafts without registrations', async ({
  page,
}) => {
  await signIn(page);
  const sourceId = await termIdOf(TERM_KO);
  await page.goto(`/admin/terms/${sourceId}`);
  await page.getByRole('link', { name: '복사해서 다음 기수 만들기' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('복사하기');
  // The dates start a whole number of weeks later: the week after the source ends.
  await expect(page.getByLabel('개강일')).toHaveValue('2027-04-15');
  await expect(page.getByLabel('온라인 신청 마감')).toHaveValue('2027-04-22T18:00');
  await expect(page.getByLabel('주소용 이름 (슬러그)')).toHaveValue('');
  await expectAccessible(page, 'admin: copy term');
  await screenshot(page, 'admin-terms-5-copy');
  await page.getByLabel('기수 이름 (한국어)').fill(COPY_KO);
  await page.getByLabel('기수 이름 (영어)').fill('2027 Summer Test Term');
  await page.getByRole('button', { name: '새 기수로 복사' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(COPY_KO);
  await expect(page.getByRole('status')).toContainText('강좌 1개가 초안으로 복사되었습니다');
  const copiedRow = page.getByRole('row').filter({ hasText: COURSE_KO });
  await expect(copiedRow).toContainText('초안');
  await expect(copiedRow).toContainText('회차 없음');

  const copyId = await termIdOf(COPY_KO);
  const copied = await queryDb<{ id: string; draft: number; capacity: number }>(
    'select id, draft, capacity from courses where term_id = ?',
    [copyId],
  );
  expect(copied).toHaveLength(1);
  expect(copied[0]).toMatchObject({ draft: 1, capacity: 12 });
  const [left] = await queryDb<{ n: number }>(
    `select (select count(*) from enrolments where course_id = ?) + (select count(*) from meetings where course_id = ?) as n`,
    [copied[0]!.id, copied[0]!.id],
  );
  expect(Number(left?.n)).toBe(0);
  expect((await queryDb('select status from terms where id = ?', [copyId]))[0]).toEqual({
    status: 'draft',
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a term is refused and then created by plain form posts', async ({ page }) => {
    await signIn(page);
    await page.goto('/admin/terms/new');
    await page.getByLabel('기수 이름 (한국어)').fill('2027년 가을 시험 기수');
    await page.getByLabel('기수 이름 (영어)').fill('2027 Autumn Test Term');
    await page.getByLabel('개강일').fill('2027-09-02');
    await page.getByLabel('종강일').fill('2027-10-07');
    await page.getByLabel('온라인 신청 시작').fill('2027-08-16T10:00');
    // Closes before it opens.
    await page.getByLabel('온라인 신청 마감').fill('2027-08-10T18:00');
    await page.getByLabel('수료 기준 출석률').fill('120');
    await page.getByRole('button', { name: '초안으로 저장' }).click();
    await expect(page.getByRole('alert')).toContainText(
      '온라인 신청 마감: 마감 시각이 시작 시각보다 빠르거나 같습니다.',
    );
    await expect(page.getByRole('alert')).toContainText(
      '수료 기준 출석률: 비율은 0~100 사이의 정수(%)로 적어 주세요.',
    );
    await page.getByLabel('온라인 신청 마감').fill('2027-09-09T18:00');
    await page.getByLabel('수료 기준 출석률').fill('80');
    await page.getByRole('button', { name: '초안으로 저장' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('2027년 가을 시험 기수');
    await expect(page.getByRole('status')).toContainText('새 기수를 초안으로 저장했습니다');
  });
});
