import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { enrolments, outbox, residentSessions, residents } from '@seoro/db';
import { makeCourse, makeEnrolment, makeResident, makeRoom, makeTerm } from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import { anonymizeResidentInTx, anonymizedPhone } from './anonymize-resident';

describe('anonymizeResidentInTx', () => {
  it('destroys name and phone, keeps the rows statistics count, and is idempotent', async () => {
    const t = await testDatabase();
    const { roomId } = await makeRoom(t.database);
    const term = await makeTerm(t.database);
    const course = await makeCourse(t.database, { termId: term.id, roomId });
    const kim = await makeResident(t.database, { name: '김민지', phoneE164: '+821012345678' });
    const lee = await makeResident(t.database, { name: '이서준' });
    await makeEnrolment(t.database, { courseId: course.id, residentId: kim.id });
    await makeEnrolment(t.database, { courseId: course.id, residentId: lee.id });
    const now = new Date('2027-02-01T00:00:00Z');
    await t.database.write(async (tx) => {
      await tx.insert(residentSessions).values({
        id: 'session-kim',
        residentId: kim.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + 3_600_000),
      });
      for (const [id, status] of [
        ['m-sent', 'sent'],
        ['m-pending', 'pending'],
      ] as const) {
        await tx.insert(outbox).values({
          id,
          template: 'registration_confirmed',
          channel: 'sms',
          recipient: '+821012345678',
          locale: 'ko',
          payload: { name: '김민지' },
          status,
          nextAttemptAt: now,
          createdAt: now,
        });
      }
    });

    const counts = await t.database.write((tx) => anonymizeResidentInTx(tx, kim.id, now));
    expect(counts).toEqual({
      residents: 1,
      enrolmentNames: 1,
      sessions: 1,
      signInCodes: 0,
      messages: 2,
    });

    const [after] = await t.database.db.select().from(residents).where(eq(residents.id, kim.id));
    expect(after).toMatchObject({
      name: '',
      phoneE164: anonymizedPhone(kim.id),
      anonymizedAt: now,
    });
    const byPhone = await t.database.db
      .select()
      .from(residents)
      .where(eq(residents.phoneE164, '+821012345678'));
    expect(byPhone).toEqual([]);
    const rows = await t.database.db.select().from(enrolments);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.residentId === kim.id)?.name).toBe('');
    expect(rows.find((r) => r.residentId === lee.id)?.name).toBe('이서준');
    const messages = await t.database.db.select().from(outbox);
    expect(messages.map((m) => [m.id, m.recipient, m.payload, m.status])).toEqual(
      expect.arrayContaining([
        ['m-sent', '', {}, 'sent'],
        ['m-pending', '', {}, 'failed'],
      ]),
    );

    const again = await t.database.write((tx) => anonymizeResidentInTx(tx, kim.id, now));
    expect(again.residents).toBe(0);
  });
});
