/**
 * Attendance at a desktop's 1440×900, as a member of staff works with it: from the course table to
 * a course's attendance grid, a mark corrected with a reason (and seen in the grid and the audit
 * log), the printable 출석부 on screen, in print emulation and as an A4 PDF, and the attendance
 * grid downloaded as an Excel file after stating the purpose, opened here to check its cells.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_STAFF_EMAIL, DEMO_STAFF_NAME } from '@seoro/db/seed';
import { addDays, kstDateOf, kstInstant } from '@seoro/domain';
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

/** A course of the fixtures' open term, made for this file alone: three meetings held, one to come. */
const courseId = randomUUID();
const TITLE = '출석 시험 강좌';
const LEARNERS = ['김가은', '박나래', '이도윤', '최서연'] as const;
const meetingIds = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

test.beforeAll(async () => {
  await addStaffAccount(DEMO_STAFF_EMAIL, DEMO_STAFF_NAME, 'admin');
  // A copy of the fixtures' roomy course with its own id and title.
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
          ? ['Attendance test']
          : [],
  );
  await queryDb(
    `insert into courses (${columns.join(', ')}) select ${values.join(', ')} from courses where id = ?`,
    [...args, fixtures().roomyCourseId],
  );
  const [course] = await queryDb<{ room_id: string }>('select room_id from courses where id = ?', [
    courseId,
  ]);
  const today = kstDateOf(new Date());
  for (const [i, offset] of [-21, -14, -7, 7].entries()) {
    const date = addDays(today, offset);
    await queryDb(
      `insert into meetings (id, course_id, room_id, seq, date, start_time, end_time, starts_at, ends_at, status, created_at)
       values (?, ?, ?, ?, ?, '10:00', '12:00', ?, ?, 'scheduled', ?)`,
      [
        meetingIds[i],
        courseId,
        course!.room_id,
        i + 1,
        date,
        kstInstant(date, '10:00').getTime(),
        kstInstant(date, '12:00').getTime(),
        Date.now(),
      ],
    );
  }
  const enrolments: string[] = [];
  for (const [i, name] of LEARNERS.entries()) {
    const residentId = randomUUID();
    const enrolmentId = randomUUID();
    enrolments.push(enrolmentId);
    await queryDb(
      `insert into residents (id, name, phone_e164, consented_at, consent_version, created_at, updated_at)
       values (?, ?, ?, ?, 'test', ?, ?)`,
      [residentId, name, `+82105300000${i}`, Date.now(), Date.now(), Date.now()],
    );
    await queryDb(
      `insert into enrolments (id, course_id, resident_id, name, status, channel, code, queue_no, created_at, updated_at)
       values (?, ?, ?, ?, 'confirmed', 'web', ?, ?, ?, ?)`,
      [enrolmentId, courseId, residentId, name, `AT${i}0-E2E${i}`, 500 + i, Date.now(), Date.now()],
    );
  }
  // 김가은 every time, 박나래 missed the second meeting, 이도윤 late once, 최서연 only the third.
  const marks: [number, number, 0 | 1][] = [
    [0, 0, 0],
    [0, 1, 0],
    [0, 2, 0],
    [1, 0, 0],
    [1, 2, 0],
    [2, 0, 1],
    [2, 1, 0],
    [3, 2, 0],
  ];
  for (const [learner, meeting, late] of marks) {
    await queryDb(
      `insert into attendance (id, enrolment_id, meeting_id, checked_in_at, method, late)
       values (?, ?, ?, ?, 'qr', ?)`,
      [randomUUID(), enrolments[learner], meetingIds[meeting], Date.now() - 86_400_000, late],
    );
  }
});

const signIn = (page: Page) => signInAsStaff(page);

const gridRow = (page: Page, name: string) =>
  page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name }) });

