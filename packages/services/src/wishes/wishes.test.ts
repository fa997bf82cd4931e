import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  attendance,
  auditLog,
  outbox,
  residents,
  staffUsers,
  teachInvitations,
  wishes,
  type Database,
} from '@seoro/db';
import {
  makeCourse,
  makeEnrolment,
  makeMeeting,
  makeResident,
  makeRoom,
  makeTerm,
} from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import {
  checkedWish,
  DomainError,
  isWishTopic,
  looksLikePhoneNumber,
  WISH_TEXT_MAX,
  WISH_TOPICS,
} from '@seoro/domain';
import { createServiceContext } from '../context';
import { renderNotification } from '../notifications/templates';
import { addWish } from './add-wish';
import { hideWish } from './hide-wish';
import { listWishes } from './list-wishes';
import {
  inviteToTeach,
  optOutOfTeachInvites,
  previewTeachInvitations,
  teachCandidates,
} from './teach-invitations';

const STAFF = 'staff-1';
const DAY = 86_400_000;

async function setup() {
  const t = await testDatabase();
  const ctx = createServiceContext(t.database);
  await t.database.write((tx) =>
    tx.insert(staffUsers).values({
      id: STAFF,
      email: 'kim@yongsan.example',
      name: '김담당',
      role: 'staff',
      passwordHash: 'not used here',
      createdAt: new Date(),
    }),
  );
  return { ...t, ctx };
}

function refusalOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'done',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );
}

describe('wishes', () => {
  it('groups by topic in the fixed order, counts, newest first, and never lists hidden', async () => {
    const { ctx } = await setup();
    const add = (topic: string, text: string, source: 'web' | 'kiosk' = 'web') =>
      addWish(ctx, { topic, text, source, locale: 'ko' });
    await add('cooking', '김치 담그기');
    await new Promise((r) => setTimeout(r, 5));
    await add('cooking', '제빵 기초');
    await add('digital', '스마트폰 사진 정리');
    await add('digital', '', 'kiosk');
    const hidden = await add('music', '우쿨렐레 배우기');
    await hideWish(ctx, { wishId: hidden.id, staffId: STAFF });

    const list = await listWishes(ctx, { perTopic: 1 });
    expect(list.total).toBe(4);
    expect(list.topics.map((g) => [g.topic, g.count])).toEqual([
      ['digital', 2],
      ['cooking', 2],
    ]);
    expect(list.topics[1]!.wishes.map((w) => w.text)).toEqual(['제빵 기초']);
    expect(JSON.stringify(list)).not.toContain('우쿨렐레');
  });

  it('refuses text that looks like a phone number, and an empty text on the web', async () => {
    const { ctx, database } = await setup();
    const add = (text: string, source: 'web' | 'kiosk' = 'web') =>
      refusalOf(addWish(ctx, { topic: 'language', text, source, locale: 'en' }));
    expect(await add('일본어 회화 010-1234-5678')).toBe('wish_text_has_phone');
    expect(await add('call me on 01012345678')).toBe('wish_text_has_phone');
    expect(await add('')).toBe('wish_text_too_short');
    expect(await add('x'.repeat(WISH_TEXT_MAX + 1))).toBe('wish_text_too_long');
    expect(
      await refusalOf(
        addWish(ctx, { topic: 'gardening', text: '텃밭', source: 'web', locale: 'ko' }),
      ),
    ).toBe('wish_topic_invalid');
    expect(await database.db.select().from(wishes)).toHaveLength(0);
    expect(await add('', 'kiosk')).toBe('done');
    expect(await add('1988 올림픽 이야기')).toBe('done');
  });

  it('hides once, audited; a second hide is refused', async () => {
    const { ctx, database } = await setup();
    const { id } = await addWish(ctx, {
      topic: 'arts',
      text: '도자기',
      source: 'web',
      locale: 'ko',
    });
    await hideWish(ctx, { wishId: id, staffId: STAFF });
    expect(await refusalOf(hideWish(ctx, { wishId: id, staffId: STAFF }))).toBe('wish_not_found');
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'wishes.hide'));
    expect(audit).toHaveLength(1);
  });
});

describe('the wish rules (properties)', () => {
  it('accept any known topic with 2–200 characters and no phone number, and nothing else', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...WISH_TOPICS), fc.string({ maxLength: 12 })),
        fc.string({ unit: 'grapheme', maxLength: 260 }),
        (topic, text) => {
          const clean = text.normalize('NFC').replace(/\s+/g, ' ').trim();
          const n = [...clean].length;
          let outcome: string;
          try {
            checkedWish({ topic, text }, { requireText: true });
            outcome = 'ok';
          } catch (error) {
            outcome = error instanceof DomainError ? error.code : 'crash';
          }
          if (!isWishTopic(topic)) return outcome === 'wish_topic_invalid';
          if (n < 2) return outcome === 'wish_text_too_short';
          if (n > WISH_TEXT_MAX) return outcome === 'wish_text_too_long';
          if (looksLikePhoneNumber(clean)) return outcome === 'wish_text_has_phone';
          return outcome === 'ok';
        },
      ),
    );
  });

  it('find a phone number however it is spaced', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 11 }),
        fc.constantFrom('', ' ', '-', '.'),
        fc.string({ maxLength: 10 }).filter((s) => !/\d/.test(s)),
        (digits, sep, words) => {
          const text = `${words}${digits.join(sep)}`;
          return looksLikePhoneNumber(text);
        },
      ),
    );
    expect(looksLikePhoneNumber('2026년 3월에 12명')).toBe(false);
  });
});

