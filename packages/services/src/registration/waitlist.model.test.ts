/**
 * Model-based test of the seat rules on a real database: random sequences of register, register
 * again, cancel, leave the waitlist and change capacity, checked after every step against a
 * simple in-memory model: confirmed ≤ capacity, nobody twice in a course, waitlist order kept,
 * and a promotion exactly when a seat frees.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, asc, eq, ne } from 'drizzle-orm';
import { enrolments, residents } from '@seoro/db';
import { makeCourse, makeRoom, makeTerm } from '@seoro/db/test';
import { DomainError } from '@seoro/domain';
import { createServiceContext, type ServiceContext } from '../context';
import { cancelEnrolment } from './cancel-enrolment';
import { changeCourseCapacity } from './change-course-capacity';
import { registerForCourse } from './register-for-course';
import { testDatabase } from '@seoro/db/test/vitest';

const PEOPLE = 8;
const phoneOf = (i: number) => `+82105550000${i}`;
const nameOf = (i: number) => `주민${String.fromCharCode(0xac00 + i)}`;

interface Model {
  capacity: number;
  confirmed: number[];
  waitlist: number[];
}
interface Real {
  ctx: ServiceContext;
  courseId: string;
  live: Map<number, string>;
  /** The last enrolment cancelled, so "cancel again" has something to try. */
  lastCancelled?: string;
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

/** Applies free seats to the head of the model's waitlist. */
function promote(m: Model): number[] {
  const moved: number[] = [];
  while (m.confirmed.length < m.capacity && m.waitlist.length > 0) {
    const next = m.waitlist.shift()!;
    m.confirmed.push(next);
    moved.push(next);
  }
  return moved;
}

async function checkInvariants(m: Model, r: Real) {
  const db = r.ctx.database.db;
  const rows = await db
    .select({ status: enrolments.status, phone: residents.phoneE164 })
    .from(enrolments)
    .innerJoin(residents, eq(residents.id, enrolments.residentId))
    .where(and(eq(enrolments.courseId, r.courseId), ne(enrolments.status, 'cancelled')))
    .orderBy(asc(enrolments.queueNo));
  const who = (phone: string) => Number(phone.slice(-1));
  const confirmed = rows.filter((x) => x.status === 'confirmed').map((x) => who(x.phone));
  const waiting = rows.filter((x) => x.status === 'waitlisted').map((x) => who(x.phone));
  expect(confirmed.length).toBeLessThanOrEqual(m.capacity);
  expect([...confirmed].sort()).toEqual([...m.confirmed].sort());
  expect(waiting).toEqual(m.waitlist);
  expect(new Set(rows.map((x) => x.phone)).size).toBe(rows.length);
  // No seat stays empty while someone waits.
  expect(waiting.length === 0 || confirmed.length === m.capacity).toBe(true);
}

class Register implements fc.AsyncCommand<Model, Real> {
  constructor(readonly who: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const isLive = m.confirmed.includes(this.who) || m.waitlist.includes(this.who);
    const attempt = registerForCourse(r.ctx, {
      courseId: r.courseId,
      name: nameOf(this.who),
      phone: phoneOf(this.who),
      consent: true,
      channel: 'web',
      locale: 'ko',
    });
    if (isLive) {
      expect(await refusal(attempt)).toBe('already_registered');
    } else {
      const result = await attempt;
      r.live.set(this.who, result.enrolmentId);
      if (m.confirmed.length < m.capacity) {
        expect(result.status).toBe('confirmed');
        m.confirmed.push(this.who);
      } else {
        expect(result).toMatchObject({
          status: 'waitlisted',
          waitlistPosition: m.waitlist.length + 1,
        });
        m.waitlist.push(this.who);
      }
    }
    await checkInvariants(m, r);
  }
  toString = () => `register(${this.who})`;
}

class Cancel implements fc.AsyncCommand<Model, Real> {
  constructor(readonly who: number) {}
  check = (m: Readonly<Model>) => m.confirmed.includes(this.who) || m.waitlist.includes(this.who);
  async run(m: Model, r: Real) {
    const wasConfirmed = m.confirmed.includes(this.who);
    const result = await cancelEnrolment(r.ctx, {
      enrolmentId: r.live.get(this.who)!,
      actor: { type: 'resident', id: 'x' },
    });
    r.lastCancelled = r.live.get(this.who);
    r.live.delete(this.who);
    m.confirmed = m.confirmed.filter((x) => x !== this.who);
    m.waitlist = m.waitlist.filter((x) => x !== this.who);
    const moved = wasConfirmed ? promote(m) : [];
    expect(result.previousStatus).toBe(wasConfirmed ? 'confirmed' : 'waitlisted');
    expect(result.promoted.map((p) => p.enrolmentId)).toEqual(moved.map((x) => r.live.get(x)));
    await checkInvariants(m, r);
  }
  toString = () => `cancel(${this.who})`;
}

class CancelTwice implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, r: Real) {
    const id = r.lastCancelled;
    if (!id) return;
    expect(
      await refusal(
        cancelEnrolment(r.ctx, { enrolmentId: id, actor: { type: 'resident', id: 'x' } }),
      ),
    ).toBe('not_cancellable');
    await checkInvariants(m, r);
  }
  toString = () => 'cancel-again';
}

class ChangeCapacity implements fc.AsyncCommand<Model, Real> {
  constructor(readonly capacity: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const attempt = changeCourseCapacity(r.ctx, {
      courseId: r.courseId,
      capacity: this.capacity,
      staffId: 'staff',
    });
    if (this.capacity < m.confirmed.length) {
      expect(await refusal(attempt)).toBe('capacity_below_confirmed');
    } else {
      const result = await attempt;
      m.capacity = this.capacity;
      const moved = promote(m);
      expect(result.promoted.map((p) => p.enrolmentId)).toEqual(moved.map((x) => r.live.get(x)));
    }
    await checkInvariants(m, r);
  }
  toString = () => `capacity(${this.capacity})`;
}

describe('seat rules (model-based)', () => {
  it('hold after every step of any sequence of operations', async () => {
    const person = fc.integer({ min: 0, max: PEOPLE - 1 });
    const commands = [
      person.map((i) => new Register(i)),
      person.map((i) => new Register(i)),
      person.map((i) => new Cancel(i)),
      fc.constant(new CancelTwice()),
      fc.integer({ min: 1, max: 6 }).map((c) => new ChangeCapacity(c)),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.commands(commands, { maxCommands: 40, size: 'max' }),
        async (capacity, cmds) => {
          const t = await testDatabase();
          const { roomId } = await makeRoom(t.database);
          const term = await makeTerm(t.database);
          const course = await makeCourse(t.database, { termId: term.id, roomId }, { capacity });
          const real: Real = {
            ctx: createServiceContext(t.database),
            courseId: course.id,
            live: new Map(),
          };
          await fc.asyncModelRun(
            () => ({ model: { capacity, confirmed: [], waitlist: [] }, real }),
            cmds,
          );
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
