/**
 * Starts the real, built server for the browser tests on a fresh database that the tests' own
 * fixtures fill (never the demo seed): one open term, a two-seat course with a meeting under way
 * today, a roomy course, and a resident with a confirmed and a waitlisted registration.
 */
import { rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import {
  Database,
  attendance,
  historyCourses,
  historyImports,
  instructors,
  kiosks,
  outbox,
  programSettings,
  retentionRuns,
} from '@seoro/db';
import {
  makeCourse,
  makeEnrolment,
  makeMeeting,
  makeResident,
  makeRoom,
  makeTerm,
} from '@seoro/db/test';
import { kstDateOf, kstInstant } from '@seoro/domain';
import { createServiceContext, pairNewKiosk } from '@seoro/services';

const dir = join(import.meta.dirname, '..', 'e2e-output', 'db');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const file = join(dir, 'e2e.db');
const url = `file:${file}`;
const notificationsFile = join(dir, 'notifications.jsonl');

const database = await Database.open({ url });
await database.migrate();
const { roomId } = await makeRoom(database);
// Its on-site (kiosk) window is open around now too, a little longer than the online one.
const term = await makeTerm(database, {
  nameKo: '2026년 시험 기수',
  nameEn: '2026 Test Term',
  onsiteOpensAt: new Date(Date.now() - 2 * 86_400_000),
  onsiteClosesAt: new Date(Date.now() + 3 * 86_400_000),
});
const small = await makeCourse(
  database,
  { termId: term.id, roomId },
  {
    capacity: 2,
    titleKo: '도자기 빚기',
    titleEn: 'Pottery',
    sortOrder: 0,
    materialsNoteKo: '재료비 별도 10,000원',
    materialsNoteEn: 'Materials extra: KRW 10,000',
  },
);
const roomy = await makeCourse(
  database,
  { termId: term.id, roomId },
  { capacity: 10, titleKo: '동네 산책 사진', titleEn: 'Neighbourhood Photo Walks', sortOrder: 1 },
);
// Under way now, but never before today's KST midnight (so it is "today" at any hour). Begun a
// minute ago: a check-in counts as late 10 minutes after the start, and the suite's on-time
// check-ins must stay on time on a slow machine too.
const now = Date.now();
const midnight = kstInstant(kstDateOf(new Date(now)), '00:00').getTime();
const start = new Date(Math.max(now - 60_000, midnight));
const minutes = Math.min(
  120,
  Math.floor((midnight + 24 * 3_600_000 - 60_000 - start.getTime()) / 60_000),
);
await makeMeeting(database, { courseId: small.id, roomId }, start, minutes, { seq: 1 });
await makeMeeting(
  database,
  { courseId: roomy.id, roomId },
  new Date(now + 3 * 24 * 3_600_000),
  120,
  { seq: 1 },
);
// A lottery course whose window has closed: the server draws it when it starts.
const closedTerm = await makeTerm(database, {
  nameKo: '2026년 추첨 기수',
  nameEn: '2026 Lottery Term',
  registrationOpensAt: new Date(now - 10 * 86_400_000),
  registrationClosesAt: new Date(now - 3_600_000),
});
const lottery = await makeCourse(
  database,
  { termId: closedTerm.id, roomId },
  { capacity: 2, mode: 'lottery', titleKo: '목공 기초', titleEn: 'Woodworking Basics' },
);
for (let i = 1; i <= 5; i++) {
  const resident = await makeResident(database, { name: '응모자', phoneE164: `+82107000000${i}` });
  await makeEnrolment(
    database,
    { courseId: lottery.id, residentId: resident.id },
    { status: 'lottery_pending', queueNo: i },
  );
}
// "My registrations": a resident with a confirmed place (one class held, attended) and a place
// on a full course's waitlist behind someone else. No meeting today, so the kiosk is unaffected.
const day = 86_400_000;
const inDays = (n: number, time: string) => kstInstant(kstDateOf(new Date(now + n * day)), time);
const calligraphy = await makeCourse(
  database,
  { termId: term.id, roomId },
  { capacity: 10, titleKo: '캘리그라피', titleEn: 'Calligraphy', sortOrder: 2 },
);
const pastClass = await makeMeeting(
  database,
  { courseId: calligraphy.id, roomId },
  inDays(-2, '10:00'),
  120,
  { seq: 1 },
);
await makeMeeting(database, { courseId: calligraphy.id, roomId }, inDays(5, '10:00'), 120, {
  seq: 2,
});
const dialogue = await makeCourse(
  database,
  { termId: term.id, roomId },
  { capacity: 1, titleKo: '비폭력대화', titleEn: 'Nonviolent Communication', sortOrder: 3 },
);
await makeMeeting(database, { courseId: dialogue.id, roomId }, inDays(6, '14:00'), 120, {
  seq: 1,
});
const me = await makeResident(database, { name: '박서로', phoneE164: '+821042000001' });
const seated = await makeResident(database, { name: '최이웃', phoneE164: '+821042000002' });
const ahead = await makeResident(database, { name: '정이웃', phoneE164: '+821042000003' });
const myPlace = await makeEnrolment(database, { courseId: calligraphy.id, residentId: me.id });
await database.write((tx) =>
  tx.insert(attendance).values({
    id: randomUUID(),
    enrolmentId: myPlace.id,
    meetingId: pastClass.id,
    checkedInAt: inDays(-2, '09:55'),
    method: 'qr',
  }),
);
await makeEnrolment(database, { courseId: dialogue.id, residentId: seated.id });
await makeEnrolment(
  database,
  { courseId: dialogue.id, residentId: ahead.id },
  { status: 'waitlisted', queueNo: 9001 },
);
await makeEnrolment(
  database,
  { courseId: dialogue.id, residentId: me.id },
  { status: 'waitlisted', queueNo: 9002 },
);
// A course the district called off (폐강): listed, marked, and without a form.
const cancelled = await makeCourse(
  database,
  { termId: term.id, roomId },
  {
    capacity: 10,
    titleKo: '우쿨렐레 합주',
    titleEn: 'Ukulele Ensemble',
    sortOrder: 4,
    status: 'cancelled',
  },
);

// "My registrations" at the kiosk, with a resident of its own so the web's stays as it is: a seat,
// a place on a full course's waitlist, and a registration cancelled before.
const poetry = await makeCourse(
  database,
  { termId: term.id, roomId },
  { capacity: 1, titleKo: '시와 음악', titleEn: 'Poetry and Music', sortOrder: 5 },
);
await makeMeeting(database, { courseId: poetry.id, roomId }, inDays(4, '18:00'), 120, { seq: 1 });
const walking = await makeCourse(
  database,
  { termId: term.id, roomId },
  { capacity: 10, titleKo: '걸음걸이 교실', titleEn: 'Walking Class', sortOrder: 6 },
);
await makeMeeting(database, { courseId: walking.id, roomId }, inDays(8, '18:00'), 120, { seq: 1 });
const atKiosk = await makeResident(database, { name: '한키오', phoneE164: '+821042000011' });
const poetrySeat = await makeResident(database, { name: '오이웃', phoneE164: '+821042000012' });
await makeEnrolment(database, { courseId: poetry.id, residentId: poetrySeat.id });
await makeEnrolment(
  database,
  { courseId: poetry.id, residentId: atKiosk.id },
  { status: 'waitlisted', queueNo: 9101 },
);
await makeEnrolment(database, { courseId: walking.id, residentId: atKiosk.id });
await makeEnrolment(
  database,
  { courseId: cancelled.id, residentId: atKiosk.id },
  { status: 'cancelled', cancelledAt: new Date(now - day) },
);

// The kiosk by the test room, paired with every kiosk plugin on; tests put its token in the browser.
const kiosk = await pairNewKiosk(createServiceContext(database), {
  name: '제3강의실 앞',
  roomId,
  enabledPlugins: ['checkin', 'signup', 'my-registrations', 'notices'],
});

// Check-in by phone: a class under way in the kiosk's room, in a term whose registration has
// closed (so the public pages keep showing the open test term only). Two learners share the last
// digits 5678; a third waits for a seat. Nobody has a number ending in 9999.
const phoneTerm = await makeTerm(database, {
  nameKo: '2026년 체크인 기수',
  nameEn: '2026 Check-in Term',
  registrationOpensAt: new Date(now - 20 * day),
  registrationClosesAt: new Date(now - 10 * day),
});
const phoneCourse = await makeCourse(
  database,
  { termId: phoneTerm.id, roomId },
  // Its two learners meet its minimum: no below-minimum flag on the admin dashboard.
  { capacity: 2, minLearners: 2, titleKo: '스마트폰 첫걸음', titleEn: 'Smartphone Basics' },
);
await makeMeeting(database, { courseId: phoneCourse.id, roomId }, start, minutes, { seq: 1 });
const phoneLearners = [
  { name: '김서로', phoneE164: '+821077705678', status: 'confirmed' as const },
  { name: '이웃집', phoneE164: '+821077715678', status: 'confirmed' as const },
  { name: '박기다', phoneE164: '+821077720021', status: 'waitlisted' as const },
];
for (const learner of phoneLearners) {
  const resident = await makeResident(database, {
    name: learner.name,
    phoneE164: learner.phoneE164,
  });
  await makeEnrolment(
    database,
    { courseId: phoneCourse.id, residentId: resident.id },
    { status: learner.status },
  );
}

// The offline kiosk test's own learner: a confirmed place on a class under way today in the
// kiosk's room (a code for a class elsewhere is refused there), in a draft term of its own, so no
// other test's course list or seats change.
const offlineTerm = await makeTerm(database, {
  nameKo: '2026년 오프라인 시험 기수',
  nameEn: '2026 Offline Test Term',
  status: 'draft',
});
const offlineCourse = await makeCourse(
  database,
  { termId: offlineTerm.id, roomId },
  { capacity: 10, titleKo: '한지 공예', titleEn: 'Hanji Craft' },
);
await makeMeeting(database, { courseId: offlineCourse.id, roomId }, start, minutes, {
  seq: 1,
});
const offlineLearner = await makeResident(database, { name: '오연결', phoneE164: '+821042000009' });
const offlinePlace = await makeEnrolment(database, {
  courseId: offlineCourse.id,
  residentId: offlineLearner.id,
});

// After registering: a resident of their own, in a draft term of its own (no public list or seat
// changes): a confirmed place before its first class, a place on a full course's waitlist, a
// registration cancelled before, and two more confirmed places, one to cancel at "my
// registrations" and one from its confirmation page.
const afterTerm = await makeTerm(database, {
  nameKo: '2026년 신청 후 시험 기수',
  nameEn: '2026 After Registering Term',
  status: 'draft',
});
const afterCourse = async (titleKo: string, titleEn: string, capacity: number, days: number) => {
  const course = await makeCourse(
    database,
    { termId: afterTerm.id, roomId },
    { capacity, titleKo, titleEn },
  );
  await makeMeeting(database, { courseId: course.id, roomId }, inDays(days, '10:00'), 120, {
    seq: 1,
  });
  await makeMeeting(database, { courseId: course.id, roomId }, inDays(days + 7, '10:00'), 120, {
    seq: 2,
  });
  return course;
};
const woodwork = await afterCourse('목공 기초', 'Woodwork Basics', 10, 3);
const yoga = await afterCourse('의자 요가', 'Chair Yoga', 1, 4);
const choir = await afterCourse('동네 합창', 'Neighbourhood Choir', 10, 5);
const knitting = await afterCourse('뜨개질', 'Knitting', 10, 6);
const baking = await afterCourse('빵 굽기', 'Baking', 10, 7);
const afterMe = await makeResident(database, { name: '윤다음', phoneE164: '+821070701234' });
const yogaSeat = await makeResident(database, { name: '조자리', phoneE164: '+821070701235' });
await makeEnrolment(database, { courseId: yoga.id, residentId: yogaSeat.id });
const afterWoodwork = await makeEnrolment(database, {
  courseId: woodwork.id,
  residentId: afterMe.id,
});
const afterYoga = await makeEnrolment(
  database,
  { courseId: yoga.id, residentId: afterMe.id },
  { status: 'waitlisted', queueNo: 9201 },
);
await makeEnrolment(
  database,
  { courseId: choir.id, residentId: afterMe.id },
  { status: 'cancelled', cancelledAt: new Date(now - day) },
);
await makeEnrolment(database, { courseId: knitting.id, residentId: afterMe.id });
const afterBaking = await makeEnrolment(database, {
  courseId: baking.id,
  residentId: afterMe.id,
});

// English pages: a course of the closed check-in term (reachable by its address, listed nowhere
// public, no kiosk class today) whose instructor has a name in Latin letters, with six classes.
const romanised = await makeCourse(
  database,
  { termId: phoneTerm.id, roomId },
  { capacity: 10, minLearners: 0, titleKo: '생활 도예', titleEn: 'Everyday Ceramics' },
);
await database.write((tx) =>
  tx
    .update(instructors)
    .set({ displayName: '정미경', displayNameEn: 'Jeong Mi-gyeong' })
    .where(eq(instructors.id, romanised.instructorId!)),
);
for (let week = 0; week < 6; week++) {
  await makeMeeting(
    database,
    { courseId: romanised.id, roomId },
    inDays(20 + 7 * week, '10:00'),
    120,
    { seq: week + 1 },
  );
}

// The kiosk's hard cases, in a draft term of their own: a registration cancelled on a course that
// meets in two days (and a confirmed one on it, for "no class today, the next is…"), and a course
// whose last class was four days ago.
const refusalTerm = await makeTerm(database, {
  nameKo: '2026년 키오스크 안내 기수',
  nameEn: '2026 Kiosk Guidance Term',
  status: 'draft',
});
const folk = await makeCourse(
  database,
  { termId: refusalTerm.id, roomId },
  { capacity: 10, titleKo: '민화 그리기', titleEn: 'Folk Painting' },
);
await makeMeeting(database, { courseId: folk.id, roomId }, inDays(-5, '10:00'), 120, { seq: 1 });
await makeMeeting(database, { courseId: folk.id, roomId }, inDays(2, '14:00'), 120, { seq: 2 });
const folkLearner = await makeResident(database, { name: '민다음', phoneE164: '+821042000021' });
const folkPlace = await makeEnrolment(database, { courseId: folk.id, residentId: folkLearner.id });
const folkLeaver = await makeResident(database, { name: '취소자', phoneE164: '+821042000022' });
const folkCancelled = await makeEnrolment(
  database,
  { courseId: folk.id, residentId: folkLeaver.id },
  { status: 'cancelled', cancelledAt: new Date(now - day) },
);
const pansori = await makeCourse(
  database,
  { termId: refusalTerm.id, roomId },
  { capacity: 10, titleKo: '판소리 맛보기', titleEn: 'Pansori Taster' },
);
await makeMeeting(database, { courseId: pansori.id, roomId }, inDays(-4, '14:00'), 120, {
  seq: 1,
});
const pansoriLearner = await makeResident(database, { name: '판소리', phoneE164: '+821042000023' });
const pansoriPlace = await makeEnrolment(database, {
  courseId: pansori.id,
  residentId: pansoriLearner.id,
});

// "Call staff" at the kiosk texts this staff number.
await database.write((tx) =>
  tx.insert(programSettings).values({
    key: 'kiosk_help',
    value: JSON.stringify({ notifyPhone: '010-4200-0099' }),
    updatedAt: new Date(now),
  }),
);
// The archive of past terms: an ended term kept as staff archive it (like the demo's 2026 first
// session) with two courses and a draft one, an older ended one, and a draft that has ended too
// (never listed). No enrolments and no minimum, so no rule or flag elsewhere notices them.
const pastTerm = await makeTerm(database, {
  nameKo: '2025년 2기',
  nameEn: '2025 Session 2',
  startsOn: '2025-09-04',
  endsOn: '2025-11-27',
  registrationOpensAt: kstInstant('2025-08-18', '10:00'),
  registrationClosesAt: kstInstant('2025-09-05', '18:00'),
  perResidentLimit: 2,
  noShowBarPercent: 50,
  status: 'archived',
});
for (const [i, titles] of [
  ['생활 목공', 'Everyday Woodwork'],
  ['동네 합창', 'Neighbourhood Choir'],
].entries()) {
  await makeCourse(
    database,
    { termId: pastTerm.id, roomId },
    { titleKo: titles[0], titleEn: titles[1], minLearners: 0, sortOrder: i },
  );
}
await makeCourse(
  database,
  { termId: pastTerm.id, roomId },
  { titleKo: '준비 중 강좌', titleEn: 'Draft Course', minLearners: 0, draft: true },
);
await makeTerm(database, {
  nameKo: '2025년 1기',
  nameEn: '2025 Session 1',
  startsOn: '2025-03-06',
  endsOn: '2025-05-29',
  registrationOpensAt: kstInstant('2025-02-17', '10:00'),
  registrationClosesAt: kstInstant('2025-03-07', '18:00'),
  status: 'archived',
});
await makeTerm(database, {
  nameKo: '2025년 준비 기수',
  nameEn: '2025 Draft Term',
  startsOn: '2025-06-05',
  endsOn: '2025-07-31',
  registrationOpensAt: kstInstant('2025-05-19', '10:00'),
  registrationClosesAt: kstInstant('2025-06-06', '18:00'),
  status: 'draft',
});

// Retention: a resident whose only term ended two years ago (due under the default periods), with
// a text sent then. The daily job is marked as run today, so the server does not destroy it on
// start: the admin test runs it by hand.
const longAgoTerm = await makeTerm(database, {
  nameKo: '2024년 2기',
  nameEn: '2024 Session 2',
  startsOn: '2024-09-05',
  endsOn: '2024-11-28',
  registrationOpensAt: kstInstant('2024-08-19', '10:00'),
  registrationClosesAt: kstInstant('2024-09-06', '18:00'),
  // A draft, so the public archive of past terms (which other tests count) does not list it.
  status: 'draft',
});
const longAgoCourse = await makeCourse(
  database,
  { termId: longAgoTerm.id, roomId },
  { titleKo: '지난 민화 교실', titleEn: 'Past Folk Painting', minLearners: 0 },
);
const longAgo = await makeResident(database, {
  name: '오래전',
  phoneE164: '+821042000031',
  createdAt: kstInstant('2024-08-20', '10:00'),
});
await makeEnrolment(database, { courseId: longAgoCourse.id, residentId: longAgo.id });
await database.write(async (tx) => {
  const sentAt = kstInstant('2024-08-20', '10:01');
  await tx.insert(outbox).values({
    id: randomUUID(),
    template: 'registration_confirmed',
    channel: 'sms',
    recipient: longAgo.phoneE164,
    locale: 'ko',
    payload: { name: longAgo.name },
    status: 'sent',
    sentAt,
    nextAttemptAt: sentAt,
    createdAt: sentAt,
  });
  await tx.insert(retentionRuns).values({
    id: randomUUID(),
    startedAt: new Date(),
    finishedAt: new Date(),
    dryRun: false,
    actorType: 'system',
    actorId: null,
    policy: { residents: 12, messages: 6 },
    counts: { residents: 0, messages: 0 },
  });
});
// Certificates: a finished course (5 meetings, the learner attended 4 = 80%) in a draft term that
// no public list shows, and its instructor as a resident who can sign in.
const certTerm = await makeTerm(database, {
  nameKo: '2025년 수료 기수',
  nameEn: '2025 Completion Term',
  startsOn: kstDateOf(inDays(-45, '10:00')),
  endsOn: kstDateOf(inDays(-10, '10:00')),
  status: 'draft',
});
const certCourse = await makeCourse(
  database,
  { termId: certTerm.id, roomId },
  { titleKo: '수료 캘리그라피', titleEn: 'Completion Calligraphy' },
);
const certMeetings = [];
for (const n of [-40, -33, -26, -19, -12]) {
  certMeetings.push(
    await makeMeeting(database, { courseId: certCourse.id, roomId }, inDays(n, '10:00')),
  );
}
const certLearner = await makeResident(database, { name: '김수료', phoneE164: '+821042000041' });
const certPlace = await makeEnrolment(database, {
  courseId: certCourse.id,
  residentId: certLearner.id,
});
for (const meeting of certMeetings.slice(0, 4)) {
  await database.write((tx) =>
    tx.insert(attendance).values({
      id: randomUUID(),
      enrolmentId: certPlace.id,
      meetingId: meeting.id,
      checkedInAt: meeting.startsAt,
      method: 'staff',
    }),
  );
}
const certTeacher = await makeResident(database, { name: '이강사', phoneE164: '+821042000042' });
await database.write((tx) =>
  tx
    .update(instructors)
    .set({ residentId: certTeacher.id })
    .where(eq(instructors.id, certCourse.instructorId ?? '')),
);
// The statistics dashboard's term: closed in 2024, with figures counted by hand in
// admin-stats.spec.ts, and two courses of imported history (2015 and 2016).
const statsTerm = await makeTerm(database, {
  nameKo: '2024년 통계 기수',
  nameEn: '2024 Statistics Term',
  startsOn: '2024-03-04',
  endsOn: '2024-05-27',
  registrationOpensAt: kstInstant('2024-02-19', '10:00'),
  registrationClosesAt: kstInstant('2024-02-21', '18:00'),
  status: 'archived',
});
const statsOpens = kstInstant('2024-02-19', '10:00').getTime();
const statsCalligraphy = await makeCourse(
  database,
  { termId: statsTerm.id, roomId },
  {
    titleKo: '통계 캘리그라피',
    titleEn: 'Statistics Calligraphy',
    capacity: 4,
    minLearners: 0,
    sortOrder: 0,
  },
);
const statsYoga = await makeCourse(
  database,
  { termId: statsTerm.id, roomId },
  { titleKo: '통계 요가', titleEn: 'Statistics Yoga', capacity: 8, minLearners: 0, sortOrder: 1 },
);
const statsEnrol = async (
  courseId: string,
  afterOpening: number,
  status: 'confirmed' | 'waitlisted' | 'cancelled' = 'confirmed',
) => {
  const resident = await makeResident(database, { name: '통계수강' });
  const at = new Date(statsOpens + afterOpening);
  return makeEnrolment(
    database,
    { courseId, residentId: resident.id },
    { status, createdAt: at, updatedAt: at },
  );
};
// First hour: minute 0 twice, minutes 1, 2, 3 and 5 once; then two on the next day.
const statsCal = [
  await statsEnrol(statsCalligraphy.id, 10_000),
  await statsEnrol(statsCalligraphy.id, 40_000),
  await statsEnrol(statsCalligraphy.id, 80_000),
  await statsEnrol(statsCalligraphy.id, 180_000),
];
await statsEnrol(statsCalligraphy.id, 300_000, 'waitlisted');
await statsEnrol(statsYoga.id, 150_000, 'cancelled');
const statsYogis = [
  await statsEnrol(statsYoga.id, 25 * 3_600_000),
  await statsEnrol(statsYoga.id, 25 * 3_600_000 + 60_000),
];
const statsMeeting = (courseId: string, date: string) =>
  makeMeeting(database, { courseId, roomId }, kstInstant(date, '14:00'));
const statsCheckIns = async (meetingId: string, ids: string[]) => {
  for (const enrolmentId of ids) {
    await database.write((tx) =>
      tx.insert(attendance).values({
        id: randomUUID(),
        enrolmentId,
        meetingId,
        checkedInAt: new Date(),
        method: 'keypad',
      }),
    );
  }
};
const statsM1 = await statsMeeting(statsCalligraphy.id, '2024-03-04');
const statsM2 = await statsMeeting(statsCalligraphy.id, '2024-03-11');
const statsM3 = await statsMeeting(statsYoga.id, '2024-03-05');
await statsCheckIns(
  statsM1.id,
  statsCal.map((e) => e.id),
);
await statsCheckIns(statsM2.id, [statsCal[0]!.id, statsCal[1]!.id]);
await statsCheckIns(statsM3.id, [statsYogis[0]!.id]);
const historyImportId = randomUUID();
await database.write(async (tx) => {
  await tx.insert(historyImports).values({
    id: historyImportId,
    fileName: 'history-e2e.xlsx',
    fileSha256: '0'.repeat(64),
    importedAt: new Date(),
    rowsAdded: 2,
    rowsUnchanged: 0,
  });
  await tx.insert(historyCourses).values([
    {
      id: randomUUID(),
      termKey: '2015-1',
      year: 2015,
      session: 1,
      title: '한지 공예',
      instructorName: '김한지',
      learners: 12,
      attendances: 96,
      importId: historyImportId,
      createdAt: new Date(),
    },
    {
      id: randomUUID(),
      termKey: '2016-1',
      year: 2016,
      session: 1,
      title: '우리 동네 역사',
      instructorName: '박역사',
      learners: 9,
      importId: historyImportId,
      createdAt: new Date(),
    },
  ]);
});
// Applying to teach: a resident who proposes a course, and a term next year to approve it into.
const teachTerm = await makeTerm(database, {
  nameKo: '2027년 1기',
  nameEn: '2027 Session 1',
  startsOn: '2027-03-04',
  endsOn: '2027-06-30',
  registrationOpensAt: kstInstant('2027-02-15', '10:00'),
  registrationClosesAt: kstInstant('2027-03-11', '18:00'),
  status: 'draft',
});
await makeResident(database, { name: '한가르침', phoneE164: '+821042000051' });

// Wishes: the test kiosk gets the wishes tile too, and a past learner who attended every class of
// a finished course (so an invitation to teach reaches them). The term stays a draft, so the public
// archive other tests count does not list it.
await database.write((tx) =>
  tx
    .update(kiosks)
    .set({ enabledPlugins: ['checkin', 'signup', 'my-registrations', 'notices', 'wishes'] })
    .where(eq(kiosks.id, kiosk.kioskId)),
);
const wishTerm = await makeTerm(database, {
  // Ended six weeks ago: within the retention period, so the retention test leaves them be.
  nameKo: '가을 기수',
  nameEn: 'Autumn Term',
  startsOn: kstDateOf(inDays(-60, '10:00')),
  endsOn: kstDateOf(inDays(-45, '10:00')),
  registrationOpensAt: inDays(-75, '10:00'),
  registrationClosesAt: inDays(-59, '18:00'),
  status: 'draft',
});
const wishCourse = await makeCourse(
  database,
  { termId: wishTerm.id, roomId },
  { titleKo: '가을 수채화', titleEn: 'Autumn Watercolour', minLearners: 0 },
);
const teacher = await makeResident(database, { name: '강가르', phoneE164: '+821043000001' });
const teacherPlace = await makeEnrolment(database, {
  courseId: wishCourse.id,
  residentId: teacher.id,
});
for (const daysAgo of [60, 53]) {
  const date = kstDateOf(inDays(-daysAgo, '10:00'));
  const meeting = await makeMeeting(
    database,
    { courseId: wishCourse.id, roomId },
    kstInstant(date, '14:00'),
  );
  await database.write((tx) =>
    tx.insert(attendance).values({
      id: randomUUID(),
      enrolmentId: teacherPlace.id,
      meetingId: meeting.id,
      checkedInAt: kstInstant(date, '13:55'),
      method: 'staff',
    }),
  );
}

await database.close();
writeFileSync(
  join(dir, 'fixtures.json'),
  JSON.stringify({
    url,
    smallCourseId: small.id,
    roomyCourseId: roomy.id,
    lotteryCourseId: lottery.id,
    cancelledCourseId: cancelled.id,
    notificationsFile,
    kiosk,
    phoneCourseId: phoneCourse.id,
    offline: { code: offlinePlace.code, enrolmentId: offlinePlace.id },
    my: {
      phone: '010-4200-0001',
      calligraphyCourseId: calligraphy.id,
      dialogueCourseId: dialogue.id,
    },
    kioskMy: { phone: '010-4200-0011', waitlistCourseId: poetry.id, seatCourseId: walking.id },
    after: {
      phone: '01070701234',
      woodworkCode: afterWoodwork.code,
      yogaCode: afterYoga.code,
      bakingCode: afterBaking.code,
      knittingCourseId: knitting.id,
      bakingCourseId: baking.id,
      romanisedCourseId: romanised.id,
    },
    statsTermId: statsTerm.id,
    teach: { phone: '010-4200-0051', termId: teachTerm.id },
    kioskRefusals: {
      cancelledCode: folkCancelled.code,
      nextClassCode: folkPlace.code,
      nextClassDate: kstDateOf(inDays(2, '14:00')),
      endedCode: pansoriPlace.code,
      endedDate: kstDateOf(inDays(-4, '14:00')),
    },
    retention: { name: longAgo.name, phone: '010-4200-0031', courseId: longAgoCourse.id },
    certificates: {
      learnerPhone: '010-4200-0041',
      teacherPhone: '010-4200-0042',
      enrolmentId: certPlace.id,
      courseTitle: certCourse.titleKo,
    },
    wishes: { teacherPhone: teacher.phoneE164 },
  }),
);

process.env.DATABASE_URL = url;
process.env.SEED_DEMO = 'false';
process.env.LOG_LEVEL ??= 'warn';
// Texts (sign-in codes among them) are appended here as JSON lines for the tests to read.
process.env.NOTIFY_FILE = notificationsFile;
await import('../dist/index.js');
