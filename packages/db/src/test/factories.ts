import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../client';
import {
  courses,
  enrolments,
  instructors,
  meetings,
  residents,
  rooms,
  terms,
  venues,
} from '../schema';

type TermRow = typeof terms.$inferInsert;
type CourseRow = typeof courses.$inferInsert;
type MeetingRow = typeof meetings.$inferInsert;
type ResidentRow = typeof residents.$inferInsert;
type EnrolmentRow = typeof enrolments.$inferInsert;

const HOUR = 3_600_000;
let counter = 0;
const next = () => ++counter;

/** A venue with one room. */
export async function makeRoom(database: Database) {
  const venueId = randomUUID();
  const roomId = randomUUID();
  const now = new Date();
  await database.write(async (tx) => {
    await tx
      .insert(venues)
      .values({ id: venueId, nameKo: '테스트홀', nameEn: 'Test Hall', createdAt: now });
    await tx.insert(rooms).values({
      id: roomId,
      venueId,
      nameKo: '제1강의실',
      nameEn: 'Room 1',
      createdAt: now,
    });
  });
  return { venueId, roomId };
}

/** A term whose registration window is open around `now` unless overridden. */
export async function makeTerm(database: Database, overrides: Partial<TermRow> = {}) {
  const now = Date.now();
  const row: TermRow = {
    id: randomUUID(),
    slug: `term-${next()}-${randomUUID().slice(0, 8)}`,
    nameKo: '테스트 기수',
    nameEn: 'Test term',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    registrationOpensAt: new Date(now - 24 * HOUR),
    registrationClosesAt: new Date(now + 24 * HOUR),
    createdAt: new Date(now),
    ...overrides,
  };
  await database.write((tx) => tx.insert(terms).values(row));
  return row;
}

/** A first-come course with capacity 10 in the given term and room. */
export async function makeCourse(
  database: Database,
  ref: { termId: string; roomId: string },
  overrides: Partial<CourseRow> = {},
) {
  const instructorId = randomUUID();
  const n = next();
  const row: CourseRow = {
    id: randomUUID(),
    termId: ref.termId,
    roomId: ref.roomId,
    instructorId,
    titleKo: `테스트 강좌 ${n}`,
    titleEn: `Test course ${n}`,
    summaryKo: '요약',
    summaryEn: 'Summary',
    descriptionKo: '설명',
    descriptionEn: 'Description',
    capacity: 10,
    createdAt: new Date(),
    ...overrides,
  };
  await database.write(async (tx) => {
    await tx.insert(instructors).values({
      id: instructorId,
      displayName: `강사${n}`,
      createdAt: new Date(),
    });
    await tx.insert(courses).values(row);
  });
  return row;
}

/** A meeting from `startsAt` lasting `minutes` (KST wall values derived from the instant). */
export async function makeMeeting(
  database: Database,
  ref: { courseId: string; roomId: string },
  startsAt: Date,
  minutes = 120,
  overrides: Partial<MeetingRow> = {},
) {
  const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
  const kst = (d: Date) => new Date(d.getTime() + 9 * HOUR).toISOString();
  const row: MeetingRow = {
    id: randomUUID(),
    courseId: ref.courseId,
    roomId: ref.roomId,
    seq: next(),
    date: kst(startsAt).slice(0, 10),
    startTime: kst(startsAt).slice(11, 16),
    endTime:
      kst(endsAt).slice(11, 16) > kst(startsAt).slice(11, 16) ? kst(endsAt).slice(11, 16) : '23:59',
    startsAt,
    endsAt,
    createdAt: new Date(),
    ...overrides,
  };
  await database.write((tx) => tx.insert(meetings).values(row));
  return row;
}

/** A resident with a unique, valid-looking mobile number. */
export async function makeResident(database: Database, overrides: Partial<ResidentRow> = {}) {
  const n = next();
  const now = new Date();
  const row: ResidentRow = {
    id: randomUUID(),
    name: '홍길동',
    phoneE164: `+82109${String(n).padStart(7, '0')}`,
    consentedAt: now,
    consentVersion: 'test',
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
  await database.write((tx) => tx.insert(residents).values(row));
  return row;
}

/**
 * An enrolment row written directly (bypassing the registration rules), under the resident's
 * name unless `overrides.name` gives the one typed with it.
 */
export async function makeEnrolment(
  database: Database,
  ref: { courseId: string; residentId: string },
  overrides: Partial<EnrolmentRow> = {},
) {
  const n = next();
  const now = new Date();
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const code = Array.from(
    { length: 8 },
    (_, i) => alphabet[(n * 7 + i * 13 + Math.floor(Math.random() * 32)) % 32],
  ).join('');
  const [resident] = await database.db
    .select({ name: residents.name })
    .from(residents)
    .where(eq(residents.id, ref.residentId))
    .limit(1);
  const row: EnrolmentRow = {
    id: randomUUID(),
    courseId: ref.courseId,
    residentId: ref.residentId,
    name: resident?.name ?? '홍길동',
    status: 'confirmed',
    channel: 'web',
    code: `${code.slice(0, 4)}-${code.slice(4)}`,
    queueNo: n,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
  await database.write((tx) => tx.insert(enrolments).values(row));
  return row;
}
