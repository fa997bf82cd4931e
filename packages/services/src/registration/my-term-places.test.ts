import { describe, expect, it } from 'vitest';
import { makeCourse, makeEnrolment, makeResident, makeRoom, makeTerm } from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import { createServiceContext } from '../context';
import { getMyTermPlaces } from './my-term-places';

describe('getMyTermPlaces', () => {
  it('counts the places the per-term limit counts, in that term only', async () => {
    const t = await testDatabase();
    const { roomId } = await makeRoom(t.database);
    const term = await makeTerm(t.database, { perResidentLimit: 2 });
    const other = await makeTerm(t.database);
    const [a, b, c] = await Promise.all(
      [0, 1, 2].map(() => makeCourse(t.database, { termId: term.id, roomId })),
    );
    const elsewhere = await makeCourse(t.database, { termId: other.id, roomId });
    const me = await makeResident(t.database);
    const someoneElse = await makeResident(t.database);
    await makeEnrolment(t.database, { courseId: a!.id, residentId: me.id });
    await makeEnrolment(
      t.database,
      { courseId: b!.id, residentId: me.id },
      { status: 'waitlisted' },
    );
    await makeEnrolment(
      t.database,
      { courseId: c!.id, residentId: me.id },
      { status: 'cancelled' },
    );
    await makeEnrolment(t.database, { courseId: elsewhere.id, residentId: me.id });
    await makeEnrolment(t.database, { courseId: c!.id, residentId: someoneElse.id });
    const ctx = createServiceContext(t.database);

    expect(await getMyTermPlaces(ctx, { residentId: me.id, termId: term.id })).toEqual({
      termId: term.id,
      used: 2,
      limit: 2,
    });
    expect(await getMyTermPlaces(ctx, { residentId: me.id, termId: other.id })).toEqual({
      termId: other.id,
      used: 1,
      limit: null,
    });
  });

  it('does not answer for a draft or unknown term', async () => {
    const t = await testDatabase();
    const draft = await makeTerm(t.database, { status: 'draft' });
    const me = await makeResident(t.database);
    const ctx = createServiceContext(t.database);
    for (const termId of [draft.id, 'no-such-term']) {
      await expect(getMyTermPlaces(ctx, { residentId: me.id, termId })).rejects.toMatchObject({
        code: 'term_not_found',
      });
    }
  });
});
