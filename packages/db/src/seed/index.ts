/**
 * Demo data: the 2026 first session exactly as published (a past term with sample enrolments and
 * attendance) and an open term with the same five courses dated from the day the database is
 * created — registration open and one meeting today, so the kiosk can be tried at once.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  addDays,
  generateConfirmationCode,
  kstDateOf,
  kstInstant,
  kstTimeOf,
  kstWeekday,
  DEFAULT_PROGRAM_CONTACT,
} from '@seoro/domain';
import { count, eq } from 'drizzle-orm';
import type { Database, Tx } from '../client';
import {
  attendance,
  courses,
  enrolments,
  instructors,
  meetings,
  notices,
  instructorApplications,
  applicationMessages,
  wishes,
  programSettings,
  residents,
  rooms,
  staffUsers,
  terms,
  venues,
} from '../schema';
import { DEMO_COURSES, DEMO_RESIDENT_NAMES } from './catalogue';

export { DEMO_COURSES } from './catalogue';
export * from './history-sample';

/** A confirmation code for the demo resident 홍길동 in today's class, printed in the README. */
export const DEMO_CHECK_IN_CODE = 'DEM1-2026';
export const DEMO_CONSENT_VERSION = '2026-01';

/** The demo administrator's sign-in, printed at start; a demo database is never a real one. */
/**
 * The phone of the demo's instructor whose course meets today (the first demo course): signing in
 * with it at /instructor (the code arrives in the server's notifications log) shows their class.
 */
export const DEMO_INSTRUCTOR_PHONE = '+821000009001';
export const DEMO_STAFF_EMAIL = 'staff@seoroseoro.example';
export const DEMO_STAFF_PASSWORD = 'Noksapyeong-150-Hall';
export const DEMO_STAFF_NAME = '김담당';
/**
 * Argon2id of DEMO_STAFF_PASSWORD, computed once so that the database package needs no hashing
 * library (a services test checks that the two match).
 */
export const DEMO_STAFF_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$pNwU4OU8HovU+Lcm4fhL1g$akWEz6dK85BAOCDXtTCMjbHE6jYO0xYII/vPXw84G5M';

/** The demo's `contact` setting: the program's defaults, stored as staff would store them. */
export const DEMO_CONTACT = DEFAULT_PROGRAM_CONTACT;

export interface SeedResult {
  seeded: boolean;
  /** Set when the demo administrator was created (DEMO_STAFF_EMAIL, DEMO_STAFF_PASSWORD). */
  demoStaff?: { email: string };
  openTermId?: string;
  todayMeeting?: { courseTitle: string; date: string; startTime: string; endTime: string };
}

/** Small deterministic PRNG so the demo looks the same on every machine. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const toHhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Today's demo meeting for a database created at `nowMinutes` (KST minutes after midnight): it
 * starts a few minutes later, so its check-in window (from 30 minutes before the start) is already
 * open and the first check-ins are on time, and it never runs past midnight.
 */
export function demoTodaySlot(nowMinutes: number): { start: number; end: number } {
  const start = Math.min(Math.ceil((nowMinutes + 5) / 10) * 10, 22 * 60);
  const end = Math.min(Math.max(start + 120, nowMinutes + 90), 23 * 60 + 59);
  return { start, end };
}

/** Dates of a weekly slot from the first `weekday` on or after `from`, up to `until` (inclusive). */
function weeklyBetween(from: string, until: string, weekday: number): string[] {
  let first = from;
  while (kstWeekday(first) !== weekday) first = addDays(first, 1);
  const dates: string[] = [];
  for (let d = first; d <= until; d = addDays(d, 7)) dates.push(d);
  return dates;
}

/**
 * Creates the demo administrator in a database that has no staff account yet (also one seeded
 * before staff accounts existed), so the admin can be tried at once. True when it did.
 */
export async function seedDemoStaff(database: Database, now: Date = new Date()): Promise<boolean> {
  return database.write(async (tx) => {
    const [staff] = await tx.select({ n: count() }).from(staffUsers);
    if ((staff?.n ?? 0) > 0) return false;
    await tx.insert(staffUsers).values({
      id: randomUUID(),
      email: DEMO_STAFF_EMAIL,
      name: DEMO_STAFF_NAME,
      role: 'admin',
      passwordHash: DEMO_STAFF_PASSWORD_HASH,
      createdAt: now,
    });
    return true;
  });
}

