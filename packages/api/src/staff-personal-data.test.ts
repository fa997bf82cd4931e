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
  /** A confirmed learner's enrolment in `courseId`, a course that has met. */
  enrolmentId: string;
  /** A waitlisted enrolment, in any course. */
  waitlistedId: string;
  /** A course with a waitlist, the one of `waitlistedId`. */
  waitlistCourseId: string;
  /** A meeting of `courseId` that has started, and its room. */
  meetingId: string;
  roomId: string;
  /** A course of the published term, open for registration, and a meeting still to come. */
  openCourseId: string;
  futureMeetingId: string;
  /** A kiosk, and a second staff account (a viewer), made for the test. */
  kioskId: string;
  otherStaffId: string;
  /** The demo notice on show this week. */
  noticeId: string;
  /** A demo wish, not hidden. */
  wishId: string;
  /** An application to teach still under review. */
  applicationId: string;
}

const termSettings = {
  nameKo: '시험 기수',
  nameEn: 'Test term',
  slug: '',
  startsOn: '2027-03-04',
  endsOn: '2027-04-29',
  registrationOpensAt: '2027-02-15T10:00',
  registrationClosesAt: '2027-02-26T18:00',
  onsiteOpensAt: '',
  onsiteClosesAt: '',
  perResidentLimit: 2,
  noShowBarPercent: null,
  completionPercent: 80,
  defaultMode: 'first_come',
};

const courseSettings = (roomId: string) => ({
  titleKo: '시험 강좌',
  titleEn: 'Test course',
  summaryKo: '요약',
  summaryEn: 'Summary',
  descriptionKo: '설명',
  descriptionEn: 'Description',
  materialsNoteKo: '',
  materialsNoteEn: '',
  materialsFeeWon: null,
  capacity: 12,
  minLearners: 3,
  onsiteSeats: 0,
  roomId,
  instructorKind: 'none',
});

const pattern = (d: Demo) => ({
  courseId: d.courseId,
  weekdays: [4],
  startTime: '07:00',
  endTime: '08:00',
  first: '2027-03-04',
  count: 2,
  holidayRule: 'skip_extend',
});

