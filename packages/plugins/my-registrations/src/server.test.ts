import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { auditLog, enrolments, outbox, residentSessions, type Database } from '@seoro/db';
import {
  makeCourse,
  makeEnrolment,
  makeMeeting,
  makeResident,
  makeRoom,
  makeTerm,
} from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import type { Clock } from '@seoro/domain';
import { createServiceContext, resolveResidentSession } from '@seoro/services';
import { createCallerFactory, createRateLimiter, type TrpcContext } from '@seoro/trpc';
import { myRegistrationsClientRouter, myRegistrationsKioskRouter } from './server';

const MINUTE = 60_000;
// 2026-01-20 12:00 KST, a Tuesday in the middle of the term.
const START = Date.parse('2026-01-20T03:00:00Z');
const kst = (date: string, time: string) => new Date(`${date}T${time}:00+09:00`);

function manualClock(): Clock & { advance(ms: number): void } {
  let at = START;
  return { now: () => new Date(at), advance: (ms) => void (at += ms) };
}

async function setup() {
  const t = await testDatabase();
  const clock = manualClock();
  const services = createServiceContext(t.database, { clock });
  const { roomId } = await makeRoom(t.database);
  const me = await makeResident(t.database, { name: '홍길동', phoneE164: '+821055501234' });
  const other = await makeResident(t.database, { name: '김영희', phoneE164: '+821055505678' });
  const rateLimiter = createRateLimiter();
  const contextAt = (kioskId: string): TrpcContext => ({
    services,
    rateLimiter,
    locale: 'ko',
    ip: '10.0.0.7',
    requestId: 'test',
    staff: null,
    kiosk: { id: kioskId, name: kioskId, roomId, enabledPlugins: ['my-registrations'] },
    resident: null,
  });
  const callerAt = (kioskId: string) =>
    createCallerFactory(myRegistrationsKioskRouter)(contextAt(kioskId));
  return {
    ...t,
    clock,
    services,
    roomId,
    me,
    other,
    contextAt,
    callerAt,
    caller: callerAt('kiosk-1'),
    phone: '010-5550-1234',
  };
}

/** The code texted last, read from the outbox as the SMS gateway would get it. */
async function lastTextedCode(database: Database): Promise<string> {
  const rows = await database.db
    .select()
    .from(outbox)
    .where(eq(outbox.template, 'one_time_code'))
    .orderBy(sql`rowid`);
  const payload = rows.at(-1)?.payload as { otp: string } | undefined;
  if (!payload) throw new Error('no code was texted');
  return payload.otp;
}

/** The tRPC error a call failed with: its code and the domain code behind it. */
async function failure(p: Promise<unknown>): Promise<{ code: string; domain: string | null }> {
  try {
    await p;
  } catch (e) {
    const error = e as { code?: string; cause?: { code?: string } };
    return { code: error.code ?? 'unknown', domain: error.cause?.code ?? null };
  }
  throw new Error('the call was not refused');
}

async function signIn(env: Awaited<ReturnType<typeof setup>>) {
  await env.caller.requestCode({ phone: env.phone });
  const code = await lastTextedCode(env.database);
  return (await env.caller.verifyCode({ phone: env.phone, code })).token;
}

