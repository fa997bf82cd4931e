/**
 * The instructor's own page on a phone (390×844): a resident who teaches signs in with a texted
 * code, opens today's class, marks two learners present (a third already checked in at the
 * kiosk), and staff see the marks in the course's attendance grid; the instructor texts the class
 * (one text per confirmed learner), a third text that day is refused, and another course's address
 * is not found.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_STAFF_EMAIL, DEMO_STAFF_NAME } from '@seoro/db/seed';
import { addDays, kstDateOf, kstInstant } from '@seoro/domain';
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
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

const TEACHER_PHONE = '010-5480-0001';
const TEACHER_E164 = '+821054800001';
/** A copy of the fixtures' roomy course, taught by this file's instructor. */
const courseId = randomUUID();
const TITLE = '강사 페이지 시험 강좌';
const LEARNERS = [
  { name: '강나래', phone: '+821054810001' },
  { name: '문다온', phone: '+821054810002' },
  { name: '서하늘', phone: '+821054810003' },
] as const;
const WAITING = { name: '오기다', phone: '+821054810009' };
const meetingIds = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
const enrolmentIds = LEARNERS.map(() => randomUUID());

async function addResident(name: string, phone: string): Promise<string> {
  const id = randomUUID();
  await queryDb(
    `insert into residents (id, name, phone_e164, consented_at, consent_version, created_at, updated_at)
     values (?, ?, ?, ?, 'test', ?, ?)`,
    [id, name, phone, Date.now(), Date.now(), Date.now()],
  );
  return id;
}

test.beforeAll(async () => {
  await addStaffAccount(DEMO_STAFF_EMAIL, DEMO_STAFF_NAME, 'admin');
  const teacherId = await addResident('정가르', TEACHER_E164);
  const instructorId = randomUUID();
  await queryDb(
    `insert into instructors (id, resident_id, display_name, created_at) values (?, ?, ?, ?)`,
    [instructorId, teacherId, '정가르', Date.now()],
  );
  const columns = (await queryDb<{ name: string }>('pragma table_info(courses)')).map(
    (c) => c.name,
  );
  const own: Record<string, unknown> = {
    id: courseId,
    title_ko: TITLE,
    title_en: 'Instructor page test',
    instructor_id: instructorId,
  };
  const values = columns.map((c) => (c in own ? '?' : c));
  const args = columns.flatMap((c) => (c in own ? [own[c]] : []));
  await queryDb(
    `insert into courses (${columns.join(', ')}) select ${values.join(', ')} from courses where id = ?`,
    [...args, fixtures().roomyCourseId],
  );
  const [course] = await queryDb<{ room_id: string }>('select room_id from courses where id = ?', [
    courseId,
  ]);
  // Two weeks ago, last week, today (00:05 KST, so its window is open whenever the test runs), and
  // the next two weeks: five classes, 80% of them is four.
  const today = kstDateOf(new Date());
  for (const [i, offset] of [-14, -7, 0, 7, 14].entries()) {
    const date = addDays(today, offset);
    await queryDb(
      `insert into meetings (id, course_id, room_id, seq, date, start_time, end_time, starts_at, ends_at, status, created_at)
       values (?, ?, ?, ?, ?, '00:05', '00:55', ?, ?, 'scheduled', ?)`,
      [
        meetingIds[i],
        courseId,
        course!.room_id,
        i + 1,
        date,
        kstInstant(date, '00:05').getTime(),
        kstInstant(date, '00:55').getTime(),
        Date.now(),
      ],
    );
  }
  for (const [i, learner] of LEARNERS.entries()) {
    const residentId = await addResident(learner.name, learner.phone);
    await queryDb(
      `insert into enrolments (id, course_id, resident_id, name, status, channel, code, queue_no, created_at, updated_at)
       values (?, ?, ?, ?, 'confirmed', 'web', ?, ?, ?, ?)`,
      [
        enrolmentIds[i],
        courseId,
        residentId,
        learner.name,
        `IN${i}0-E2E${i}`,
        700 + i,
        Date.now(),
        Date.now(),
      ],
    );
  }
  const waitingId = await addResident(WAITING.name, WAITING.phone);
  await queryDb(
    `insert into enrolments (id, course_id, resident_id, name, status, channel, code, queue_no, created_at, updated_at)
     values (?, ?, ?, ?, 'waitlisted', 'web', 'IN90-E2E9', 790, ?, ?)`,
    [randomUUID(), courseId, waitingId, WAITING.name, Date.now(), Date.now()],
  );
  // 강나래 came to both earlier classes, 문다온 and 서하늘 to the first; 서하늘 checked in at the
  // kiosk today.
  const marks: [number, number][] = [
    [0, 0],
    [0, 1],
    [1, 0],
    [2, 0],
    [2, 2],
  ];
  for (const [learner, meeting] of marks) {
    await queryDb(
      `insert into attendance (id, enrolment_id, meeting_id, checked_in_at, method, late)
       values (?, ?, ?, ?, 'qr', 0)`,
      [randomUUID(), enrolmentIds[learner], meetingIds[meeting], Date.now()],
    );
  }
});