/** An input for each staff procedure, or why it is not called here. */
const INPUTS: Record<string, ((demo: Demo) => unknown) | { skip: string }> = {
  'staff.auth.signIn': { skip: 'signs in; returns only the staff member' },
  'staff.auth.signOut': { skip: 'signs out' },
  'staff.auth.me': () => undefined,
  'staff.courses.cancel': (d) => ({ courseId: d.courseId, reason: '시험' }),
  'staff.audit.search': () => ({}),
  'staff.audit.export': () => ({ format: 'csv' }),
  'staff.privacy.requests': () => undefined,
  'staff.privacy.read': () => ({ phone: '010-0000-1001', request: { kind: 'access' } }),
  'staff.privacy.correct': { skip: 'answers with the reference and which fields changed' },
  'staff.privacy.delete': { skip: 'answers with the reference and counts' },
  'staff.privacy.resolve': { skip: 'answers with the request, the resident masked' },
  'staff.applications.list': () => ({ status: null }),
  'staff.applications.get': (d) => ({ applicationId: d.applicationId }),
  'staff.applications.previewApproval': (d) => ({
    applicationId: d.applicationId,
    termId: d.termId,
  }),
  'staff.applications.revealPhone': (d) => ({ applicationId: d.applicationId, reason: '시험' }),
  'staff.applications.comment': (d) => ({
    applicationId: d.applicationId,
    body: '시험',
    toApplicant: false,
  }),
  'staff.applications.requestChanges': { skip: 'answers with the application’s new status' },
  'staff.applications.reject': { skip: 'answers with the application’s new status' },
  'staff.applications.approve': { skip: 'answers with the ids of the course it created' },
  'staff.stats.terms': () => undefined,
  'staff.stats.term': (d) => ({ termId: d.termId }),
  'staff.stats.cumulative': () => ({}),
  'staff.stats.workbook': { skip: 'an .xlsx of counts, in base64: no name or number to find' },
  'staff.history.list': () => undefined,
  'staff.history.sample': { skip: 'the shipped sample file: course titles and instructor names' },
  'staff.history.preview': { skip: 'rows of the uploaded file, as the staff member sent them' },
  'staff.history.import': { skip: 'counts of rows added and unchanged' },
  'staff.retention.policy': () => undefined,
  'staff.retention.updatePolicy': () => ({ residents: 36, messages: 6 }),
  'staff.retention.dryRun': () => undefined,
  'staff.retention.run': () => ({ reason: '시험' }),
  'staff.retention.runs': () => undefined,
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
    courseId: d.openCourseId,
    name: '최등록',
    phone: '010-5555-0101',
    consent: true,
    locale: 'ko',
  }),
  'staff.meetings.list': (d) => ({ courseId: d.courseId }),
  'staff.meetings.preview': pattern,
  'staff.meetings.generate': { skip: 'refused once anyone checked in; answers with dates only' },
  'staff.meetings.add': (d) => ({
    courseId: d.courseId,
    date: '2027-03-04',
    startTime: '07:00',
    endTime: '08:00',
    roomId: d.roomId,
  }),
  'staff.meetings.update': { skip: 'moves a meeting; answers with its times and a count' },
  'staff.meetings.cancel': (d) => ({ meetingId: d.futureMeetingId, reason: '시험' }),
  'staff.meetings.restore': { skip: 'needs a cancelled meeting; answers with a count' },
  'staff.rooms.list': () => undefined,
  'staff.rooms.timetable': (d) => ({ roomId: d.roomId, view: 'month' }),
  'staff.terms.list': () => undefined,
  'staff.terms.get': (d) => ({ termId: d.termId }),
  'staff.terms.create': () => termSettings,
  'staff.terms.update': (d) => ({ ...termSettings, slug: '', termId: d.termId }),
  'staff.terms.publish': (d) => ({ termId: d.termId }),
  'staff.terms.unpublish': { skip: 'refused while the term has registrations' },
  'staff.terms.copy': (d) => ({ ...termSettings, sourceTermId: d.termId }),
  'staff.terms.publishDraftCourses': (d) => ({ termId: d.termId }),
  'staff.courseEditor.options': (d) => ({ termId: d.termId }),
  'staff.courseEditor.get': (d) => ({ courseId: d.courseId }),
  'staff.courseEditor.create': (d) => ({ ...courseSettings(d.roomId), termId: d.termId }),
  'staff.courseEditor.update': { skip: 'changes a course; answers with its id' },
  'staff.courseEditor.publish': (d) => ({ courseId: d.courseId }),
  'staff.courseEditor.unpublish': { skip: 'refused while the course has registrations' },
  'staff.attendance.grid': (d) => ({ courseId: d.courseId }),
  'staff.attendance.correct': (d) => ({
    enrolmentId: d.enrolmentId,
    meetingId: d.meetingId,
    mark: 'present',
    reason: '시험',
  }),
  'staff.attendance.printSheet': (d) => ({ courseId: d.courseId }),
  'staff.exports.file': (d) => ({
    kind: 'term-enrolments',
    termId: d.termId,
    format: 'csv',
    purpose: '시험',
  }),
  'staff.kiosks.list': () => undefined,
  'staff.kiosks.create': (d) => ({
    name: '시험 키오스크',
    roomId: d.roomId,
    enabledPlugins: ['checkin'],
  }),
  'staff.kiosks.update': (d) => ({
    kioskId: d.kioskId,
    roomId: d.roomId,
    enabledPlugins: ['checkin'],
  }),
  'staff.kiosks.createPairingCode': (d) => ({ kioskId: d.kioskId }),
  'staff.kiosks.revoke': (d) => ({ kioskId: d.kioskId, reason: '시험' }),
  'staff.accounts.list': () => undefined,
  'staff.accounts.create': () => ({
    email: 'new-staff@seoroseoro.example',
    name: '신직원',
    role: 'staff',
  }),
  'staff.accounts.setRole': (d) => ({ staffId: d.otherStaffId, role: 'staff' }),
  'staff.accounts.setDisabled': (d) => ({ staffId: d.otherStaffId, disabled: true }),
  'staff.accounts.unlock': (d) => ({ staffId: d.otherStaffId }),
  'staff.accounts.resetPassword': (d) => ({ staffId: d.otherStaffId }),
  'staff.dashboard.belowMinimum': () => undefined,
  'staff.dashboard.today': () => undefined,
  'staff.dashboard.extendWindow': (d) => ({
    courseId: d.courseId,
    closesAt: '2099-01-01T18:00:00+09:00',
  }),
  'staff.dashboard.lowerMinimum': (d) => ({ courseId: d.courseId, minLearners: 1 }),
  'staff.notices.list': () => undefined,
  'staff.notices.create': () => ({
    bodyKo: '시험 공지',
    bodyEn: 'Test notice',
    showFrom: '2027-03-04',
    showUntil: '2027-03-11',
  }),
  'staff.notices.update': (d) => ({
    noticeId: d.noticeId,
    bodyKo: '바뀐 공지',
    bodyEn: '',
    showFrom: '2027-03-04',
    showUntil: '2027-03-11',
  }),
  'staff.notices.remove': (d) => ({ noticeId: d.noticeId }),
  'staff.wishes.list': () => undefined,
  'staff.wishes.preview': () => ({ topic: 'cooking' }),
  'staff.wishes.hide': (d) => ({ wishId: d.wishId }),
  'staff.wishes.invite': () => ({ topic: 'cooking' }),
};

