/**
 * The database side of the rush and crash tests: a database file with open 10-seat courses,
 * prepared before the server starts, and checks that read the file back through a fresh
 * `@libsql/client` connection (never the server's, never a connection that saw SQLITE_BUSY).
 */
import { expect } from 'vitest';
import { createClient } from '@libsql/client';
import { Database } from '@seoro/db';
import { makeCourse, makeRoom, makeTerm } from '@seoro/db/test';

/** Creates and migrates `file:<path>` with one open course per capacity given; closes it again. */
export async function createCourseDatabase(path: string, capacities: number[] = [10]) {
  const url = `file:${path}`;
  const database = await Database.open({ url });
  try {
    await database.migrate();
    const { roomId } = await makeRoom(database);
    const term = await makeTerm(database);
    const courseIds: string[] = [];
    for (const capacity of capacities) {
      courseIds.push((await makeCourse(database, { termId: term.id, roomId }, { capacity })).id);
    }
    return { url, courseIds };
  } finally {
    await database.close();
  }
}

export interface EnrolmentRow {
  id: string;
  code: string;
  status: string;
  queueNo: number;
}

/** A course's enrolments in arrival order, read through a fresh client. */
export async function readEnrolments(url: string, courseId: string): Promise<EnrolmentRow[]> {
  const client = createClient({ url, timeout: 5000 });
  try {
    const rs = await client.execute({
      sql: 'select id, code, status, queue_no from enrolments where course_id = ? order by queue_no, created_at',
      args: [courseId],
    });
    return rs.rows.map((r) => ({
      id: String(r.id),
      code: String(r.code),
      status: String(r.status),
      queueNo: Number(r.queue_no),
    }));
  } finally {
    client.close();
  }
}

/**
 * The capacity rule as the database file holds it: exactly `capacity` confirmed enrolments for the
 * course, every other enrolment waitlisted, and (when given) `total` enrolments in all. Throws an
 * assertion error otherwise; returns the rows for further checks.
 */
export async function expectExactlyCapacity(
  url: string,
  courseId: string,
  capacity: number,
  total?: number,
): Promise<EnrolmentRow[]> {
  const rows = await readEnrolments(url, courseId);
  const confirmed = rows.filter((r) => r.status === 'confirmed').length;
  const waitlisted = rows.filter((r) => r.status === 'waitlisted').length;
  expect(confirmed, 'confirmed enrolments').toBe(capacity);
  expect(waitlisted, 'waitlisted enrolments').toBe(rows.length - capacity);
  if (total !== undefined) expect(rows.length, 'enrolments in all').toBe(total);
  return rows;
}

/** `PRAGMA integrity_check` through a fresh client: `['ok']` for a sound file. */
export async function integrityCheck(url: string): Promise<string[]> {
  const client = createClient({ url, timeout: 5000 });
  try {
    const rs = await client.execute('PRAGMA integrity_check');
    return rs.rows.map((r) => String(r[0]));
  } finally {
    client.close();
  }
}