interface Sent {
  to: string;
  template: string;
  text: string;
}
function texts(): Sent[] {
  const file = fixtures().notificationsFile;
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Sent);
}
const codes = () =>
  texts()
    .filter((n) => n.to === TEACHER_E164 && n.template === 'one_time_code')
    .map((n) => /\b(\d{6})\b/.exec(n.text)![1]!);

async function signIn(page: Page) {
  await page.goto('/instructor');
  await expect(page.getByRole('heading', { level: 1, name: '강사 페이지' })).toBeVisible();
  await expectAccessible(page, 'instructor: signed out');
  await page.getByRole('link', { name: '휴대전화로 로그인' }).click();
  await expect(page).toHaveURL(/\/my\?next=%2Finstructor$/);
  const before = codes().length;
  await page.getByRole('textbox', { name: '휴대전화 번호', exact: true }).fill(TEACHER_PHONE);
  await page.getByRole('button', { name: '인증번호 받기' }).click();
  await expect(page.getByRole('heading', { name: '2. 인증번호 입력' })).toBeVisible();
  await expect.poll(() => codes().length, { timeout: 15_000 }).toBeGreaterThan(before);
  await page.getByRole('textbox', { name: '인증번호 6자리' }).fill(codes().at(-1)!);
  await page.getByRole('button', { name: '확인하고 신청 내역 보기' }).click();
  await expect(page).toHaveURL(/\/instructor$/);
}

const markRow = (section: Locator, name: string) =>
  section.getByRole('listitem').filter({ hasText: name });

