import { describe, expect, it } from 'vitest';
import { makeCourse, makeRoom, makeTerm } from '@seoro/db/test';
import { DEMO_COURSES, seedDemoData } from '@seoro/db/seed';
import { testDatabase } from '@seoro/db/test/vitest';
import { createServiceContext } from '../context';
import { getPastTerm, listPastTerms } from './past-terms';

const at = (iso: string) => ({ now: () => new Date(iso) });

describe('the past terms archive', () => {
  it("lists the demo data's 2026 first session with its five courses", async () => {
    const t = await testDatabase();
    const now = new Date('2026-12-03T01:00:00Z');
    await seedDemoData(t.database, now);
    const ctx = createServiceContext(t.database, { clock: at(now.toISOString()) });

    const past = await listPastTerms(ctx);
    expect(past.map((term) => [term.name.ko, term.courseCount])).toEqual([['2026년 1기', 5]]);
    const term = await getPastTerm(ctx, past[0]!.id);
    expect(term.term.endsOn).toBe('2026-02-12');
    expect(term.courses.map((c) => c.title.ko).sort()).toEqual(
      DEMO_COURSES.map((c) => c.titleKo).sort(),
    );
  });

  it('lists ended terms newest first, without drafts, current terms or draft courses', async () => {
    const t = await testDatabase();
    const { roomId } = await makeRoom(t.database);
    const older = await makeTerm(t.database, {
      startsOn: '2025-03-01',
      endsOn: '2025-05-31',
      status: 'archived',
    });
    const newer = await makeTerm(t.database, { startsOn: '2025-09-01', endsOn: '2025-11-30' });
    const current = await makeTerm(t.database, { startsOn: '2026-01-05', endsOn: '2026-02-27' });
    const draft = await makeTerm(t.database, {
      startsOn: '2025-06-01',
      endsOn: '2025-07-31',
      status: 'draft',
    });
    await makeCourse(t.database, { termId: newer.id, roomId });
    await makeCourse(t.database, { termId: newer.id, roomId }, { draft: true });
    // The day the current term starts: the older two have ended, it has not.
    const ctx = createServiceContext(t.database, { clock: at('2026-01-05T00:00:00Z') });

    const past = await listPastTerms(ctx);
    expect(past.map((term) => term.id)).toEqual([newer.id, older.id]);
    expect(past[0]!.courseCount).toBe(1);
    expect((await getPastTerm(ctx, newer.id)).courses).toHaveLength(1);
    for (const termId of [current.id, draft.id, 'no-such-term']) {
      await expect(getPastTerm(ctx, termId)).rejects.toMatchObject({ code: 'term_not_found' });
    }
  });
});
