/**
 * Check-ins a kiosk kept while the network was down and sends later: judged at the time of the
 * tap, stored with it, and written exactly once per key however they are resent.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { attendance, auditLog } from '@seoro/db';
import {
  makeCourse,
  makeEnrolment,
  makeMeeting,
  makeResident,
  makeRoom,
  makeTerm,
} from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import { DomainError, type Clock } from '@seoro/domain';
import { createServiceContext } from '../context';
import { checkInWithCode, type CheckInInput } from './check-in-with-code';

const START = new Date('2026-01-08T05:00:00Z'); // Thu 14:00 KST, a 90-minute class
const instant = (minutes: number) => new Date(START.getTime() + minutes * 60_000);
const at = (minutes: number): Clock => ({ now: () => instant(minutes) });

async function setup(learners = 1) {
  const t = await testDatabase();
  const { roomId } = await makeRoom(t.database);
  const term = await makeTerm(t.database);
  const course = await makeCourse(t.database, { termId: term.id, roomId });
  const meeting = await makeMeeting(t.database, { courseId: course.id, roomId }, START, 90);
  const enrolments: Awaited<ReturnType<typeof makeEnrolment>>[] = [];
  for (let i = 0; i < learners; i++) {
    const resident = await makeResident(t.database, { name: '홍길동' });
    enrolments.push(
      await makeEnrolment(t.database, { courseId: course.id, residentId: resident.id }),
    );
  }
  const events: unknown[] = [];
  const ctx = (clock: Clock) =>
    createServiceContext(t.database, {
      clock,
      hookHandlers: [{ onCheckIn: (e) => void events.push(e) }],
    });
  return { ...t, ctx, course, meeting, enrolments, events };
}

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('checkInWithCode with a client key and the time of the tap', () => {
  it('stores the tap time, the arrival time and the key; the key again writes nothing', async () => {
    const { ctx, enrolments, database, events } = await setup();
    const code = enrolments[0]!.code;
    const clientKey = randomUUID();
    const takenAt = instant(10).toISOString();
    const sent = await checkInWithCode(ctx(at(50)), {
      code,
      method: 'keypad',
      kioskId: null,
      clientKey,
      takenAt,
      queued: true,
    });
    expect(sent.status).toBe('checked_in');
    expect(sent.checkedInAt).toBe(takenAt);
    expect(sent.firstCheckedInAt).toBe(takenAt);

    const rows = await database.db.select().from(attendance);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.checkedInAt.toISOString()).toBe(takenAt);
    expect(rows[0]!.receivedAt?.toISOString()).toBe(instant(50).toISOString());
    expect(rows[0]!.clientKey).toBe(clientKey);

    const [audit] = await database.db.select().from(auditLog);
    expect(audit!.detail).toMatchObject({ method: 'keypad', takenAt, queued: true });

    // Sent again hours later (a reload, a second flush): a repeat, even past the window.
    const again = await checkInWithCode(ctx(at(300)), {
      code,
      method: 'keypad',
      clientKey,
      takenAt,
      queued: true,
    });
    expect(again.status).toBe('already_checked_in');
    expect(again.firstCheckedInAt).toBe(takenAt);
    expect(await database.db.select().from(attendance)).toHaveLength(1);
    expect(await database.db.select().from(auditLog)).toHaveLength(1);
    expect(events).toHaveLength(1);
  });

  it('judges the window and lateness at the tap, not at arrival', async () => {
    const { ctx, enrolments, database } = await setup(3);
    // Tapped on time, arrived after the class ended: accepted, on time.
    const onTime = await checkInWithCode(ctx(at(120)), {
      code: enrolments[0]!.code,
      method: 'qr',
      clientKey: randomUUID(),
      takenAt: instant(-5).toISOString(),
    });
    expect(onTime).toMatchObject({ status: 'checked_in', late: false });
    // Tapped 15 minutes in, arrived an hour later: late, as at the tap.
    const late = await checkInWithCode(ctx(at(75)), {
      code: enrolments[1]!.code,
      method: 'qr',
      clientKey: randomUUID(),
      takenAt: instant(15).toISOString(),
    });
    expect(late).toMatchObject({ status: 'checked_in', late: true });
    // Tapped before the window opened: refused even though the window is open on arrival.
    expect(
      await refusal(
        checkInWithCode(ctx(at(0)), {
          code: enrolments[2]!.code,
          method: 'qr',
          clientKey: randomUUID(),
          takenAt: instant(-40).toISOString(),
        }),
      ),
    ).toBe('check_in_too_early');
    const rows = await database.db
      .select()
      .from(attendance)
      .where(eq(attendance.enrolmentId, enrolments[0]!.id));
    expect(rows[0]!.checkedInAt.toISOString()).toBe(instant(-5).toISOString());
  });

  it('judges "today" at the tap: a tap from yesterday evening is not today’s class', async () => {
    const { ctx, enrolments, database } = await setup();
    // Sent the next morning for yesterday's 14:00 class: still that class, within 24 hours.
    const next = await checkInWithCode(ctx(at(20 * 60)), {
      code: enrolments[0]!.code,
      method: 'keypad',
      clientKey: randomUUID(),
      takenAt: instant(30).toISOString(),
    });
    expect(next).toMatchObject({ status: 'checked_in', meeting: { date: '2026-01-08' } });
    expect(await database.db.select().from(attendance)).toHaveLength(1);
  });

  it('refuses taps dated in the future beyond clock drift, or older than a day', async () => {
    const { ctx, enrolments, database } = await setup();
    const code = enrolments[0]!.code;
    const send = (now: number, tap: number) =>
      refusal(
        checkInWithCode(ctx(at(now)), {
          code,
          method: 'keypad',
          clientKey: randomUUID(),
          takenAt: instant(tap).toISOString(),
        }),
      );
    expect(await send(0, 3)).toBe('check_in_time_in_future');
    expect(await send(24 * 60 + 10, 0)).toBe('check_in_time_too_old');
    expect(await database.db.select().from(attendance)).toHaveLength(0);
    // A kiosk clock a minute fast is drift, not a refusal; the row is never dated ahead of arrival.
    const ahead = await checkInWithCode(ctx(at(0)), {
      code,
      method: 'keypad',
      clientKey: randomUUID(),
      takenAt: instant(1).toISOString(),
    });
    expect(ahead.checkedInAt).toBe(instant(0).toISOString());
  });

  it('refuses a known key sent with another code, and writes nothing', async () => {
    const { ctx, enrolments, database } = await setup(2);
    const clientKey = randomUUID();
    await checkInWithCode(ctx(at(0)), { code: enrolments[0]!.code, method: 'qr', clientKey });
    expect(
      await refusal(
        checkInWithCode(ctx(at(1)), { code: enrolments[1]!.code, method: 'qr', clientKey }),
      ),
    ).toBe('idempotency_conflict');
    expect(await database.db.select().from(attendance)).toHaveLength(1);
  });

  it('a tap already checked in under another key answers as a repeat', async () => {
    const { ctx, enrolments, database } = await setup();
    const code = enrolments[0]!.code;
    await checkInWithCode(ctx(at(0)), { code, method: 'qr' });
    const later = await checkInWithCode(ctx(at(30)), {
      code,
      method: 'keypad',
      clientKey: randomUUID(),
      takenAt: instant(5).toISOString(),
      queued: true,
    });
    expect(later.status).toBe('already_checked_in');
    expect(later.firstCheckedInAt).toBe(instant(0).toISOString());
    expect(await database.db.select().from(attendance)).toHaveLength(1);
  });

  it('any interleaving and repetition of queued sends writes exactly one row per item', async () => {
    const learners = 4;
    const { ctx, database, course, events } = await setup(0);
    await fc.assert(
      fc.asyncProperty(
        // Which items (by learner) are sent, how often each, and in what order and grouping.
        fc.array(fc.nat({ max: learners - 1 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        async (sends, concurrent) => {
          // Each run has learners of its own, so runs share the database without meeting.
          const items: { enrolmentId: string; input: CheckInInput }[] = [];
          for (let i = 0; i < learners; i++) {
            const resident = await makeResident(database);
            const e = await makeEnrolment(database, {
              courseId: course.id,
              residentId: resident.id,
            });
            items.push({
              enrolmentId: e.id,
              input: {
                code: e.code,
                method: 'keypad' as const,
                clientKey: randomUUID(),
                takenAt: instant(i).toISOString(),
                queued: true,
              },
            });
          }
          // Sends in one batch run at once (two flushes, a retry racing its original).
          let batch: Promise<unknown>[] = [];
          for (const [n, i] of sends.entries()) {
            batch.push(checkInWithCode(ctx(at(40)), items[i]!.input));
            if (!concurrent[n]) {
              await Promise.all(batch);
              batch = [];
            }
          }
          await Promise.all(batch);
          const rows = await database.db
            .select()
            .from(attendance)
            .where(
              inArray(
                attendance.enrolmentId,
                items.map((i) => i.enrolmentId),
              ),
            );
          const sent = new Set(sends);
          expect(rows).toHaveLength(sent.size);
          for (const i of sent) {
            const own = rows.filter((r) => r.clientKey === items[i]!.input.clientKey);
            expect(own).toHaveLength(1);
            expect(own[0]!.checkedInAt.toISOString()).toBe(items[i]!.input.takenAt);
          }
          const created = events.filter((e) =>
            items.some((i) => (e as { enrolmentId: string }).enrolmentId === i.enrolmentId),
          );
          expect(created).toHaveLength(sent.size);
        },
      ),
      { numRuns: 25 },
    );
  });
});