test('staff open a course grid, correct a mark with a reason and see it; audited', async ({
  page,
}) => {
  await signIn(page);
  await page
    .getByRole('navigation', { name: '관리 메뉴' })
    .getByRole('link', { name: '강좌' })
    .click();
  await page
    .getByRole('row')
    .filter({ hasText: TITLE })
    .getByRole('link', { name: '출석 현황' })
    .click();
  await expect(page).toHaveURL(new RegExp(`/admin/courses/${courseId}/attendance$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(TITLE);
  await expect(page.getByText('3/4회차 진행 · 수료 기준 80% (4회 이상 출석)')).toBeVisible();

  const park = gridRow(page, '박나래');
  await expect(park).toContainText('출석');
  await expect(park).toContainText('결석');
  await expect(park).toContainText('미달');
  await expect(gridRow(page, '김가은')).toContainText('100%');
  await expect(gridRow(page, '김가은')).toContainText('수료 예정 가능');
  await expect(gridRow(page, '이도윤')).toContainText('지각');
  await expect(gridRow(page, '최서연')).toContainText('33%');
  await expectAccessible(page, 'admin: attendance grid');
  await screenshot(page, 'admin-attendance-1-grid');

  // 박나래 was there at the second meeting: the kiosk was down and the instructor says so.
  await park.getByRole('button', { name: /^박나래, 2회차 .*: 결석\. 고치기$/ }).click();
  const dialog = page.getByRole('dialog', { name: /박나래 · 2회차 .* 출석 고치기/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('출석 (직원 확인)')).toBeChecked();
  await expectAccessible(page, 'admin: attendance correction dialog');
  await dialog.getByLabel('사유').fill('키오스크 고장으로 강사가 출석 확인');
  await dialog.getByRole('button', { name: '고치기', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('‘결석’에서 ‘출석’(으)로 고쳤습니다');
  await expect(gridRow(page, '박나래')).toContainText('100%');
  await expect(gridRow(page, '박나래')).toContainText('수료 예정 가능');
  await expect(
    gridRow(page, '박나래').getByRole('button', { name: /2회차 .*: 출석\./ }),
  ).toBeVisible();
  await screenshot(page, 'admin-attendance-2-corrected');

  const audit = await queryDb<{ action: string; detail: string }>(
    `select action, detail from audit_log where action in ('attendance.read', 'attendance.correct')
     and (subject_id = ? or json_extract(detail, '$.courseId') = ?) order by id`,
    [courseId, courseId],
  );
  expect(audit.map((r) => r.action)).toEqual([
    'attendance.read',
    'attendance.correct',
    'attendance.read',
  ]);
  expect(JSON.parse(audit[1]!.detail)).toMatchObject({
    reason: '키오스크 고장으로 강사가 출석 확인',
    before: { mark: 'absent' },
    after: { mark: 'present', method: 'staff' },
  });
});

test('the printable 출석부: on screen, in print (no admin chrome) and as an A4 PDF', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(`/admin/courses/${courseId}/attendance`);
  await page.getByRole('link', { name: '출석부 인쇄' }).click();
  await expect(page).toHaveURL(new RegExp(`/attendance/print$`));
  const sheet = page.getByRole('article', { name: '출석부' });
  await expect(sheet).toContainText('서로서로학교');
  await expect(sheet).toContainText(TITLE);
  for (const [i, name] of LEARNERS.entries()) {
    await expect(sheet.getByRole('row').nth(i + 1)).toContainText(`${i + 1}${name}`);
  }
  await expect(page.getByRole('button', { name: '인쇄' })).toBeVisible();
  await expectAccessible(page, 'admin: attendance print view');
  await screenshot(page, 'admin-attendance-3-print-screen');

  // Paper: the viewport of an A4 landscape page inside its margins (96 dpi).
  await page.setViewportSize({ width: 1047, height: 718 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: '관리 메뉴' })).toBeHidden();
  await expect(page.getByRole('button', { name: '인쇄' })).toBeHidden();
  await expect(sheet).toBeVisible();
  await screenshot(page, 'admin-attendance-4-print-course');
  const out = join(import.meta.dirname, '..', 'e2e-output', 'screens');
  mkdirSync(out, { recursive: true });
  const coursePdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(coursePdf.subarray(0, 5).toString()).toBe('%PDF-');
  writeFileSync(join(out, 'admin-attendance-course.pdf'), coursePdf);
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1440, height: 900 });

  // One meeting's sheet, chosen without JavaScript's help (a GET form).
  await page.getByLabel('인쇄할 출석부').selectOption(meetingIds[2]!);
  await page.getByRole('button', { name: '보기' }).click();
  await expect(page).toHaveURL(new RegExp(`\\?meeting=${meetingIds[2]}$`));
  const one = page.getByRole('article', { name: '출석부 3회차' });
  await expect(one.getByRole('columnheader', { name: '서명' })).toBeVisible();
  await expectAccessible(page, 'admin: one meeting print view');
  await page.setViewportSize({ width: 703, height: 1009 });
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, 'admin-attendance-5-print-meeting');
  const meetingPdf = await page.pdf({ format: 'A4' });
  expect(meetingPdf.subarray(0, 5).toString()).toBe('%PDF-');
  writeFileSync(join(out, 'admin-attendance-meeting.pdf'), meetingPdf);

  const prints = await queryDb<{ subject_type: string }>(
    `select subject_type from audit_log where action = 'attendance.print'
     and json_extract(detail, '$.courseId') = ? order by id`,
    [courseId],
  );
  expect(prints.map((r) => r.subject_type)).toEqual(['course', 'meeting']);
});

test('the attendance grid downloads as .xlsx once the purpose is given; the cells are right', async ({
  page,
}) => {
  await signIn(page);
  await page
    .getByRole('navigation', { name: '관리 메뉴' })
    .getByRole('link', { name: '내보내기' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '내보내기' })).toBeVisible();
  await expectAccessible(page, 'admin: exports');
  await screenshot(page, 'admin-attendance-6-exports');

  const form = page.getByRole('region', { name: '강좌 출석부' });
  await form.getByLabel('강좌').selectOption(courseId);
  await form.getByLabel('내려받는 목적').fill('구청 보고');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    form.getByRole('button', { name: '내려받기' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^2026년 시험 기수_${TITLE}_출석부_\\d{8}\\.xlsx$`),
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0]!;
  const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
  expect(values(1).slice(0, 3)).toEqual(['번호', '이름', '휴대전화']);
  expect(values(1).slice(-3)).toEqual(['출석 횟수', '출석률', '수료 여부']);
  expect(values(1)[3]).toMatch(/^1회 \(\d{2}\/\d{2}\)$/);
  // 박나래, as corrected above: present at all three held meetings, the fourth to come.
  expect(values(3)).toEqual([
    2,
    '박나래',
    '010-5300-0001',
    '출석',
    '출석',
    '출석',
    '예정',
    3,
    1,
    '수료 예정 가능',
  ]);
  expect(values(5).slice(1, 7)).toEqual([
    '최서연',
    '010-5300-0003',
    '결석',
    '결석',
    '출석',
    '예정',
  ]);

  const [audit] = await queryDb<{ detail: string }>(
    `select detail from audit_log where action = 'export.create' and subject_id = ?`,
    [courseId],
  );
  expect(JSON.parse(audit!.detail)).toMatchObject({
    kind: 'course-attendance',
    format: 'xlsx',
    rows: 4,
    purpose: '구청 보고',
    phones: 'full',
  });
});