/** A finished course of four meetings in a term with the given completion rule. */
async function finishedCourse(database: Database, completionPercent = 75) {
  const { roomId } = await makeRoom(database);
  const term = await makeTerm(database, { completionPercent });
  const course = await makeCourse(database, { termId: term.id, roomId });
  const meetingIds: string[] = [];
  for (let i = 4; i >= 1; i--) {
    const m = await makeMeeting(
      database,
      { courseId: course.id, roomId },
      new Date(Date.now() - i * 7 * DAY),
    );
    meetingIds.push(m.id);
  }
  return { course, meetingIds, roomId };
}

async function learner(
  database: Database,
  courseId: string,
  meetingIds: readonly string[],
  attended: number,
  name: string,
) {
  const resident = await makeResident(database, { name });
  const enrolment = await makeEnrolment(database, { courseId, residentId: resident.id });
  await database.write(async (tx) => {
    for (const meetingId of meetingIds.slice(0, attended)) {
      await tx.insert(attendance).values({
        id: `${enrolment.id}-${meetingId}`,
        enrolmentId: enrolment.id,
        meetingId,
        checkedInAt: new Date(),
        method: 'staff',
      });
    }
  });
  return resident;
}

describe('invitations to teach', () => {
  it('go to past learners at or above the completion rule, not anonymised, not opted out', async () => {
    const { ctx, database } = await setup();
    const { course, meetingIds, roomId } = await finishedCourse(database, 75);
    const completed = await learner(database, course.id, meetingIds, 3, '김수료');
    await learner(database, course.id, meetingIds, 2, '이미달');
    const anonymised = await learner(database, course.id, meetingIds, 4, '박익명');
    const optedOut = await learner(database, course.id, meetingIds, 4, '최거부');
    await database.write(async (tx) => {
      await tx
        .update(residents)
        .set({ anonymizedAt: new Date() })
        .where(eq(residents.id, anonymised.id));
      await tx
        .update(residents)
        .set({ teachInvitesOptOutAt: new Date() })
        .where(eq(residents.id, optedOut.id));
    });
    // A course still running does not count, however well attended so far.
    const term = await makeTerm(database);
    const running = await makeCourse(database, { termId: term.id, roomId });
    const past = await makeMeeting(
      database,
      { courseId: running.id, roomId },
      new Date(Date.now() - DAY),
    );
    const future = await makeMeeting(
      database,
      { courseId: running.id, roomId },
      new Date(Date.now() + DAY),
    );
    await learner(database, running.id, [past.id, future.id], 1, '정진행');

    const candidates = await teachCandidates(database.db, 'cooking', new Date());
    expect(candidates.map((c) => c.residentId)).toEqual([completed.id]);
    const preview = await previewTeachInvitations(ctx, { topic: 'cooking' });
    expect(preview).toEqual({ topic: 'cooking', count: 1, maskedNames: ['김*료'] });
  });

  it('write one text and one invitation each, once per topic, audited', async () => {
    const { ctx, database } = await setup();
    const { course, meetingIds } = await finishedCourse(database);
    const a = await learner(database, course.id, meetingIds, 4, '김하나');
    await learner(database, course.id, meetingIds, 3, '이둘');

    expect(await inviteToTeach(ctx, { topic: 'cooking', staffId: STAFF })).toEqual({
      topic: 'cooking',
      invited: 2,
    });
    expect(await inviteToTeach(ctx, { topic: 'cooking', staffId: STAFF })).toEqual({
      topic: 'cooking',
      invited: 0,
    });
    const texts = await database.db
      .select()
      .from(outbox)
      .where(eq(outbox.template, 'teach_invitation'));
    expect(texts).toHaveLength(2);
    expect(await database.db.select().from(teachInvitations)).toHaveLength(2);
    // Another topic is another invitation.
    expect((await inviteToTeach(ctx, { topic: 'music', staffId: STAFF })).invited).toBe(2);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'wishes.invite'));
    expect(audit.map((r) => r.detail)).toEqual([
      { topic: 'cooking', invited: 2 },
      { topic: 'cooking', invited: 0 },
      { topic: 'music', invited: 2 },
    ]);
    expect(JSON.stringify(audit)).not.toContain('김하나');

    const mine = texts.find((row) => row.recipient === a.phoneE164)!;
    const { text } = renderNotification(mine, { siteOrigin: 'https://seoro.example' });
    expect(text).toContain('요리');
    expect(text).toContain('https://seoro.example/teach ');
    const link = /https:\/\/seoro\.example\/teach\/opt-out\/(\S+)/.exec(text);
    expect(link).not.toBeNull();
    const token = link![1]!;

    expect(await refusalOf(optOutOfTeachInvites(ctx, { token: `${a.id}.wrong` }))).toBe(
      'teach_opt_out_invalid',
    );
    expect(await refusalOf(optOutOfTeachInvites(ctx, { token: token.slice(0, -1) + 'x' }))).toBe(
      'teach_opt_out_invalid',
    );
    const [before] = await database.db.select().from(residents).where(eq(residents.id, a.id));
    expect(before!.teachInvitesOptOutAt).toBeNull();

    expect(await optOutOfTeachInvites(ctx, { token })).toEqual({ optedOut: true });
    expect(await optOutOfTeachInvites(ctx, { token })).toEqual({ optedOut: true });
    const [after] = await database.db.select().from(residents).where(eq(residents.id, a.id));
    expect(after!.teachInvitesOptOutAt).toBeInstanceOf(Date);
    const next = await previewTeachInvitations(ctx, { topic: 'health' });
    expect(next.count).toBe(1);
    expect(next.maskedNames).toEqual(['이*']);
  });

  it('refuse a topic not on the list', async () => {
    const { ctx } = await setup();
    expect(await refusalOf(inviteToTeach(ctx, { topic: 'nope', staffId: STAFF }))).toBe(
      'wish_topic_invalid',
    );
  });
});