describe('code request and sign-in at a kiosk', () => {
  it('texts a code to a resident and answers an unknown number exactly alike', async () => {
    const { caller, database, me } = await setup();
    const known = await caller.requestCode({ phone: '010-5550-1234' });
    const unknown = await caller.requestCode({ phone: '010-9999-0000' });
    expect(known).toEqual({
      validForSeconds: 300,
      resendAfterSeconds: 60,
      maskedPhone: '010-****-1234',
    });
    expect(unknown).toEqual({ ...known, maskedPhone: '010-****-0000' });
    const texts = await database.db.select().from(outbox);
    expect(texts.map((t) => [t.template, t.recipient])).toEqual([['one_time_code', me.phoneE164]]);
    expect(await database.db.select().from(auditLog)).toMatchObject([
      { action: 'resident.sign_in_code_sent', residentId: me.id, detail: { kioskId: 'kiosk-1' } },
    ]);
  });

  it('asks for the wait before a second code, and refuses a number that is not a mobile', async () => {
    const { caller, database } = await setup();
    await caller.requestCode({ phone: '01055501234' });
    expect(await failure(caller.requestCode({ phone: '010-5550-1234' }))).toEqual({
      code: 'TOO_MANY_REQUESTS',
      domain: 'rate_limited',
    });
    expect(await failure(caller.requestCode({ phone: '02-123-4567' }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await database.db.select().from(outbox)).toHaveLength(1);
  });

  it('opens a session on the right code only; its token is this kiosk’s, never a web cookie', async () => {
    const env = await setup();
    const { caller, callerAt, database, services, phone, me } = env;
    await caller.requestCode({ phone });
    const code = await lastTextedCode(database);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(await failure(caller.verifyCode({ phone, code: wrong }))).toEqual({
      code: 'BAD_REQUEST',
      domain: 'otp_invalid',
    });
    const signedIn = await caller.verifyCode({ phone, code });
    expect(signedIn).toEqual({ token: expect.stringMatching(/^[\w-]{43}$/), idleSeconds: 300 });
    // Spent: the same code cannot open a second session.
    expect((await failure(caller.verifyCode({ phone, code }))).domain).toBe('otp_invalid');

    const [session] = await database.db.select().from(residentSessions);
    expect(session).toMatchObject({ residentId: me.id });
    expect(session!.expiresAt.getTime() - START).toBe(15 * MINUTE);
    expect(await resolveResidentSession(services, signedIn.token)).toEqual({ state: 'none' });
    expect(
      await failure(callerAt('kiosk-2').registrations({ token: signedIn.token })),
    ).toMatchObject({ code: 'UNAUTHORIZED', domain: 'session_expired' });
    const signInAudit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'resident.sign_in'));
    expect(signInAudit).toMatchObject([{ residentId: me.id, detail: { kioskId: 'kiosk-1' } }]);
  });
});

describe('the kiosk session', () => {
  it('ends after five idle minutes, and keeps going while it is used', async () => {
    const env = await setup();
    const token = await signIn(env);
    for (let i = 0; i < 3; i++) {
      env.clock.advance(4 * MINUTE);
      await env.caller.registrations({ token });
    }
    env.clock.advance(5 * MINUTE);
    expect(await failure(env.caller.registrations({ token }))).toEqual({
      code: 'UNAUTHORIZED',
      domain: 'session_expired',
    });
    expect(await env.database.db.select().from(residentSessions)).toEqual([]);
  });

  it('ends fifteen minutes after sign-in however busy it is', async () => {
    const env = await setup();
    const token = await signIn(env);
    for (let i = 0; i < 7; i++) {
      env.clock.advance(2 * MINUTE);
      await env.caller.registrations({ token });
    }
    env.clock.advance(MINUTE + 1);
    expect((await failure(env.caller.registrations({ token }))).domain).toBe('session_expired');
  });

  it('ends when the screen says so, and ending it again is harmless', async () => {
    const env = await setup();
    const token = await signIn(env);
    expect(await env.caller.end({ token })).toEqual({ ended: true });
    expect((await failure(env.caller.registrations({ token }))).domain).toBe('session_expired');
    expect(await env.caller.end({ token })).toEqual({ ended: true });
    expect(await env.database.db.select().from(residentSessions)).toEqual([]);
    const signOut = await env.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'resident.sign_out'));
    expect(signOut).toMatchObject([{ residentId: env.me.id, detail: { kioskId: 'kiosk-1' } }]);
  });

  it('never takes the token in a query: every call that carries it is a POST', async () => {
    const env = await setup();
    const token = await signIn(env);
    for (const [name, procedure] of Object.entries(myRegistrationsKioskRouter._def.procedures)) {
      expect([name, (procedure as { _def: { type: string } })._def.type]).toEqual([
        name,
        'mutation',
      ]);
    }
    const request = (method: 'GET' | 'POST') =>
      fetchRequestHandler({
        endpoint: '/trpc',
        router: myRegistrationsClientRouter,
        createContext: () => env.contextAt('kiosk-1'),
        req: new Request(
          method === 'GET'
            ? `http://kiosk.test/trpc/myRegistrations.registrations?input=${encodeURIComponent(
                JSON.stringify({ token }),
              )}`
            : 'http://kiosk.test/trpc/myRegistrations.registrations',
          method === 'GET'
            ? { method }
            : {
                method,
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ token }),
              },
        ),
      });
    const viaGet = await request('GET');
    expect(viaGet.status).toBe(405);
    expect(JSON.stringify(await viaGet.json())).not.toContain('홍');
    const viaPost = await request('POST');
    expect(viaPost.status).toBe(200);
    expect(await viaPost.json()).toMatchObject({
      result: { data: { maskedName: '홍*동', maskedPhone: '010-****-1234' } },
    });
  });
});