/** Procedures known to answer with names or phones: the check must see it in them. */
const KNOWN_PERSONAL = [
  'staff.rosters.roster',
  'staff.rosters.revealPhone',
  'staff.privacy.read',
  'staff.applications.revealPhone',
];

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
  // A confirmed learner of a course that has met already (attendance can be corrected).
  const confirmed = await one<{
    id: string;
    course_id: string;
    meeting_id: string;
    room_id: string;
  }>(
    `select e.id, e.course_id, m.id as meeting_id, m.room_id from enrolments e
     join meetings m on m.course_id = e.course_id
     where e.status = 'confirmed' and m.status = 'scheduled' and m.starts_at <= ${Date.now()}
     order by m.starts_at desc limit 1`,
  );
  const waitlisted = await one<{ id: string; course_id: string }>(
    "select id, course_id from enrolments where status = 'waitlisted' limit 1",
  );
  const open = await one<{ course_id: string; meeting_id: string }>(
    `select c.id as course_id, m.id as meeting_id from courses c
     join meetings m on m.course_id = c.id
     where c.term_id = '${term.id}' and c.status = 'open' and c.mode = 'first_come'
       and m.starts_at > ${Date.now()} and m.status = 'scheduled'
       and not exists (select 1 from attendance a where a.meeting_id = m.id)
     order by m.starts_at limit 1`,
  );
  const notice = await one<{ id: string }>('select id from notices where removed_at is null');
  const wish = await one<{ id: string }>('select id from wishes where hidden_at is null');
  const application = await one<{ id: string }>(
    "select id from instructor_applications where status = 'submitted' limit 1",
  );
  const kioskId = 'test-kiosk';
  const otherStaffId = 'test-viewer';
  await database.client.execute(
    `insert into kiosks (id, name, enabled_plugins, created_at) values ('${kioskId}', '복도', '["checkin"]', 0)`,
  );
  await database.client.execute(
    `insert into staff_users (id, email, name, password_hash, role, created_at)
     values ('${otherStaffId}', 'viewer@seoroseoro.example', '정열람', 'x', 'viewer', 0)`,
  );
  const demo: Demo = {
    termId: term.id,
    courseId: confirmed.course_id,
    enrolmentId: confirmed.id,
    waitlistedId: waitlisted.id,
    waitlistCourseId: waitlisted.course_id,
    meetingId: confirmed.meeting_id,
    roomId: confirmed.room_id,
    openCourseId: open.course_id,
    futureMeetingId: open.meeting_id,
    kioskId,
    otherStaffId,
    noticeId: notice.id,
    wishId: wish.id,
    applicationId: application.id,
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
  // An instructor's display name is public by their own choice (the course pages show it); a
  // resident who teaches under that same name is not revealed by it. Their number still is.
  const { rows } = await database.client.execute(
    `select r.name, r.phone_e164,
            exists (select 1 from instructors i
                    where i.resident_id = r.id and i.display_name = r.name) as teaches
     from residents r`,
  );
  return rows.flatMap((row) => {
    const name = String(row.name);
    const phoneOnly = Number(row.teaches) === 1;
    const phone = String(row.phone_e164);
    const national = `0${phone.replace(/^\+82/, '')}`;
    return [
      ...(phoneOnly ? [] : [name]),
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
