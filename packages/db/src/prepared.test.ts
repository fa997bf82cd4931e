import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { statementsFor } from './prepared';
import { courses } from './schema';
import { makeCourse, makeRoom, makeTerm } from './test';
import { testDatabase } from './test/vitest';

describe('statementsFor', () => {
  it('builds the statements on the first write and reuses them for every later write', async () => {
    const { database } = await testDatabase();
    const { roomId } = await makeRoom(database);
    const term = await makeTerm(database);
    const course = await makeCourse(database, { termId: term.id, roomId }, { capacity: 10 });
    let builds = 0;
    const statements = statementsFor((tx) => {
      builds++;
      return {
        setCapacity: tx
          .update(courses)
          .set({ capacity: sql`${sql.placeholder('capacity')}` })
          .where(eq(courses.id, sql.placeholder('id')))
          .prepare(),
      };
    });
    for (const capacity of [11, 12, 13]) {
      await database.write(async (tx) => {
        await statements(tx).setCapacity.run({ id: course.id, capacity });
      });
    }
    expect(builds).toBe(1);
    const [row] = await database.db
      .select({ capacity: courses.capacity })
      .from(courses)
      .where(eq(courses.id, course.id));
    expect(row?.capacity).toBe(13);
  });
});