describe('registrations and cancelling at a kiosk', () => {
  async function withCourses() {
    const env = await setup();
    const { database, roomId, me, other } = env;
    const term = await makeTerm(database, { nameKo: '2026년 1기', nameEn: '2026 Term 1' });
    const course = (titleKo: string, capacity = 10) =>
      makeCourse(
        database,
        { termId: term.id, roomId },
        { titleKo, titleEn: `${titleKo} (en)`, capacity },
      );
    const full = await course('세금 꿀팁', 1);
    await makeMeeting(database, { courseId: full.id, roomId }, kst('2026-01-15', '14:00'));
    await makeMeeting(database, { courseId: full.id, roomId }, kst('2026-01-22', '14:00'));
    await makeMeeting(database, { courseId: full.id, roomId }, kst('2026-01-29', '14:00'));
    const seat = await makeEnrolment(database, { courseId: full.id, residentId: me.id });
    const othersWait = await makeEnrolment(
      database,
      { courseId: full.id, residentId: other.id },
      { status: 'waitlisted', queueNo: 9001 },
    );
    const calli = await course('캘리그라피', 1);
    await makeMeeting(database, { courseId: calli.id, roomId }, kst('2026-01-21', '10:00'));
    const othersSeat = await makeEnrolment(database, { courseId: calli.id, residentId: other.id });
    const myWait = await makeEnrolment(
      database,
      { courseId: calli.id, residentId: me.id },
      { status: 'waitlisted', queueNo: 9002 },
    );
    const walking = await course('걸음걸이');
    await makeMeeting(database, { courseId: walking.id, roomId }, kst('2026-01-23', '10:00'));
    await makeEnrolment(
      database,
      { courseId: walking.id, residentId: me.id },
      { status: 'cancelled', cancelledAt: new Date(START) },
    );
    const token = await signIn(env);
    return { ...env, token, seat, othersWait, othersSeat, myWait };
  }

  const statusOf = async (database: Database, id: string) =>
    (await database.db.select().from(enrolments).where(eq(enrolments.id, id)))[0]!.status;

  it('lists only this resident’s: live first with the next class, cancelled apart without a code', async () => {
    const { caller, token, seat, myWait, othersSeat, othersWait } = await withCourses();
    const view = await caller.registrations({ token });
    expect(view.maskedName).toBe('홍*동');
    expect(view.maskedPhone).toBe('010-****-1234');
    expect(
      view.live.map((r) => [r.course.title.ko, r.state, r.waitlistPosition, r.nextMeeting?.date]),
    ).toEqual([
      ['캘리그라피', 'waitlisted', 1, '2026-01-21'],
      ['세금 꿀팁', 'confirmed', null, '2026-01-22'],
    ]);
    expect(view.live[1]).toMatchObject({
      enrolmentId: seat.id,
      code: seat.code,
      cancellable: true,
      attendance: { attended: 0, held: 1 },
      nextMeeting: { startTime: '14:00', endTime: '16:00', room: { ko: '제1강의실' } },
    });
    // A waiting place has nothing to check in with.
    expect(view.live[0]!.code).toBeNull();
    expect(view.past).toMatchObject([
      { state: 'cancelled', code: null, nextMeeting: null, cancellable: false },
    ]);
    const ids = [...view.live, ...view.past].map((r) => r.enrolmentId);
    expect(ids).toContain(myWait.id);
    expect(ids).not.toContain(othersSeat.id);
    expect(ids).not.toContain(othersWait.id);
  });

  it('cancels a seat with the web’s rules: the next in line is promoted and texted', async () => {
    const { caller, database, token, seat, othersWait, me, other } = await withCourses();
    await database.write((tx) => tx.delete(outbox));
    expect(await caller.cancel({ token, enrolmentId: seat.id })).toEqual({
      previousStatus: 'confirmed',
      promotedCount: 1,
    });
    expect(await statusOf(database, seat.id)).toBe('cancelled');
    expect(await statusOf(database, othersWait.id)).toBe('confirmed');
    const texts = await database.db.select().from(outbox);
    expect(texts.map((t) => [t.template, t.recipient]).sort()).toEqual(
      [
        ['enrolment_cancelled', me.phoneE164],
        ['promoted_from_waitlist', other.phoneE164],
      ].sort(),
    );
    const cancelAudit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'enrolment.cancel'));
    expect(cancelAudit).toMatchObject([
      {
        actorType: 'resident',
        actorId: me.id,
        subjectId: seat.id,
        detail: { kioskId: 'kiosk-1', promoted: [othersWait.id] },
      },
    ]);
    expect(await failure(caller.cancel({ token, enrolmentId: seat.id }))).toEqual({
      code: 'CONFLICT',
      domain: 'not_cancellable',
    });
  });

  it('lets a waiting resident leave the waitlist', async () => {
    const { caller, database, token, myWait } = await withCourses();
    expect(await caller.cancel({ token, enrolmentId: myWait.id })).toEqual({
      previousStatus: 'waitlisted',
      promotedCount: 0,
    });
    expect(await statusOf(database, myWait.id)).toBe('cancelled');
    const view = await caller.registrations({ token });
    expect(view.past.map((r) => [r.enrolmentId, r.code])).toContainEqual([myWait.id, null]);
    expect(view.live.map((r) => r.state)).toEqual(['confirmed']);
  });

  it('answers someone else’s enrolment as not found and changes nothing', async () => {
    const { caller, database, token, othersSeat, othersWait } = await withCourses();
    const before = await database.db.select().from(auditLog);
    const outboxBefore = await database.db.select().from(outbox);
    expect(await failure(caller.cancel({ token, enrolmentId: othersSeat.id }))).toEqual({
      code: 'NOT_FOUND',
      domain: 'enrolment_not_found',
    });
    expect(await statusOf(database, othersSeat.id)).toBe('confirmed');
    expect(await statusOf(database, othersWait.id)).toBe('waitlisted');
    expect(await database.db.select().from(auditLog)).toEqual(before);
    expect(await database.db.select().from(outbox)).toEqual(outboxBefore);
  });

  it('refuses to cancel without a live session', async () => {
    const { caller, database, token, seat } = await withCourses();
    await caller.end({ token });
    expect(await failure(caller.cancel({ token, enrolmentId: seat.id }))).toMatchObject({
      domain: 'session_expired',
    });
    expect(
      await failure(caller.cancel({ token: 'not-a-token', enrolmentId: seat.id })),
    ).toMatchObject({ domain: 'session_expired' });
    expect(await statusOf(database, seat.id)).toBe('confirmed');
  });
});
