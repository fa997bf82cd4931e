/**
 * The public catalogue's read cache against a real database file: a kept read serves only until
 * anything is committed (by this handle, or by another connection such as the server's writer
 * thread) or its time is up, so a seat count is never older than the last registration.
 */
import { describe, expect, it } from 'vitest';
import { Database, enrolments } from '@seoro/db';
import { makeCourse, makeResident, makeRoom, makeTerm, makeEnrolment } from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import { getCourse } from './catalogue/get-course';
import { getCurrentCatalogue } from './catalogue/get-current-catalogue';
import { createServiceContext } from './context';
import { ReadCache } from './read-cache';

async function setup() {
  const t = await testDatabase();
  const { roomId } = await makeRoom(t.database);
  const term = await makeTerm(t.database);
  const course = await makeCourse(t.database, { termId: term.id, roomId }, { capacity: 10 });
  return { t, course };
}

describe('ReadCache', () => {
  it('keeps a read until this process commits anything', async () => {
    const { t } = await setup();
    const cache = new ReadCache(t.database);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('k', load)).toBe(1);
    expect(await cache.get('k', load)).toBe(1);
    await t.database.write(async (tx) => {
      await tx.update(enrolments).set({ updatedAt: new Date() });
    });
    expect(await cache.get('k', load)).toBe(2);
    expect(cache.hits).toBe(1);
  });

  it("sees another connection's commit, as the main thread sees the writer thread's", async () => {
    const { t, course } = await setup();
    const reader = await Database.open({ url: t.url, writes: false });
    try {
      const ctx = createServiceContext(reader, { readCache: new ReadCache(reader) });
      const before = await getCourse(ctx, course.id);
      expect(before.confirmedCount).toBe(0);
      expect(await getCourse(ctx, course.id)).toBe(before);
      const resident = await makeResident(t.database);
      await makeEnrolment(t.database, { courseId: course.id, residentId: resident.id });
      const after = await getCourse(ctx, course.id);
      expect(after.confirmedCount).toBe(1);
      expect(after.seatsLeft).toBe(9);
      const catalogue = await getCurrentCatalogue(ctx);
      expect(catalogue?.courses[0]?.confirmedCount).toBe(1);
    } finally {
      await reader.close();
    }
  });

  it('reads again once its time is up, even with nothing written', async () => {
    const { t } = await setup();
    let now = 0;
    const cache = new ReadCache(t.database, { maxAgeMs: 1000, now: () => now });
    let loads = 0;
    const load = async () => ++loads;
    await cache.get('k', load);
    now = 999;
    expect(await cache.get('k', load)).toBe(1);
    now = 1000;
    expect(await cache.get('k', load)).toBe(2);
  });

  it('does not keep a read that a commit overtook while it ran', async () => {
    const { t } = await setup();
    const cache = new ReadCache(t.database);
    let loads = 0;
    await cache.get('k', async () => {
      loads += 1;
      await t.database.write(async (tx) => {
        await tx.update(enrolments).set({ updatedAt: new Date() });
      });
      return loads;
    });
    expect(await cache.get('k', async () => ++loads)).toBe(2);
  });
});
