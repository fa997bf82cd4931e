import { describe, expect, it } from 'vitest';
import { makeCourse, makeMeeting, makeRoom, makeTerm } from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import { createServiceContext } from '../context';
import { getCurrentCatalogue } from './get-current-catalogue';
import { getCourse } from './get-course';
import { registerForCourse } from '../registration/register-for-course';
import { listTermCourses } from '../staff-rosters/list-term-courses';

describe('a draft course', () => {
  it('is hidden from residents and refuses registration, while staff lists show it', async () => {
    const t = await testDatabase();
    const { roomId } = await makeRoom(t.database);
    const term = await makeTerm(t.database, { status: 'published' });
    const open = await makeCourse(t.database, { termId: term.id, roomId });
    const draft = await makeCourse(t.database, { termId: term.id, roomId }, { draft: true });
    await makeMeeting(
      t.database,
      { courseId: draft.id, roomId },
      new Date(Date.now() + 86_400_000),
    );
    const ctx = createServiceContext(t.database);

    const catalogue = await getCurrentCatalogue(ctx);
    expect(catalogue?.courses.map((c) => c.id)).toEqual([open.id]);
    await expect(getCourse(ctx, draft.id)).rejects.toMatchObject({ code: 'course_not_found' });
    await expect(
      registerForCourse(ctx, {
        courseId: draft.id,
        name: '김하늘',
        phone: '010-2345-6789',
        consent: true,
        channel: 'web',
        locale: 'ko',
      }),
    ).rejects.toMatchObject({ code: 'course_not_found' });

    const staffList = await listTermCourses(ctx, { termId: term.id });
    expect(staffList.courses.map((c) => [c.id, c.draft]).sort()).toEqual(
      [
        [open.id, false],
        [draft.id, true],
      ].sort(),
    );
  });
});
