import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, sql } from 'drizzle-orm';
import { describe, expect, it, onTestFinished } from 'vitest';
import { MIGRATIONS_FOLDER } from './client';
import { auditLog, enrolments } from './schema';
import { makeRoom } from './test';
import { testDatabase } from './test/vitest';

/** The migrations folder as it stood before the migration tagged `tag`. */
function foldersBefore(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'seoro-migrations-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as {
    entries: Array<{ tag: string }>;
  };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

describe('migrations', () => {
  it('0006 keeps every audit entry and its id, and new entries follow the last one', async () => {
    const t = await testDatabase({ migrate: false });
    await t.database.migrate(foldersBefore('0006_audit_log_rowid'));
    const at = new Date('2026-03-02T01:00:00Z');
    await t.database.write(async (tx) => {
      for (let i = 0; i < 3; i++)
        await tx.insert(auditLog).values({ at, actorType: 'system', action: `before.${i}` });
    });

    await t.database.migrate();
    await t.database.write(async (tx) => {
      await tx.insert(auditLog).values({ at, actorType: 'system', action: 'after' });
    });
    const rows = await t.database.db
      .select({ id: auditLog.id, action: auditLog.action })
      .from(auditLog)
      .orderBy(asc(auditLog.id));
    expect(rows).toEqual([
      { id: 1, action: 'before.0' },
      { id: 2, action: 'before.1' },
      { id: 3, action: 'before.2' },
      { id: 4, action: 'after' },
    ]);
    const table = await t.database.client.execute(
      "select sql from sqlite_schema where name = 'audit_log'",
    );
    expect(String(table.rows[0]?.sql)).not.toMatch(/autoincrement/i);
    const check = await t.database.db.get<{ integrity_check: string }>(sql`PRAGMA integrity_check`);
    expect(check?.integrity_check).toBe('ok');
  });

  it("0007 gives every enrolment its resident's name", async () => {
    const t = await testDatabase({ migrate: false });
    await t.database.migrate(foldersBefore('0007_enrolment_name'));
    const { roomId } = await makeRoom(t.database);
    // Terms and courses as they were then: later migrations add columns the factories fill.
    const course = { id: 'c0' };
    await t.database.client.execute(
      `insert into terms (id, slug, name_ko, name_en, starts_on, ends_on,
                          registration_opens_at, registration_closes_at, created_at)
       values ('t0', 't0', '기수', 'Term', '2026-01-01', '2026-12-31', 0, 1, 0)`,
    );
    await t.database.client.execute({
      sql: `insert into courses (id, term_id, room_id, title_ko, title_en, summary_ko, summary_en,
                                 description_ko, description_en, capacity, created_at)
            values (?, 't0', ?, '강좌', 'Course', '', '', '', '', 10, 0)`,
      args: [course.id, roomId],
    });
    const resident = async (id: string, name: string, phone: string) => {
      await t.database.client.execute({
        sql: `insert into residents (id, name, phone_e164, consented_at, consent_version,
                                     created_at, updated_at)
              values (?, ?, ?, 0, 'v1', 0, 0)`,
        args: [id, name, phone],
      });
      return { id };
    };
    const kim = await resident('r0', '김철수', '+821011110000');
    const lee = await resident('r1', '이영희', '+821011110001');
    for (const [i, resident] of [kim, lee].entries()) {
      await t.database.client.execute({
        sql: `insert into enrolments
                (id, course_id, resident_id, status, channel, code, queue_no, created_at, updated_at)
              values (?, ?, ?, 'confirmed', 'web', ?, ?, 0, 0)`,
        args: [`e${i}`, course.id, resident.id, `AAAA-000${i}`, i + 1],
      });
    }

    await t.database.migrate();
    const rows = await t.database.db
      .select({ id: enrolments.id, name: enrolments.name })
      .from(enrolments)
      .orderBy(asc(enrolments.id));
    expect(rows).toEqual([
      { id: 'e0', name: '김철수' },
      { id: 'e1', name: '이영희' },
    ]);
  });

  it('0016 keeps attendance and applications through the rebuilds, and allows the new values', async () => {
    const t = await testDatabase({ migrate: false });
    await t.database.migrate(foldersBefore('0016_residents_who_teach'));
    const run = (statement: string) => t.database.client.execute(statement);
    const { roomId } = await makeRoom(t.database);
    await run(`insert into terms (id, slug, name_ko, name_en, starts_on, ends_on,
                                  registration_opens_at, registration_closes_at, created_at)
               values ('t0', 't0', '기수', 'Term', '2026-01-01', '2026-12-31', 0, 1, 0)`);
    await t.database.client.execute({
      sql: `insert into courses (id, term_id, room_id, title_ko, title_en, summary_ko, summary_en,
                                 description_ko, description_en, capacity, created_at)
            values ('c0', 't0', ?, '강좌', 'Course', '', '', '', '', 10, 0)`,
      args: [roomId],
    });
    await run(`insert into residents (id, name, phone_e164, consented_at, consent_version,
                                      created_at, updated_at)
               values ('r0', '김철수', '+821011110000', 0, 'v1', 0, 0)`);
    await run(`insert into enrolments (id, course_id, resident_id, name, status, channel, code,
                                       queue_no, created_at, updated_at)
               values ('e0', 'c0', 'r0', '김철수', 'confirmed', 'web', 'AAAA-0000', 1, 0, 0)`);
    await run(`insert into meetings (id, course_id, room_id, seq, date, start_time, end_time,
                                      starts_at, ends_at, status, created_at)
               values ('m0', 'c0', '${roomId}', 1, '2026-01-08', '14:00', '16:00', 0, 1,
                       'scheduled', 0)`);
    await run(`insert into attendance (id, enrolment_id, meeting_id, checked_in_at, method)
               values ('a0', 'e0', 'm0', 5, 'keypad')`);
    await run(`insert into instructor_applications (id, resident_id, title, description, status,
                                                    submitted_at)
               values ('ap0', 'r0', '붓글씨', '기초부터', 'submitted', 7)`);

    await t.database.migrate();
    const attendanceRows = await run(`select id, method, checked_in_at from attendance`);
    expect(attendanceRows.rows.map((r) => [r.id, r.method, r.checked_in_at])).toEqual([
      ['a0', 'keypad', 5],
    ]);
    const applications = await run(
      `select id, title, status, applicant_name, meeting_count from instructor_applications`,
    );
    expect(
      applications.rows.map((r) => [r.id, r.title, r.status, r.applicant_name, r.meeting_count]),
    ).toEqual([['ap0', '붓글씨', 'submitted', '', 6]]);
    await run(`update attendance set method = 'instructor' where id = 'a0'`);
    await run(`update instructor_applications set status = 'changes_requested' where id = 'ap0'`);
    await expect(
      run(`update attendance set method = 'telepathy' where id = 'a0'`),
    ).rejects.toThrow();
    const indexes = await run(
      `select name from sqlite_schema where tbl_name = 'attendance' and type = 'index'`,
    );
    expect(indexes.rows.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'attendance_enrolment_meeting_uq',
        'attendance_meeting_idx',
        'attendance_client_key_uq',
      ]),
    );
    const check = await t.database.db.get<{ integrity_check: string }>(sql`PRAGMA integrity_check`);
    expect(check?.integrity_check).toBe('ok');
    const fk = await run(`pragma foreign_key_check`);
    expect(fk.rows).toEqual([]);
  });
});