test('an instructor signs in, takes today’s attendance, and staff see the marks', async ({
  page,
}) => {
  const csp = watchCsp(page);
  await signIn(page);
  await expect(page.getByText('정*르 강사님')).toBeVisible();
  await expect(page.getByRole('link', { name: '내 강의 기록 (인쇄용)' })).toHaveAttribute(
    'href',
    '/instructor/record',
  );
  const card = page.getByRole('article', { name: TITLE });
  await expect(card).toContainText('오늘 수업');
  await expect(card).toContainText('수강생 3명 · 대기 1명');
  await expectAccessible(page, 'instructor: courses');
  await screenshot(page, 'instructor-courses');

  await card.getByRole('link', { name: `강좌 열기: ${TITLE}` }).click();
  await expect(page).toHaveURL(new RegExp(`/instructor/courses/${courseId}$`));
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  // Masked names and phones only.
  await expect(page.getByText('강*래').first()).toBeVisible();
  await expect(page.getByText('010-****-0001').first()).toBeVisible();
  await expect(page.locator('body')).not.toContainText('강나래');
  // Today's class has started: until marked, 문다온 has missed two of three, and four of five are
  // needed: out of reach. The roster says why.
  const roster = page.getByRole('region', { name: /수강생 명단/ });
  const moon = roster.getByRole('listitem').filter({ hasText: '문*온' });
  await expect(moon).toContainText('2회 결석 — 남은 수업을 모두 나와도 수료 기준에 못 미칩니다');
  await expect(roster).toContainText('대기 1번');
  await expect(roster).toContainText('오*다');

  // 서하늘 checked in at the kiosk: shown as present, no buttons.
  const attendanceSection = page.getByRole('region', { name: '오늘 출석 확인' });
  await expect(markRow(attendanceSection, '서*늘')).toContainText('키오스크에서 출석함');
  await expectAccessible(page, 'instructor: attendance before');

  await attendanceSection.getByRole('button', { name: '강*래: 출석' }).tap();
  await expect(attendanceSection.getByRole('status')).toContainText('강*래 님: 출석');
  await expect(attendanceSection.getByRole('button', { name: '강*래: 출석' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await attendanceSection.getByRole('button', { name: '문*온: 출석' }).tap();
  await expect(attendanceSection.getByRole('status')).toContainText('문*온 님: 출석');
  await expect(attendanceSection).toContainText('출석 3명 · 지각 0명 · 아직 0명');
  // Marked present today, 문다온 can still complete, by coming to both classes left.
  await expect(moon).toContainText('1회 결석 — 남은 2회를 모두 출석해야 수료');
  await expect(roster.getByRole('listitem').filter({ hasText: '강*래' })).not.toContainText('결석');
  await expectAccessible(page, 'instructor: attendance taken');
  await screenshot(page, 'instructor-attendance');

  // At 200% text and in the browser's dark/forced colours the toggles stay usable.
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  await screenshot(page, 'instructor-attendance-200');
  await page.evaluate(() => (document.documentElement.style.fontSize = ''));
  await page.emulateMedia({ forcedColors: 'active' });
  await screenshot(page, 'instructor-attendance-forced-colors');
  await page.emulateMedia({ forcedColors: 'none' });

  const rows = await queryDb<{ enrolment_id: string; method: string }>(
    `select enrolment_id, method from attendance where meeting_id = ? order by enrolment_id`,
    [meetingIds[2]],
  );
  expect(rows.map((r) => [r.enrolment_id, r.method]).sort()).toEqual(
    [
      [enrolmentIds[0], 'instructor'],
      [enrolmentIds[1], 'instructor'],
      [enrolmentIds[2], 'qr'],
    ].sort(),
  );
  const audit = await queryDb<{ n: number }>(
    `select count(*) as n from audit_log where action = 'attendance.instructor_mark'
     and json_extract(detail, '$.courseId') = ?`,
    [courseId],
  );
  expect(Number(audit[0]!.n)).toBe(2);

  // Staff, signed in in the same browser, see the marks in the course's grid.
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAsStaff(page);
  await page.goto(`/admin/courses/${courseId}/attendance`);
  for (const name of ['강나래', '문다온', '서하늘']) {
    await expect(
      page
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name }) })
        .getByRole('button', { name: new RegExp(`^${name}, 3회차 .*: 출석\\. 고치기$`) }),
    ).toBeVisible();
  }
  expect(csp).toEqual([]);
});

test('the instructor texts the class twice; a third text that day is refused', async ({ page }) => {
  await signIn(page);
  await page.goto(`/instructor/courses/${courseId}`);
  const section = page.getByRole('region', { name: '수강생 전체에게 문자 보내기' });
  const box = section.getByRole('textbox', { name: '보낼 내용' });
  await box.fill('다음 주에는 붓펜을 가져오세요.');
  await expect(section).toContainText('30/1000바이트');
  await expectAccessible(page, 'instructor: message');
  await section.getByRole('button', { name: '문자 보내기' }).tap();
  await expect(section.getByRole('status')).toContainText('수강생 3명에게 문자를 보냈습니다.');
  await expect(section).toContainText('오늘 보낸 메시지 1/2번');

  const learnerPhones: string[] = LEARNERS.map((l) => l.phone);
  await expect
    .poll(() => texts().filter((n) => n.template === 'class_message').length, { timeout: 15_000 })
    .toBe(3);
  const sent = texts().filter((n) => n.template === 'class_message');
  expect(sent.map((n) => n.to).sort()).toEqual([...learnerPhones].sort());
  expect(sent[0]!.text).toBe(
    `[서로서로학교] ‘${TITLE}’ 강사님 메시지:\n다음 주에는 붓펜을 가져오세요.`,
  );

  await box.fill('두 번째 안내입니다.');
  await section.getByRole('button', { name: '문자 보내기' }).tap();
  await expect(section).toContainText('오늘 보낸 메시지 2/2번');
  await expect(section).toContainText('오늘은 더 보낼 수 없습니다');
  await expect(section.getByRole('button', { name: '문자 보내기' })).toHaveCount(0);
  await expectAccessible(page, 'instructor: message limit');
  await screenshot(page, 'instructor-message-limit');

  // The same refusal from the API, in Korean and in English, and nothing more is queued.
  for (const [lang, words] of [
    ['ko', '이미 2번 보냈습니다'],
    ['en', 'already sent 2 messages'],
  ] as const) {
    const answer = await page.evaluate(
      async ({ id, lang }) => {
        const res = await fetch('/trpc/instructor.message', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-seoro-locale': lang },
          body: JSON.stringify({ courseId: id, body: '세 번째' }),
        });
        return { status: res.status, text: await res.text() };
      },
      { id: courseId, lang },
    );
    expect(answer.status).toBe(422);
    expect(answer.text).toContain(words);
  }
  const rows = await queryDb<{ n: number }>(
    `select count(*) as n from class_messages where course_id = ?`,
    [courseId],
  );
  expect(Number(rows[0]!.n)).toBe(2);
});

