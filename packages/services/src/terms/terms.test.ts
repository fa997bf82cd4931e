import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, courses, enrolments, meetings, terms } from '@seoro/db';
import {
  makeCourse,
  makeEnrolment,
  makeMeeting,
  makeResident,
  makeRoom,
  makeTerm,
} from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import type { Clock, TermInput } from '@seoro/domain';
import { createServiceContext } from '../context';
import { copyTerm } from './copy-term';
import { publishDraftCourses, setCoursePublished } from './course-publication';
import { getTerm } from './get-term';
import { listTerms } from './list-terms';
import { setTermPublished } from './publish-term';
import { createTerm, updateTerm } from './save-term';

const NOW = new Date('2026-01-05T01:00:00Z');
const clock: Clock = { now: () => NOW };
const STAFF = 'staff-1';

const settings: TermInput = {
  nameKo: '2026년 1기',
  nameEn: '2026 Session 1',
  slug: '',
  startsOn: '2026-01-08',
  endsOn: '2026-02-12',
  registrationOpensAt: '2025-12-22T10:00',
  registrationClosesAt: '2026-01-15T18:00',
  onsiteOpensAt: '',
  onsiteClosesAt: '',
  perResidentLimit: 2,
  noShowBarPercent: null,
  completionPercent: 80,
  defaultMode: 'first_come',
};

async function setup() {
  const { database } = await testDatabase();
  const ctx = createServiceContext(database, { clock });
  const audit = (action: string) =>
    database.db.select().from(auditLog).where(eq(auditLog.action, action));
  const termRows = () => database.db.select().from(terms);
  return { database, ctx, audit, termRows };
}

describe('createTerm and updateTerm', () => {
  it('creates a draft term with a slug from its English name, and audits it', async () => {
    const { ctx, audit, termRows } = await setup();
    const created = await createTerm(ctx, { staffId: STAFF, ip: '10.0.0.1', settings });
    expect(created.slug).toBe('2026-session-1');
    const again = await createTerm(ctx, { staffId: STAFF, settings });
    expect(again.slug).toBe('2026-session-1-2');
    const [row] = (await termRows()).filter((t) => t.id === created.id);
    expect(row).toMatchObject({
      status: 'draft',
      registrationClosesAt: new Date('2026-01-15T09:00:00Z'),
      perResidentLimit: 2,
    });
    const rows = await audit('term.create');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ actorId: STAFF, ip: '10.0.0.1', subjectId: created.id });
    expect(rows[0]?.detail).toMatchObject({ after: { slug: '2026-session-1', status: 'draft' } });
  });

  it('refuses bad input with its field and writes nothing', async () => {
    const { ctx, audit, termRows } = await setup();
    await expect(
      createTerm(ctx, { staffId: STAFF, settings: { ...settings, endsOn: '2026-01-01' } }),
    ).rejects.toMatchObject({ code: 'term_ends_before_start', params: { field: 'endsOn' } });
    await expect(
      createTerm(ctx, { staffId: STAFF, settings: { ...settings, completionPercent: 120 } }),
    ).rejects.toMatchObject({
      code: 'term_percent_out_of_range',
      params: { field: 'completionPercent' },
    });
    expect(await termRows()).toHaveLength(0);
    expect(await audit('term.create')).toHaveLength(0);
  });

  it('refuses a slug another term has, and records only what changed', async () => {
    const { ctx, audit, termRows } = await setup();
    const first = await createTerm(ctx, { staffId: STAFF, settings: { ...settings, slug: 'one' } });
    const second = await createTerm(ctx, {
      staffId: STAFF,
      settings: { ...settings, slug: 'two' },
    });
    await expect(
      updateTerm(ctx, {
        staffId: STAFF,
        termId: second.id,
        settings: { ...settings, slug: 'one' },
      }),
    ).rejects.toMatchObject({ code: 'term_slug_taken' });
    const updated = await updateTerm(ctx, {
      staffId: STAFF,
      termId: first.id,
      settings: { ...settings, slug: '', completionPercent: 70 },
    });
    expect(updated.changed).toEqual(['completionPercent']);
    expect((await termRows()).find((t) => t.id === first.id)?.slug).toBe('one');
    const [row] = await audit('term.update');
    expect(row?.detail).toEqual({
      before: { completionPercent: 80 },
      after: { completionPercent: 70 },
    });
    await expect(
      updateTerm(ctx, { staffId: STAFF, termId: 'missing', settings }),
    ).rejects.toMatchObject({ code: 'term_not_found' });
  });
});

