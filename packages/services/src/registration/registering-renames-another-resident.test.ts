import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { enrolments, residents } from '@seoro/db';
import { makeCourse, makeMeeting, makeRoom, makeTerm } from '@seoro/db/test';
import { maskName, type Clock } from '@seoro/domain';
import { testDatabase } from '@seoro/db/test/vitest';
import { checkInWithCode } from '../checkin/check-in-with-code';
import { createServiceContext } from '../context';
import { getRegistrationByCode } from './get-registration-by-code';
import { listMyRegistrations } from './list-my-registrations';
import { registerForCourse, type RegisterInput } from './register-for-course';

const NOW = new Date('2026-01-10T03:00:00Z');
const fixed = (d: Date): Clock => ({ now: () => d });

async function setup(courseCount = 2) {
  const t = await testDatabase();
  const { roomId } = await makeRoom(t.database);
  const term = await makeTerm(t.database, {
    registrationOpensAt: new Date('2025-12-22T01:00:00Z'),
    registrationClosesAt: new Date('2026-01-15T09:00:00Z'),
  });
  const courses = [];
  for (let i = 0; i < courseCount; i++) {
    courses.push(await makeCourse(t.database, { termId: term.id, roomId }));
  }
  const ctx = createServiceContext(t.database, { clock: fixed(NOW) });
  return { ...t, ctx, roomId, courses };
}

const registration = (courseId: string, name: string, phone: string): RegisterInput => ({
  courseId,
  name,
  phone,
  consent: true,
  channel: 'web',
  locale: 'ko',
});

async function residentByPhone(t: Awaited<ReturnType<typeof setup>>, phone: string) {
  const [row] = await t.database.db
    .select()
    .from(residents)
    .where(eq(residents.phoneE164, phone))
    .limit(1);
  if (!row) throw new Error(`no resident with ${phone}`);
  return row;
}

async function enrolmentName(t: Awaited<ReturnType<typeof setup>>, enrolmentId: string) {
  const [row] = await t.database.db
    .select({ name: enrolments.name })
    .from(enrolments)
    .where(eq(enrolments.id, enrolmentId));
  return row?.name;
}

describe('Registering renames another resident', () => {
  it("keeps the resident's name when someone registers with their phone and another name", async () => {
    const t = await setup();
    const [courseA, courseB] = t.courses;
    await makeMeeting(t.database, { courseId: courseA!.id, roomId: t.roomId }, NOW);
    const phone = '010-3141-5926';

    const mine = await registerForCourse(t.ctx, registration(courseA!.id, '김철수', phone));
    const resident = await residentByPhone(t, '+821031415926');
    const theirs = await registerForCourse(t.ctx, registration(courseB!.id, '박공격', phone));
    expect(theirs.status).toBe('confirmed');

    // The stored identity is the one the phone's owner gave.
    const after = await residentByPhone(t, '+821031415926');
    expect(after).toMatchObject({ id: resident.id, name: '김철수', phoneE164: '+821031415926' });
    // What a registration may renew, it stores as instants (epoch ms), not as anything else.
    expect(after.consentedAt.getTime()).toBe(t.ctx.clock.now().getTime());
    expect(after.updatedAt.getTime()).toBe(t.ctx.clock.now().getTime());
    expect(after.retainUntil?.getTime()).toBe(resident.retainUntil?.getTime());

    // Their confirmation page and the kiosk still greet them by their own name.
    const view = await getRegistrationByCode(t.ctx, mine.code);
    expect(view.maskedName).toBe('김*수');
    expect(view.maskedPhone).toBe('010-****-5926');
    const checkIn = await checkInWithCode(t.ctx, { code: mine.code, method: 'qr' });
    expect(checkIn.maskedName).toBe('김*수');
    const my = await listMyRegistrations(t.ctx, { residentId: resident.id });
    expect(my.maskedName).toBe('김*수');

    // The other registration keeps the name it was made with.
    expect(await enrolmentName(t, mine.enrolmentId)).toBe('김철수');
    expect(await enrolmentName(t, theirs.enrolmentId)).toBe('박공격');
    expect((await getRegistrationByCode(t.ctx, theirs.code)).maskedName).toBe('박*격');
  });

  it('never changes a resident row, whatever names later registrations give', async () => {
    const t = await setup(3);
    const syllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c));
    const koreanName = fc.array(syllable, { minLength: 2, maxLength: 4 }).map((s) => s.join(''));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(koreanName, { minLength: 2, maxLength: t.courses.length }),
        async (names) => {
          n++;
          const digits = String(5_000_000 + n).padStart(8, '0');
          const phone = `010-${digits.slice(0, 4)}-${digits.slice(4)}`;
          const e164 = `+8210${digits}`;
          const codes: string[] = [];
          let before: typeof residents.$inferSelect | undefined;
          for (const [i, name] of names.entries()) {
            const r = await registerForCourse(t.ctx, registration(t.courses[i]!.id, name, phone));
            codes.push(r.code);
            before ??= await residentByPhone(t, e164);
          }
          expect(await residentByPhone(t, e164)).toEqual({
            ...before,
            // Registering again may extend how long the data is kept and renew consent.
            consentedAt: expect.any(Date),
            updatedAt: expect.any(Date),
            retainUntil: expect.any(Date),
          });
          expect((await residentByPhone(t, e164)).name).toBe(names[0]);
          for (const [i, code] of codes.entries()) {
            expect((await getRegistrationByCode(t.ctx, code)).maskedName).toBe(maskName(names[i]!));
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