test.describe('without JavaScript, in English', () => {
  test.use({ javaScriptEnabled: false });

  test('the instructor undoes a mark and marks late with plain forms', async ({ page }) => {
    await page.goto('/en/my?next=%2Finstructor');
    const before = codes().length;
    await page
      .getByRole('textbox', { name: 'Mobile phone number', exact: true })
      .fill(TEACHER_PHONE);
    await page.getByRole('button', { name: 'Text me a code' }).click();
    await expect.poll(() => codes().length, { timeout: 15_000 }).toBeGreaterThan(before);
    await page.getByRole('textbox', { name: /6-digit code/ }).fill(codes().at(-1)!);
    await page.getByRole('button', { name: 'Confirm and see my registrations' }).click();
    await expect(page).toHaveURL(/\/en\/instructor$/);
    await page.getByRole('link', { name: 'Open course: Instructor page test' }).click();
    const section = page.getByRole('region', { name: "Today's attendance" });
    // 강*래 was marked present: pressing again undoes it; then late.
    await section.getByRole('button', { name: '강*래: Present' }).click();
    await expect(section.getByRole('status')).toContainText('Mark for 강*래 undone');
    await section.getByRole('button', { name: '강*래: Late' }).click();
    await expect(section.getByRole('status')).toContainText('강*래: Late');
    await expect(section.getByRole('button', { name: '강*래: Late' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const [row] = await queryDb<{ method: string; late: number }>(
      `select method, late from attendance where enrolment_id = ? and meeting_id = ?`,
      [enrolmentIds[0], meetingIds[2]],
    );
    expect(row).toMatchObject({ method: 'instructor', late: 1 });
  });
});

test('another course’s address is not found, on the page and in the API', async ({ page }) => {
  await signIn(page);
  const other = fixtures().roomyCourseId;
  const response = await page.goto(`/instructor/courses/${other}`);
  expect(response?.status()).toBe(404);
  await expectAccessible(page, 'instructor: other course');
  const answer = await page.evaluate(async (id) => {
    const res = await fetch(
      `/trpc/instructor.course?input=${encodeURIComponent(JSON.stringify({ courseId: id }))}`,
    );
    return res.status;
  }, other);
  expect(answer).toBe(404);
});

test('a resident who teaches nothing is pointed to applying', async ({ page }) => {
  // The learner of the certificates fixture teaches no course. (Not the resident of "my
  // registrations": its number's texted codes are limited, and other tests need them.)
  const phone = fixtures().certificates.learnerPhone;
  const e164 = `+82${phone.replace(/-/g, '').slice(1)}`;
  const mine = () =>
    texts()
      .filter((n) => n.to === e164 && n.template === 'one_time_code')
      .map((n) => /\b(\d{6})\b/.exec(n.text)![1]!);
  await page.goto('/my?next=%2Finstructor');
  const before = mine().length;
  await page.getByRole('textbox', { name: '휴대전화 번호', exact: true }).fill(phone);
  await page.getByRole('button', { name: '인증번호 받기' }).click();
  await expect.poll(() => mine().length, { timeout: 15_000 }).toBeGreaterThan(before);
  await page.getByRole('textbox', { name: '인증번호 6자리' }).fill(mine().at(-1)!);
  await page.getByRole('button', { name: '확인하고 신청 내역 보기' }).click();
  await expect(page).toHaveURL(/\/instructor$/);
  await expect(page.getByRole('heading', { name: '맡은 강좌가 없습니다' })).toBeVisible();
  await expect(page.getByRole('link', { name: '강사 신청하기' })).toHaveAttribute('href', '/teach');
  await expectAccessible(page, 'instructor: not an instructor');
});