describe('setTermPublished', () => {
  it('publishes a draft and takes it back while nobody has registered', async () => {
    const { ctx, audit } = await setup();
    const { id } = await createTerm(ctx, { staffId: STAFF, settings });
    expect(await setTermPublished(ctx, { staffId: STAFF, termId: id, published: true })).toEqual({
      id,
      status: 'published',
      changed: true,
    });
    expect(
      (await setTermPublished(ctx, { staffId: STAFF, termId: id, published: true })).changed,
    ).toBe(false);
    await setTermPublished(ctx, { staffId: STAFF, termId: id, published: false });
    expect((await listTerms(ctx)).find((t) => t.id === id)?.status).toBe('draft');
    expect(await audit('term.publish')).toHaveLength(1);
    expect(await audit('term.unpublish')).toHaveLength(1);
  });

  it('will not unpublish a term with live registrations, and says how many', async () => {
    const { database, ctx, audit } = await setup();
    const { roomId } = await makeRoom(database);
    const term = await makeTerm(database);
    const course = await makeCourse(database, { termId: term.id, roomId });
    const resident = await makeResident(database);
    await makeEnrolment(database, { courseId: course.id, residentId: resident.id });
    await expect(
      setTermPublished(ctx, { staffId: STAFF, termId: term.id, published: false }),
    ).rejects.toMatchObject({ code: 'term_has_live_enrolments', params: { count: 1 } });
    expect(await audit('term.unpublish')).toHaveLength(0);
  });
});

describe('copyTerm', () => {
  it('copies every course that was not cancelled as a draft, without registrations or meetings', async () => {
    const { database, ctx, audit } = await setup();
    const { roomId } = await makeRoom(database);
    const source = await makeTerm(database);
    const tax = await makeCourse(
      database,
      { termId: source.id, roomId },
      { titleKo: '세금 꿀팁', materialsFeeWon: 5000, capacity: 12, sortOrder: 0 },
    );
    const walk = await makeCourse(
      database,
      { termId: source.id, roomId },
      { titleKo: '걸음걸이', mode: 'lottery', onsiteSeats: 2, sortOrder: 1 },
    );
    await makeCourse(database, { termId: source.id, roomId }, { status: 'cancelled' });
    // Thursday 2026-01-08, 14:00 KST.
    await makeMeeting(database, { courseId: tax.id, roomId }, new Date('2026-01-08T05:00:00Z'), 90);
    const resident = await makeResident(database);
    await makeEnrolment(database, { courseId: tax.id, residentId: resident.id });

    const copy = await copyTerm(ctx, {
      staffId: STAFF,
      sourceTermId: source.id,
      settings: { ...settings, nameKo: '2026년 2기', nameEn: '2026 Session 2' },
    });
    expect(copy.courses).toHaveLength(2);
    expect(copy.courses[0]).toMatchObject({
      sourceId: tax.id,
      slot: { weekday: 4, startTime: '14:00', endTime: '15:30' },
    });
    expect(copy.courses[1]).toMatchObject({ sourceId: walk.id, slot: null });

    const copied = await database.db.select().from(courses).where(eq(courses.termId, copy.id));
    expect(copied).toHaveLength(2);
    expect(copied.every((c) => c.draft && c.status === 'open')).toBe(true);
    expect(copied.find((c) => c.titleKo === '세금 꿀팁')).toMatchObject({
      materialsFeeWon: 5000,
      capacity: 12,
      instructorId: tax.instructorId,
    });
    expect(copied.find((c) => c.titleKo === '걸음걸이')).toMatchObject({
      mode: 'lottery',
      onsiteSeats: 2,
    });
    for (const c of copied) {
      expect(
        await database.db.select().from(enrolments).where(eq(enrolments.courseId, c.id)),
      ).toHaveLength(0);
      expect(
        await database.db.select().from(meetings).where(eq(meetings.courseId, c.id)),
      ).toHaveLength(0);
    }
    const [row] = await audit('term.copy');
    expect(row).toMatchObject({ subjectId: copy.id, detail: { from: source.id } });
    const listed = (await listTerms(ctx)).find((t) => t.id === copy.id);
    expect(listed).toMatchObject({ status: 'draft', courseCount: 2, draftCourseCount: 2 });
  });

  it('copies any number of courses: as many drafts as the source had open courses', async () => {
    const { database, ctx } = await setup();
    const { roomId } = await makeRoom(database);
    for (const n of [0, 1, 3]) {
      const source = await makeTerm(database);
      for (let i = 0; i < n; i++) await makeCourse(database, { termId: source.id, roomId });
      const copy = await copyTerm(ctx, { staffId: STAFF, sourceTermId: source.id, settings });
      const detail = await getTerm(ctx, { termId: copy.id });
      expect(detail.courses).toHaveLength(n);
      expect(detail.courses.every((c) => c.draft && c.confirmedCount === 0)).toBe(true);
    }
  });

  it('refuses bad settings for the new term and writes nothing', async () => {
    const { database, ctx, termRows } = await setup();
    const source = await makeTerm(database);
    await expect(
      copyTerm(ctx, {
        staffId: STAFF,
        sourceTermId: source.id,
        settings: { ...settings, registrationClosesAt: '2025-12-01T10:00' },
      }),
    ).rejects.toMatchObject({ code: 'term_window_closes_before_opens' });
    expect(await termRows()).toHaveLength(1);
  });

  it('suggests the next term a whole number of weeks later', async () => {
    const { ctx } = await setup();
    const { id } = await createTerm(ctx, { staffId: STAFF, settings });
    const detail = await getTerm(ctx, { termId: id });
    expect(detail.copySuggestion).toMatchObject({
      startsOn: '2026-02-19',
      endsOn: '2026-03-26',
      registrationClosesAt: '2026-02-26T18:00',
      slug: '',
      weeks: 6,
    });
  });
});

