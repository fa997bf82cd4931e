/**
 * Every staff procedure that hands out a resident's personal data leaves an audit row. Each staff
 * procedure is called by an administrator on the demo data; when its answer holds a resident's
 * name or phone number, the call must have written an audit row naming the administrator. A new
 * staff procedure fails the first test until it has an input below, so none is left unchecked.
 */
import { describe, expect, it } from 'vitest';
import { seedDemoData } from '@seoro/db/seed';
import { testDatabase } from '@seoro/db/test/vitest';
import { createServiceContext } from '@seoro/services';
import { createRateLimiter, type TrpcContext } from '@seoro/trpc';
import { appRouter } from './router';

/** Ids in the demo data that the inputs below refer to. */
interface Demo {
  termId: string;
  courseId: string;
  /** A confirmed learner's enrolment in `courseId`. */
  enrolmentId: string;
  /** A waitlisted enrolment, in any course. */
  waitlistedId: string;
  /** A course with a waitlist, the one of `waitlistedId`. */
  waitlistCourseId: string;
}

/** An input for each staff procedure, or why it is not called here. */
const INPUTS: Record<string, ((demo: Demo) => unknown) | { skip: string }> = {
  'staff.auth.signIn': { skip: 'signs in; returns only the staff member' },
  'staff.auth.signOut': { skip: 'signs out' },
  'staff.auth.me': () => undefined,
  'staff.courses.cancel': (d) => ({ courseId: d.courseId, reason: '시험' }),
  'staff.audit.search': () => ({}),
  'staff.rosters.courses': (d) => ({ termId: d.termId }),
  'staff.rosters.roster': (d) => ({ courseId: d.courseId }),
  'staff.rosters.revealPhone': (d) => ({ enrolmentId: d.enrolmentId, reason: '연락' }),
  'staff.rosters.changeCapacity': (d) => ({ courseId: d.waitlistCourseId, capacity: 30 }),
  'staff.rosters.moveWaitlist': (d) => ({
    enrolmentId: d.waitlistedId,
    toPosition: 1,
    reason: '시험',
  }),
  'staff.rosters.cancelEnrolment': (d) => ({ enrolmentId: d.enrolmentId, reason: '시험' }),
  'staff.rosters.register': (d) => ({
    courseId: d.courseId,
    name: '최등록',
    phone: '010-5555-0101',
    consent: true,
    locale: 'ko',
  }),
};

/** Procedures known to answer with names or phones: the check must see it in them. */
const KNOWN_PERSONAL = ['staff.rosters.roster', 'staff.rosters.revealPhone'];

const staffPaths = Object.keys(appRouter._def.procedures).filter((p) => p.startsWith('staff.'));

async function setup() {
  const { database } = await testDatabase();
  await seedDemoData(database);
  const one = async <T>(query: string): Promise<T> => {
    const { rows } = await database.client.execute(query);
    if (!rows[0]) throw new Error(`the demo data has nothing for: ${query}`);
    return { ...rows[0] } as T;
  };
  const admin = await one<{ id: string; email: string; name: string }>(
    'select id, email, name from staff_users limit 1',
  );
  const term = await one<{ id: string }>(
    "select id from terms where status = 'published' order by starts_on desc limit 1",
  );
  const confirmed = await one<{ id: string; course_id: string }>(
    `select e.id, e.course_id from enrolments e join courses c on c.id = e.course_id
     where e.status = 'confirmed' and c.term_id = '${term.id}' order by e.created_at limit 1`,
  );
  const waitlisted = await one<{ id: string; course_id: string }>(
    "select id, course_id from enrolments where status = 'waitlisted' limit 1",
  );
  const demo: Demo = {
    termId: term.id,
    courseId: confirmed.course_id,
    enrolmentId: confirmed.id,
    waitlistedId: waitlisted.id,
    waitlistCourseId: waitlisted.course_id,
  };
  const ctx: TrpcContext = {
    services: createServiceContext(database),
    rateLimiter: createRateLimiter(),
    locale: 'ko',
    ip: '127.0.0.1',
    requestId: 'test',
    staff: { id: admin.id, role: 'admin', email: admin.email, name: admin.name },
    kiosk: null,
    resident: null,
  };
  return { database, demo, ctx, adminId: admin.id };
}

type Database = Awaited<ReturnType<typeof setup>>['database'];

/** Every way a resident's name or phone number could appear in an answer. */
async function personalStrings(database: Database): Promise<string[]> {
  const { rows } = await database.client.execute('select name, phone_e164 from residents');
  return rows.flatMap((row) => {
    const name = String(row.name);
    const phone = String(row.phone_e164);
    const national = `0${phone.replace(/^\+82/, '')}`;
    return [
      name,
      phone,
      national,
      `${national.slice(0, 3)}-${national.slice(3, -4)}-${national.slice(-4)}`,
    ];
  });
}

/** The audit rows written after rowid `after`: their action and actor. */
async function auditAfter(database: Database, after: number) {
  const { rows } = await database.client.execute({
    sql: 'select action, actor_id from audit_log where rowid > ? order by rowid',
    args: [after],
  });
  return rows.map((r) => ({ action: String(r.action), actorId: r.actor_id }));
}

async function call(ctx: TrpcContext, path: string, input: unknown): Promise<unknown> {
  let target: unknown = appRouter.createCaller(ctx);
  for (const key of path.split('.')) target = (target as Record<string, unknown>)[key];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

describe('personal data handed to staff', () => {
  it('every staff procedure has an input here (or a reason it is not called)', () => {
    expect(staffPaths.filter((p) => !(p in INPUTS))).toEqual([]);
    expect(Object.keys(INPUTS).filter((p) => !staffPaths.includes(p))).toEqual([]);
  });

  const called = staffPaths.filter((p) => {
    const entry = INPUTS[p];
    return entry && !('skip' in entry);
  });

  it.each(called)('%s writes an audit row when it returns a name or phone', async (path) => {
    const { database, demo, ctx, adminId } = await setup();
    const entry = INPUTS[path];
    if (!entry || 'skip' in entry) throw new Error('unreachable');
    const { rows } = await database.client.execute(
      'select coalesce(max(rowid), 0) as last from audit_log',
    );
    const before = Number(rows[0]?.last ?? 0);
    const answer = JSON.stringify(await call(ctx, path, entry(demo)));
    const personal = (await personalStrings(database)).filter((s) => answer.includes(s));
    const written = await auditAfter(database, before);
    if (KNOWN_PERSONAL.includes(path))
      expect(personal, `${path} answers with names`).not.toEqual([]);
    if (personal.length > 0) {
      expect(
        written.filter((row) => row.actorId === adminId),
        `${path} returned ${personal.slice(0, 3).join(', ')} without an audit row`,
      ).not.toEqual([]);
    }
  });
});
