import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, courses, enrolments, instructors } from '@seoro/db';
import { makeCourse, makeEnrolment, makeResident, makeRoom, makeTerm } from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import type { Clock, CourseInput } from '@seoro/domain';
import { createServiceContext } from '../context';
import { courseEditorOptions, getCourseEditor } from './get-course-editor';
import { createCourse, updateCourse } from './save-course';

const clock: Clock = { now: () => new Date('2026-01-05T01:00:00Z') };
const STAFF = 'staff-1';

const settings: CourseInput = {
  titleKo: '알아두면 쓸모있는 세금 꿀팁',
  titleEn: 'Helpful Tax Tips',
  summaryKo: '생활 속 세금 이야기',
  summaryEn: 'Everyday taxes',
  descriptionKo: '연말정산부터 종합소득세까지',
  descriptionEn: 'From year-end settlement to income tax',
  materialsNoteKo: '',
  materialsNoteEn: '',
  materialsFeeWon: null,
  capacity: 10,
  minLearners: 5,
  mode: 'first_come',
  onsiteSeats: 0,
};

async function setup() {
  const { database } = await testDatabase();
  const ctx = createServiceContext(database, { clock });
  const { roomId } = await makeRoom(database);
  const term = await makeTerm(database, { defaultMode: 'lottery' });
  const audit = (action: string) =>
    database.db.select().from(auditLog).where(eq(auditLog.action, action));
  return { database, ctx, roomId, term, audit };
}

describe('createCourse', () => {
  it('adds a draft course in its term, taking the term default mode when none is given', async () => {
    const { database, ctx, roomId, term, audit } = await setup();
    const { mode: _mode, ...withoutMode } = settings;
    const { id } = await createCourse(ctx, {
      staffId: STAFF,
      termId: term.id,
      roomId,
      instructor: { kind: 'name', displayName: '김세무' },
      settings: { ...withoutMode, materialsNoteKo: '재료비 별도 10,000원', materialsFeeWon: 10000 },
    });
    const [row] = await database.db.select().from(courses).where(eq(courses.id, id));
    expect(row).toMatchObject({
      draft: true,
      mode: 'lottery',
      materialsFeeWon: 10000,
      materialsNoteEn: null,
      termId: term.id,
    });
    const [instructor] = await database.db
      .select()
      .from(instructors)
      .where(eq(instructors.id, row!.instructorId!));
    expect(instructor).toMatchObject({ displayName: '김세무', residentId: null });
    expect(await audit('course.create')).toHaveLength(1);
    expect(await audit('instructor.create')).toHaveLength(1);
  });

  it('finds a resident instructor by phone, reusing an instructor already made for them', async () => {
    const { database, ctx, roomId, term, audit } = await setup();
    const resident = await makeResident(database, { name: '이강사', phoneE164: '+821055556666' });
    const choice = { kind: 'resident' as const, phone: '010-5555-6666', displayName: '' };
    const base = { staffId: STAFF, termId: term.id, roomId, settings, instructor: choice };
    const first = await createCourse(ctx, base);
    const second = await createCourse(ctx, base);
    const rows = await database.db.select().from(courses).where(eq(courses.termId, term.id));
    const ids = new Set(rows.map((r) => r.instructorId));
    expect(ids.size).toBe(1);
    expect(rows.map((r) => r.sortOrder).sort()).toEqual([0, 1]);
    const [made] = await audit('instructor.create');
    expect(made).toMatchObject({
      residentId: resident.id,
      detail: { after: { displayName: '이강사' } },
    });
    expect([first.id, second.id]).toHaveLength(2);
    await expect(
      createCourse(ctx, { ...base, instructor: { ...choice, phone: '010-0000-0000' } }),
    ).rejects.toMatchObject({ code: 'course_instructor_resident_not_found' });
  });

  it('refuses bad input with its field, an unknown room or instructor, and writes nothing', async () => {
    const { database, ctx, roomId, term, audit } = await setup();
    const base = { staffId: STAFF, termId: term.id, roomId, instructor: { kind: 'none' as const } };
    await expect(
      createCourse(ctx, { ...base, settings: { ...settings, capacity: 201 } }),
    ).rejects.toMatchObject({
      code: 'course_capacity_out_of_range',
      params: { field: 'capacity' },
    });
    await expect(createCourse(ctx, { ...base, roomId: 'nowhere', settings })).rejects.toMatchObject(
      { code: 'course_room_not_found' },
    );
    await expect(
      createCourse(ctx, {
        ...base,
        settings,
        instructor: { kind: 'name', displayName: '  ' },
      }),
    ).rejects.toMatchObject({ code: 'course_instructor_name_required' });
    await expect(createCourse(ctx, { ...base, termId: 'missing', settings })).rejects.toMatchObject(
      { code: 'term_not_found' },
    );
    expect(await database.db.select().from(courses)).toHaveLength(0);
    expect(await audit('course.create')).toHaveLength(0);
  });
});

describe('updateCourse', () => {
  it('keeps the capacity at or above the confirmed learners and confirms the waitlist when it grows', async () => {
    const { database, ctx, roomId, term, audit } = await setup();
    const course = await makeCourse(
      database,
      { termId: term.id, roomId },
      { capacity: 2, minLearners: 1 },
    );
    for (const status of ['confirmed', 'confirmed', 'waitlisted'] as const) {
      const r = await makeResident(database);
      await makeEnrolment(database, { courseId: course.id, residentId: r.id }, { status });
    }
    const editor = await getCourseEditor(ctx, { courseId: course.id });
    expect(editor).toMatchObject({ confirmedCount: 2, liveEnrolments: 3, meetingCount: 0 });
    const base = {
      staffId: STAFF,
      courseId: course.id,
      roomId,
      instructor: { kind: 'existing' as const, instructorId: course.instructorId! },
    };
    await expect(
      updateCourse(ctx, { ...base, settings: { ...editor.settings, capacity: 1 } }),
    ).rejects.toMatchObject({ code: 'capacity_below_confirmed', params: { field: 'capacity' } });
    await expect(
      updateCourse(ctx, { ...base, settings: { ...editor.settings, mode: 'lottery' } }),
    ).rejects.toMatchObject({ code: 'course_mode_locked' });

    const grown = await updateCourse(ctx, {
      ...base,
      settings: { ...editor.settings, capacity: 3, titleEn: 'Renamed' },
    });
    expect(grown.changed.sort()).toEqual(['capacity', 'titleEn']);
    expect(grown.promoted).toHaveLength(1);
    const statuses = await database.db
      .select({ status: enrolments.status })
      .from(enrolments)
      .where(eq(enrolments.courseId, course.id));
    expect(statuses.every((s) => s.status === 'confirmed')).toBe(true);
    const [row] = await audit('course.update');
    expect(row?.detail).toMatchObject({
      before: { capacity: 2, titleEn: course.titleEn },
      after: { capacity: 3, titleEn: 'Renamed' },
    });
  });

  it('offers the term default mode, the rooms and the instructors', async () => {
    const { ctx, term } = await setup();
    const options = await courseEditorOptions(ctx, { termId: term.id });
    expect(options.term.defaultMode).toBe('lottery');
    expect(options.rooms).toHaveLength(1);
    await expect(courseEditorOptions(ctx, { termId: 'missing' })).rejects.toMatchObject({
      code: 'term_not_found',
    });
  });
});