/** Seeds the demo data once; a database that already has a term is left untouched. */
export async function seedDemoData(
  database: Database,
  now: Date = new Date(),
): Promise<SeedResult> {
  const demoStaff = (await seedDemoStaff(database, now)) ? { email: DEMO_STAFF_EMAIL } : undefined;
  const existing = await database.db.select({ n: count() }).from(terms);
  if ((existing[0]?.n ?? 0) > 0) return { seeded: false, ...(demoStaff ? { demoStaff } : {}) };

  const random = mulberry32(20260108);
  const createdAt = now;
  const venueId = randomUUID();
  const roomId = randomUUID();

  return database.write(async (tx) => {
    await tx.insert(venues).values({
      id: venueId,
      nameKo: '용산아트홀',
      nameEn: 'Yongsan Art Hall',
      addressKo: '서울특별시 용산구 녹사평대로 150',
      addressEn: '150 Noksapyeong-daero, Yongsan-gu, Seoul',
      createdAt,
    });
    await tx.insert(rooms).values({
      id: roomId,
      venueId,
      nameKo: '제3강의실',
      nameEn: 'Lecture Room 3',
      seats: 20,
      createdAt,
    });

    // Residents: learners shared by both terms (people come back), plus the instructors.
    const residentIds: string[] = [];
    for (const [i, name] of DEMO_RESIDENT_NAMES.entries()) {
      const id = randomUUID();
      residentIds.push(id);
      await tx.insert(residents).values({
        id,
        name,
        phoneE164: `+82100000${String(1001 + i).padStart(4, '0')}`,
        consentedAt: createdAt,
        consentVersion: DEMO_CONSENT_VERSION,
        createdAt,
        updatedAt: createdAt,
      });
    }
    const instructorIds = new Map<string, string>();
    for (const [i, course] of DEMO_COURSES.entries()) {
      const id = randomUUID();
      instructorIds.set(course.key, id);
      // Instructors are residents too: the first course's one can sign in (DEMO_INSTRUCTOR_PHONE)
      // and take today's attendance. The others stay without a phone, as before.
      let residentId: string | null = null;
      if (i === 0) {
        residentId = randomUUID();
        await tx.insert(residents).values({
          id: residentId,
          name: course.instructor.name,
          phoneE164: DEMO_INSTRUCTOR_PHONE,
          consentedAt: createdAt,
          consentVersion: DEMO_CONSENT_VERSION,
          createdAt,
          updatedAt: createdAt,
        });
      }
      await tx.insert(instructors).values({
        id,
        residentId,
        displayName: course.instructor.name,
        displayNameEn: course.instructor.nameEn,
        bioKo: course.instructor.bioKo,
        bioEn: course.instructor.bioEn,
        createdAt,
      });
    }

    const usedCodes = new Set<string>([DEMO_CHECK_IN_CODE]);
    const newCode = () => {
      for (;;) {
        const code = generateConfirmationCode(randomBytes(5));
        if (!usedCodes.has(code)) {
          usedCodes.add(code);
          return code;
        }
      }
    };

    // ---- The past term: 2026 first session, exactly as published. ----
    const pastTermId = randomUUID();
    await tx.insert(terms).values({
      id: pastTermId,
      slug: '2026-1',
      nameKo: '2026년 1기',
      nameEn: '2026 Session 1',
      startsOn: '2026-01-08',
      endsOn: '2026-02-12',
      registrationOpensAt: kstInstant('2025-12-22', '10:00'),
      registrationClosesAt: kstInstant('2026-01-15', '18:00'),
      perResidentLimit: 2,
      noShowBarPercent: 50,
      completionPercent: 80,
      status: 'archived',
      createdAt,
    });
    for (const [i, demo] of DEMO_COURSES.entries()) {
      const dates = weeklyBetween('2026-01-08', '2026-02-12', demo.weekday);
      const courseId = await insertCourse(tx, {
        termId: pastTermId,
        roomId,
        instructorId: instructorIds.get(demo.key)!,
        demo,
        sortOrder: i,
        createdAt,
        dates,
        startTime: demo.startTime,
        endTime: demo.endTime,
      });
      const learners = 7 + Math.floor(random() * 4); // 7–10 learners
      const meetingRows = await tx
        .select({ id: meetings.id, startsAt: meetings.startsAt })
        .from(meetings)
        .where(eqCourse(courseId));
      for (let k = 0; k < learners; k++) {
        const residentIndex = (i * 5 + k) % residentIds.length;
        const enrolmentId = randomUUID();
        const registeredAt = pastRegistrationAt(i, k);
        await tx.insert(enrolments).values({
          id: enrolmentId,
          courseId,
          residentId: residentIds[residentIndex]!,
          name: DEMO_RESIDENT_NAMES[residentIndex]!,
          status: 'confirmed',
          channel: k % 4 === 3 ? 'kiosk' : 'web',
          code: newCode(),
          queueNo: k + 1,
          createdAt: registeredAt,
          updatedAt: registeredAt,
        });
        // The first learner of the first course (demo phone 010-0000-1001) attended every
        // meeting, so their /my shows a completion certificate whatever the draw gives others.
        const attendsAll = i === 0 && k === 0;
        for (const meeting of meetingRows) {
          // random() is drawn first either way: the other learners' marks stay as they were.
          if (random() < 0.15 && !attendsAll) continue; // about 85% attendance
          const minutes = Math.floor(random() * 25) - 15; // from 15 min early to 10 min late
          await tx.insert(attendance).values({
            id: randomUUID(),
            enrolmentId,
            meetingId: meeting.id,
            checkedInAt: new Date(meeting.startsAt.getTime() + minutes * 60_000),
            method: random() < 0.7 ? 'qr' : 'keypad',
            late: minutes >= 10,
          });
        }
      }
    }

    // ---- The open term: same courses, from today, registration open. ----
    const today = kstDateOf(now);
    const openTermId = randomUUID();
    const year = today.slice(0, 4);
    const { start: todayStart, end: todayEnd } = demoTodaySlot(toMinutes(kstTimeOf(now)));
    const slots = DEMO_COURSES.map((demo, i) =>
      i === 0
        ? { demo, first: today, startTime: toHhmm(todayStart), endTime: toHhmm(todayEnd) }
        : { demo, first: addDays(today, i), startTime: demo.startTime, endTime: demo.endTime },
    );
    const lastDate = addDays(slots[slots.length - 1]!.first, 7 * 5);
    await tx.insert(terms).values({
      id: openTermId,
      slug: `${year}-open`,
      nameKo: `${year}년 2기`,
      nameEn: `${year} Session 2`,
      startsOn: today,
      endsOn: lastDate,
      registrationOpensAt: kstInstant(addDays(today, -7), '10:00'),
      registrationClosesAt: kstInstant(addDays(today, 7), '18:00'),
      perResidentLimit: 2,
      noShowBarPercent: 50,
      completionPercent: 80,
      status: 'published',
      createdAt,
    });
    // Confirmed learners per course: one course full with a waitlist, the others with seats left.
    const openLoad = [6, 10, 4, 7, 3];
    let todayMeeting: SeedResult['todayMeeting'];
    for (const [i, slot] of slots.entries()) {
      const dates = Array.from({ length: 6 }, (_, w) => addDays(slot.first, 7 * w));
      const courseId = await insertCourse(tx, {
        termId: openTermId,
        roomId,
        instructorId: instructorIds.get(slot.demo.key)!,
        demo: slot.demo,
        sortOrder: i,
        createdAt,
        dates,
        startTime: slot.startTime,
        endTime: slot.endTime,
      });
      if (i === 0) {
        todayMeeting = {
          courseTitle: slot.demo.titleKo,
          date: today,
          startTime: slot.startTime,
          endTime: slot.endTime,
        };
      }
      const confirmed = openLoad[i] ?? 0;
      const waitlisted = confirmed >= 10 ? 2 : 0;
      for (let k = 0; k < confirmed + waitlisted; k++) {
        // 홍길동 (index 19) holds the published demo code in today's course.
        const residentIndex = i === 0 && k === 0 ? 19 : (i * 6 + k + 20) % residentIds.length;
        const at = new Date(now.getTime() - (confirmed + waitlisted - k) * 3_600_000);
        const enrolmentId = randomUUID();
        await tx.insert(enrolments).values({
          id: enrolmentId,
          courseId,
          residentId: residentIds[residentIndex]!,
          name: DEMO_RESIDENT_NAMES[residentIndex]!,
          status: k < confirmed ? 'confirmed' : 'waitlisted',
          channel: 'web',
          code: i === 0 && k === 0 ? DEMO_CHECK_IN_CODE : newCode(),
          queueNo: k + 1,
          createdAt: at,
          updatedAt: at,
        });
        if (i === 0 && k >= 4 && k < confirmed) {
          const [meeting] = await tx
            .select({ id: meetings.id })
            .from(meetings)
            .where(eqCourse(courseId))
            .orderBy(meetings.seq)
            .limit(1);
          await tx.insert(attendance).values({
            id: randomUUID(),
            enrolmentId,
            meetingId: meeting!.id,
            checkedInAt: new Date(now.getTime() - (k - 3) * 60_000),
            method: 'qr',
            late: false,
          });
        }
      }
    }
    // A notice on the kiosks' start screen this week.
    const [author] = await tx.select({ id: staffUsers.id }).from(staffUsers).limit(1);
    await tx.insert(notices).values({
      id: randomUUID(),
      bodyKo:
        '용산아트홀 주차장이 도색 공사로 이번 주 동안 닫습니다. 가까운 녹사평역(6호선) 등 대중교통을 이용해 주세요.',
      bodyEn:
        "Yongsan Art Hall's car park is closed this week for repainting. Please come by public transport, such as Noksapyeong Station (Line 6) nearby.",
      showFrom: today,
      showUntil: addDays(today, 6),
      createdByStaffId: author?.id ?? null,
      createdAt,
      updatedAt: createdAt,
    });
    // Applications to teach in several states, so the review screen has work on a fresh start.
    const day = 24 * 3_600_000;
    const proposal = {
      locale: 'ko' as const,
      yongsanConfirmed: true,
      exclusionsAcceptedAt: new Date(now.getTime() - 6 * day),
      durationMinutes: 120,
    };
    const waiting = randomUUID();
    const sentBack = randomUUID();
    const declined = randomUUID();
    await tx.insert(instructorApplications).values([
      {
        ...proposal,
        id: waiting,
        residentId: residentIds[0]!,
        applicantName: DEMO_RESIDENT_NAMES[0]!,
        title: '스마트폰으로 사진 잘 찍기',
        description: '휴대전화 카메라로 가족과 동네를 멋지게 담는 방법을 함께 익힙니다.',
        teaches: '구도, 빛, 인물 사진, 간단한 보정, 사진 정리와 공유',
        experience: '사진 동호회 10년, 복지관 사진 교실 보조강사',
        meetingCount: 6,
        preferredWeekday: 3,
        preferredStartTime: '10:00',
        materialsFeeWon: 0,
        capacity: 10,
        status: 'submitted' as const,
        submittedAt: new Date(now.getTime() - 2 * day),
        updatedAt: new Date(now.getTime() - 2 * day),
      },
      {
        ...proposal,
        id: sentBack,
        residentId: residentIds[1]!,
        applicantName: DEMO_RESIDENT_NAMES[1]!,
        title: '우리 동네 역사 걷기',
        description: '용산의 골목과 건물에 담긴 이야기를 듣고 직접 걸어 봅니다.',
        teaches: '용산의 근현대사, 골목 답사, 기록 남기기',
        experience: '문화관광해설사 5년',
        meetingCount: 4,
        preferredWeekday: 6,
        preferredStartTime: '14:00',
        materialsFeeWon: 5000,
        capacity: 12,
        status: 'changes_requested' as const,
        submittedAt: new Date(now.getTime() - 5 * day),
        updatedAt: new Date(now.getTime() - 3 * day),
        reviewedBy: author?.id ?? null,
        reviewedAt: new Date(now.getTime() - 3 * day),
      },
      {
        ...proposal,
        id: declined,
        residentId: residentIds[2]!,
        applicantName: DEMO_RESIDENT_NAMES[2]!,
        title: '건강식품으로 면역력 높이기',
        description: '제가 파는 건강식품을 소개하고 체험합니다.',
        teaches: '제품 소개와 시음',
        experience: '건강식품 판매 8년',
        meetingCount: 4,
        preferredWeekday: 2,
        preferredStartTime: '15:00',
        materialsFeeWon: 30000,
        capacity: 15,
        status: 'rejected' as const,
        submittedAt: new Date(now.getTime() - 9 * day),
        updatedAt: new Date(now.getTime() - 7 * day),
        reviewedBy: author?.id ?? null,
        reviewedAt: new Date(now.getTime() - 7 * day),
        reviewNote: '특정 상품 판매로 이어지는 영리 목적의 내용이라 함께하기 어렵습니다.',
      },
    ]);
    await tx.insert(applicationMessages).values([
      {
        id: randomUUID(),
        applicationId: sentBack,
        authorType: 'staff' as const,
        staffId: author?.id ?? null,
        kind: 'comment' as const,
        body: '답사는 강의실 밖이라 안전 계획 확인 필요.',
        toApplicant: false,
        createdAt: new Date(now.getTime() - 4 * day),
      },
      {
        id: randomUUID(),
        applicationId: sentBack,
        authorType: 'staff' as const,
        staffId: author?.id ?? null,
        kind: 'changes_requested' as const,
        body: '걷기 수업은 강의실 밖에서 하게 됩니다. 회차마다 모이는 곳과 걷는 거리를 적어 주세요.',
        toApplicant: true,
        createdAt: new Date(now.getTime() - 3 * day),
      },
      {
        id: randomUUID(),
        applicationId: declined,
        authorType: 'staff' as const,
        staffId: author?.id ?? null,
        kind: 'rejected' as const,
        body: '특정 상품 판매로 이어지는 영리 목적의 내용이라 함께하기 어렵습니다.',
        toApplicant: true,
        createdAt: new Date(now.getTime() - 7 * day),
      },
    ]);
    // What residents wish someone taught, from the web and the kiosk, over the past weeks.
    const demoWishes: [
      topic: string,
      text: string,
      source: 'web' | 'kiosk',
      locale: 'ko' | 'en',
    ][] = [
      ['digital', '스마트폰으로 사진 정리하고 가족에게 보내는 법', 'kiosk', 'ko'],
      ['digital', '키오스크로 음식 주문하는 연습', 'web', 'ko'],
      ['digital', '', 'kiosk', 'ko'],
      ['cooking', '제철 나물 반찬 만들기', 'web', 'ko'],
      ['cooking', 'Korean home cooking for beginners', 'web', 'en'],
      ['health', '무릎에 무리 없는 걷기와 스트레칭', 'kiosk', 'ko'],
      ['music', '우쿨렐레 기초', 'web', 'ko'],
      ['arts', '민화 그리기', 'web', 'ko'],
      ['language', '여행 가서 쓰는 일본어 회화', 'kiosk', 'ko'],
      ['living', '연말정산과 건강보험 서류 읽는 법', 'web', 'ko'],
      ['humanities', '용산의 옛 이야기와 동네 역사', 'web', 'ko'],
      ['other', '반려식물 키우기', 'kiosk', 'ko'],
    ];
    await tx.insert(wishes).values(
      demoWishes.map(([topic, text, source, locale], i) => ({
        id: randomUUID(),
        topic,
        text,
        source,
        locale,
        createdAt: new Date(createdAt.getTime() - (demoWishes.length - i) * 86_400_000),
      })),
    );
    // The office's contact as the demo shows it; staff edit it later (the defaults' shape).
    await tx.insert(programSettings).values({
      key: 'contact',
      value: JSON.stringify(DEMO_CONTACT),
      updatedAt: createdAt,
    });
    return { seeded: true, openTermId, todayMeeting, ...(demoStaff ? { demoStaff } : {}) };
  });
}

