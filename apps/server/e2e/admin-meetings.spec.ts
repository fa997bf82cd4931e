/**
 * A course's meetings and the room timetable at a desktop's 1440×900, as a member of staff uses
 * them: a new course's weekly schedule previewed with Chuseok skipped, a meeting that would
 * double-book the room refused with the clash named, the schedule saved, one meeting cancelled with
 * a reason, and the room's week and month.
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

/** A course of the fixtures' open term with no meetings yet, made for this file alone. */
const courseId = randomUUID();
const TITLE = '우리 동네 역사 산책';

test.beforeAll(async () => {
  await addStaffAccount(DEMO_STAFF_EMAIL, DEMO_STAFF_NAME, 'admin');
  const columns = (await queryDb<{ name: string }>('pragma table_info(courses)')).map(
    (c) => c.name,
  );
  const values = columns.map((c) => (c === 'id' || c === 'title_ko' || c === 'title_en' ? '?' : c));
  const args = columns.flatMap((c) =>
    c === 'id'
      ? [courseId]
      : c === 'title_ko'
        ? [TITLE]
        : c === 'title_en'
          ? ['Local History Walks']
          : [],
  );
  await queryDb(
    `insert into courses (${columns.join(', ')}) select ${values.join(', ')} from courses where id = ?`,
    [...args, fixtures().roomyCourseId],
  );
});

const signIn = (page: Page) => signInAsStaff(page);

test('staff schedule a course, see a clash refused, cancel a meeting and read the timetable', async ({
  page,
}) => {
  const [existing] = await queryDb<{
    date: string;
    start_time: string;
    end_time: string;
    room_id: string;
  }>('select date, start_time, end_time, room_id from meetings where course_id = ?', [
    fixtures().roomyCourseId,
  ]);
  if (!existing) throw new Error('the fixtures have no meeting for the roomy course');

  await signIn(page);
  await page.goto(`/admin/courses/${courseId}/meetings`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(TITLE);
  await expect(page.getByText('아직 회차가 없습니다')).toBeVisible();
  await expectAccessible(page, 'admin: meetings, empty');

  // One meeting at the very time another course has the room: refused, the clash named.
  const add = page.getByRole('region', { name: '회차 하나 추가' });
  await add.getByLabel('날짜').fill(existing.date);
  await add.getByLabel('시작 시각').fill(existing.start_time);
  await add.getByLabel('끝 시각').fill(existing.end_time);
  await add.getByRole('button', { name: '회차 추가' }).click();
  const refusal = add.getByRole('alert');
  await expect(refusal).toContainText('제1강의실에는');
  await expect(refusal).toContainText("'동네 산책 사진' 수업이 있습니다");
  expect(await queryDb('select id from meetings where course_id = ?', [courseId])).toHaveLength(0);
  await screenshot(page, 'admin-meetings-1-clash');

  // A weekly pattern on Wednesdays from 1 September 2027: Chuseok (15 September) is skipped.
  const pattern = page.getByRole('region', { name: '주간 일정으로 만들기' });
  await pattern.getByRole('group', { name: '요일' }).getByLabel('수', { exact: true }).check();
  await pattern.getByLabel('시작 시각').fill('14:00');
  await pattern.getByLabel('끝 시각').fill('16:00');
  await pattern.getByLabel('첫 날짜').fill('2027-09-01');
  await pattern.getByLabel('횟수', { exact: true }).fill('4');
  await pattern.getByRole('button', { name: '날짜 미리 보기' }).click();
  const preview = page.getByRole('region', { name: /미리 보기: 회차 4개/ });
  await expect(preview).toContainText('2027-09-15 추석 건너뜀');
  await expect(preview.getByRole('listitem').filter({ hasText: /9월.29일/ })).toBeVisible();
  await expectAccessible(page, 'admin: meetings, preview');
  await screenshot(page, 'admin-meetings-2-preview');
  await preview.getByRole('button', { name: '이 일정으로 저장' }).click();
  await expect(page.getByRole('status')).toContainText('회차 4개를 만들었습니다');
  await expect(page.getByRole('status')).toContainText('공휴일 1일은 건너뛰었습니다');
  const rows = page.getByRole('region', { name: '회차 4개' }).getByRole('row');
  await expect(rows).toHaveCount(5);

  // The third meeting (22 September; Chuseok week was skipped) is cancelled, with the reason.
  await page.getByRole('button', { name: /3회\(9월.22일.?\(수\)\) 휴강/ }).click();
  const dialog = page.getByRole('dialog', { name: /3회\(9월.22일.?\(수\)\) 휴강/ });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'admin: meetings, cancel dialog');
  await dialog.getByLabel('사유').fill('강사 개인 사정');
  await dialog.getByRole('button', { name: '휴강하고 수강생에게 알리기' }).click();
  await expect(page.getByRole('status')).toContainText('휴강으로 바꿨습니다');
  const cancelledRow = rows.filter({ hasText: /2027년.9월.22일/ });
  await expect(cancelledRow).toContainText('휴강');
  await expect(cancelledRow).toContainText('사유: 강사 개인 사정');
  const audit = await queryDb<{ detail: string }>(
    `select detail from audit_log where action = 'meeting.cancel' and json_extract(detail, '$.courseId') = ?`,
    [courseId],
  );
  expect(audit.map((a) => JSON.parse(a.detail).reason)).toEqual(['강사 개인 사정']);
  await expectAccessible(page, 'admin: meetings');
  await screenshot(page, 'admin-meetings-3-list');

  // The rooms section: the room list and this week, then the week and the month of September 2027.
  await page
    .getByRole('navigation', { name: '관리 메뉴' })
    .getByRole('link', { name: '시간표' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '강의실 시간표' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '제1강의실' })).toBeVisible();
  await expectAccessible(page, 'admin: rooms');
  await screenshot(page, 'admin-meetings-4-rooms');

  await page.goto(`/admin/rooms/${existing.room_id}?view=week&date=2027-09-22`);
  const week = page.getByRole('table', { name: /제1강의실, 9월.20일/ });
  await expect(week).toBeVisible();
  const cell = week.getByRole('link', { name: new RegExp(TITLE) });
  await expect(cell).toContainText('휴강');
  await expect(week.getByRole('columnheader', { name: /9월.22일.?\(수\)/ })).toBeVisible();
  await expectAccessible(page, 'admin: room week');
  await screenshot(page, 'admin-meetings-5-week');
  await page.getByRole('link', { name: '다음 주 →' }).click();
  await expect(page).toHaveURL(/date=2027-09-27/);
  await expect(page.getByRole('table')).toContainText(TITLE);

  await page.getByRole('link', { name: '월간' }).click();
  const month = page.getByRole('table', { name: /2027년 9월/ });
  await expect(month).toContainText('추석');
  await expect(month.getByRole('listitem').filter({ hasText: TITLE })).toHaveCount(4);
  await expect(month.getByRole('listitem').filter({ hasText: '휴강' })).toHaveCount(1);
  await expectAccessible(page, 'admin: room month');
  await screenshot(page, 'admin-meetings-6-month');
});