describe('course publication', () => {
  it('publishes a course with meetings, refuses one without, and keeps drafts without meetings', async () => {
    const { database, ctx, audit } = await setup();
    const { roomId } = await makeRoom(database);
    const term = await makeTerm(database);
    const ready = await makeCourse(database, { termId: term.id, roomId }, { draft: true });
    const bare = await makeCourse(
      database,
      { termId: term.id, roomId },
      { draft: true, titleKo: '회차 없는 강좌' },
    );
    await makeMeeting(database, { courseId: ready.id, roomId }, new Date('2026-01-08T05:00:00Z'));
    await expect(
      setCoursePublished(ctx, { staffId: STAFF, courseId: bare.id, published: true }),
    ).rejects.toMatchObject({
      code: 'course_has_no_meetings',
      params: { title: '회차 없는 강좌' },
    });

    const all = await publishDraftCourses(ctx, { staffId: STAFF, termId: term.id });
    expect(all.published.map((c) => c.id)).toEqual([ready.id]);
    expect(all.withoutMeetings.map((c) => c.id)).toEqual([bare.id]);
    expect(await audit('course.publish')).toHaveLength(1);

    const hidden = await setCoursePublished(ctx, {
      staffId: STAFF,
      courseId: ready.id,
      published: false,
    });
    expect(hidden).toMatchObject({ draft: true, changed: true });
    const resident = await makeResident(database);
    await setCoursePublished(ctx, { staffId: STAFF, courseId: ready.id, published: true });
    await makeEnrolment(database, { courseId: ready.id, residentId: resident.id });
    await expect(
      setCoursePublished(ctx, { staffId: STAFF, courseId: ready.id, published: false }),
    ).rejects.toMatchObject({ code: 'course_has_live_enrolments' });
    await expect(
      publishDraftCourses(ctx, { staffId: STAFF, termId: 'missing' }),
    ).rejects.toMatchObject({ code: 'term_not_found' });
  });
});