const eqCourse = (courseId: string) => eq(meetings.courseId, courseId);

/**
 * When the past term's `k`-th learner of its `i`-th course registered, in queue order: the first
 * six within the hour after registration opened (10:00 KST on 22 December; a rush in the first
 * minutes, thinning out), the rest on later days before it closed. Deterministic, so the demo's
 * statistics look the same on every start and the seed's random stream is untouched.
 */
function pastRegistrationAt(i: number, k: number): Date {
  const opensAt = kstInstant('2025-12-22', '10:00').getTime();
  const seconds = (i * 17 + k * 11) % 60;
  if (k < 6) return new Date(opensAt + (i * 2 + k * k * 1.5) * 60_000 + seconds * 1000);
  const days = (k - 5) * 2 + (i % 3);
  const hours = (i + k) % 8;
  return new Date(opensAt + (days * 24 + hours) * 3_600_000 + seconds * 1000);
}

async function insertCourse(
  tx: Tx,
  args: {
    termId: string;
    roomId: string;
    instructorId: string;
    demo: (typeof DEMO_COURSES)[number];
    sortOrder: number;
    createdAt: Date;
    dates: string[];
    startTime: string;
    endTime: string;
  },
): Promise<string> {
  const id = randomUUID();
  const { demo } = args;
  await tx.insert(courses).values({
    id,
    termId: args.termId,
    instructorId: args.instructorId,
    roomId: args.roomId,
    titleKo: demo.titleKo,
    titleEn: demo.titleEn,
    summaryKo: demo.summaryKo,
    summaryEn: demo.summaryEn,
    descriptionKo: demo.descriptionKo,
    descriptionEn: demo.descriptionEn,
    materialsNoteKo: demo.materialsNoteKo,
    materialsNoteEn: demo.materialsNoteEn,
    capacity: 10,
    minLearners: 5,
    mode: 'first_come',
    sortOrder: args.sortOrder,
    createdAt: args.createdAt,
  });
  for (const [seq, date] of args.dates.entries()) {
    await tx.insert(meetings).values({
      id: randomUUID(),
      courseId: id,
      roomId: args.roomId,
      seq: seq + 1,
      date,
      startTime: args.startTime,
      endTime: args.endTime,
      startsAt: kstInstant(date, args.startTime),
      endsAt: kstInstant(date, args.endTime),
      createdAt: args.createdAt,
    });
  }
  return id;
}
