import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { outbox } from '@seoro/db';
import {
  makeCourse,
  makeEnrolment,
  makeMeeting,
  makeResident,
  makeRoom,
  makeTerm,
} from '@seoro/db/test';
import type { Clock } from '@seoro/domain';
import { createServiceContext } from '../context';
import { renderNotification } from '../notifications';
import { queueMeetingReminders } from './queue-meeting-reminders';
import { testDatabase } from '@seoro/db/test/vitest';

describe('queueMeetingReminders', () => {
  it('reminds confirmed learners of tomorrow’s meeting once, from 10:00 KST', async () => {
    const t = await testDatabase();
    const { roomId } = await makeRoom(t.database);
    const term = await makeTerm(t.database);
    const course = await makeCourse(t.database, { termId: term.id, roomId });
    // Tomorrow (9 Jan) 14:00 KST, and a meeting the day after that must not be included.
    await makeMeeting(
      t.database,
      { courseId: course.id, roomId },
      new Date('2026-01-09T05:00:00Z'),
    );
    await makeMeeting(
      t.database,
      { courseId: course.id, roomId },
      new Date('2026-01-10T05:00:00Z'),
    );
    const a = await makeResident(t.database);
    const b = await makeResident(t.database);
    const c = await makeResident(t.database);
    await makeEnrolment(t.database, { courseId: course.id, residentId: a.id });
    await makeEnrolment(t.database, { courseId: course.id, residentId: b.id });
    await makeEnrolment(
      t.database,
      { courseId: course.id, residentId: c.id },
      { status: 'waitlisted' },
    );

    let now = new Date('2026-01-08T00:30:00Z'); // 09:30 KST: too early
    const clock: Clock = { now: () => now };
    const ctx = createServiceContext(t.database, { clock });
    expect(await queueMeetingReminders(ctx)).toBe(0);
    now = new Date('2026-01-08T01:00:00Z'); // 10:00 KST
    expect(await queueMeetingReminders(ctx)).toBe(2);
    now = new Date('2026-01-08T08:00:00Z');
    expect(await queueMeetingReminders(ctx)).toBe(0);

    const rows = await t.database.db
      .select()
      .from(outbox)
      .where(eq(outbox.template, 'meeting_reminder'));
    expect(rows.map((r) => r.recipient).sort()).toEqual([a.phoneE164, b.phoneE164].sort());
    const text = renderNotification(rows[0]!).text;
    expect(text).toContain('1월 9일');
    expect(text).toContain('오후 2:00');
  });

  it('queues nothing for a cancelled meeting or a cancelled course', async () => {
    const t = await testDatabase();
    const { roomId } = await makeRoom(t.database);
    const term = await makeTerm(t.database);
    const open = await makeCourse(t.database, { termId: term.id, roomId });
    const cancelled = await makeCourse(
      t.database,
      { termId: term.id, roomId },
      { status: 'cancelled' },
    );
    const tomorrow = new Date('2026-01-09T05:00:00Z');
    await makeMeeting(t.database, { courseId: open.id, roomId }, tomorrow, 120, {
      status: 'cancelled',
    });
    await makeMeeting(t.database, { courseId: cancelled.id, roomId }, tomorrow);
    for (const course of [open, cancelled]) {
      const r = await makeResident(t.database);
      await makeEnrolment(t.database, { courseId: course.id, residentId: r.id });
    }
    const ctx = createServiceContext(t.database, {
      clock: { now: () => new Date('2026-01-08T01:00:00Z') },
    });
    expect(await queueMeetingReminders(ctx)).toBe(0);
    expect(await t.database.db.select().from(outbox)).toEqual([]);
  });
});
