import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { attendance, certificates, instructors, type Database } from '@seoro/db';
import {
  makeCourse,
  makeEnrolment,
  makeMeeting,
  makeResident,
  makeRoom,
  makeTerm,
} from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import { DomainError, type Clock } from '@seoro/domain';
import { createServiceContext } from '../context';
import { issueCertificate } from './issue-certificate';
import { listMyCertificates } from './list-my-certificates';
import { renderCertificatePdf, renderTeachingRecordPdf } from './pdf';
import { getTeachingRecord } from './teaching-record';
import { verifyCertificate } from './verify-certificate';

const kst = (date: string, time: string) => new Date(`${date}T${time}:00+09:00`);
const AFTER = new Date('2026-03-01T03:00:00Z');
const DURING = kst('2026-01-20', '12:00');
const DATES = ['2026-01-08', '2026-01-15', '2026-01-22', '2026-01-29', '2026-02-05'];

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'no error';
}

async function attend(database: Database, enrolmentId: string, meetingIds: string[]) {
  for (const meetingId of meetingIds) {
    await database.write((tx) =>
      tx.insert(attendance).values({
        id: randomUUID(),
        enrolmentId,
        meetingId,
        checkedInAt: new Date(),
        method: 'staff',
      }),
    );
  }
}

/** A five-meeting course (plus one cancelled meeting) of a term with the 80% rule. */
async function setup(now: Date = AFTER) {
  const t = await testDatabase();
  const ctx = createServiceContext(t.database, { clock: { now: () => now } satisfies Clock });
  const { roomId } = await makeRoom(t.database);
  const term = await makeTerm(t.database, { nameKo: '2026년 1기', nameEn: '2026 Session 1' });
  const course = await makeCourse(
    t.database,
    { termId: term.id, roomId },
    { titleKo: '캘리그라피', titleEn: 'Calligraphy' },
  );
  const ids: string[] = [];
  for (const date of DATES) {
    ids.push(
      (await makeMeeting(t.database, { courseId: course.id, roomId }, kst(date, '10:00'))).id,
    );
  }
  const cancelled = await makeMeeting(
    t.database,
    { courseId: course.id, roomId },
    kst('2026-02-12', '10:00'),
    120,
    { status: 'cancelled' },
  );
  const resident = await makeResident(t.database, { name: '홍길동' });
  const enrolment = await makeEnrolment(t.database, {
    courseId: course.id,
    residentId: resident.id,
  });
  return { ...t, ctx, roomId, course, ids, cancelled, resident, enrolment };
}

describe('certificates', () => {
  it('earned at the line (4 of 5 = 80%), not below; the cancelled meeting does not count', async () => {
    const s = await setup();
    await attend(s.database, s.enrolment.id, s.ids.slice(0, 3));
    expect(await listMyCertificates(s.ctx, { residentId: s.resident.id })).toEqual([]);
    expect(
      await refusal(
        issueCertificate(s.ctx, { residentId: s.resident.id, enrolmentId: s.enrolment.id }),
      ),
    ).toBe('certificate_not_earned');
    expect(await s.database.db.select().from(certificates)).toHaveLength(0);

    await attend(s.database, s.enrolment.id, [s.ids[3] ?? '']);
    const [mine] = await listMyCertificates(s.ctx, { residentId: s.resident.id });
    expect(mine?.title.ko).toBe('캘리그라피');
    expect(mine?.issuedOn).toBeNull();
  });

  it('above the line, a checked-in cancelled meeting still counts nothing', async () => {
    const s = await setup();
    await attend(s.database, s.enrolment.id, [...s.ids, s.cancelled.id]);
    const view = await issueCertificate(s.ctx, {
      residentId: s.resident.id,
      enrolmentId: s.enrolment.id,
    });
    expect(view).toMatchObject({ attended: 5, total: 5, attendancePercent: 100 });
  });

  it('gives none while the course is still running', async () => {
    const s = await setup(DURING);
    await attend(s.database, s.enrolment.id, s.ids.slice(0, 2));
    expect(await listMyCertificates(s.ctx, { residentId: s.resident.id })).toEqual([]);
    expect(
      await refusal(
        issueCertificate(s.ctx, { residentId: s.resident.id, enrolmentId: s.enrolment.id }),
      ),
    ).toBe('certificate_not_earned');
  });

  it('issues once: the same code every time, one row; another resident gets "not found"', async () => {
    const s = await setup();
    await attend(s.database, s.enrolment.id, s.ids);
    const input = { residentId: s.resident.id, enrolmentId: s.enrolment.id };
    const first = await issueCertificate(s.ctx, input);
    const again = await issueCertificate(s.ctx, input);
    expect(again.code).toBe(first.code);
    expect(first.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(await s.database.db.select().from(certificates)).toHaveLength(1);
    const stranger = await makeResident(s.database, { name: '김영희' });
    expect(
      await refusal(
        issueCertificate(s.ctx, { residentId: stranger.id, enrolmentId: s.enrolment.id }),
      ),
    ).toBe('enrolment_not_found');
  });

  it('verification shows only the masked name; a forged code is not found', async () => {
    const s = await setup();
    await attend(s.database, s.enrolment.id, s.ids);
    const view = await issueCertificate(s.ctx, {
      residentId: s.resident.id,
      enrolmentId: s.enrolment.id,
    });
    const check = await verifyCertificate(s.ctx, { code: view.code.toLowerCase() });
    expect(check).toEqual({
      code: view.code,
      maskedName: '홍*동',
      title: { ko: '캘리그라피', en: 'Calligraphy' },
      termName: { ko: '2026년 1기', en: '2026 Session 1' },
      issuedOn: '2026-03-01',
    });
    expect(JSON.stringify(check)).not.toContain('홍길동');
    const forged = view.code.startsWith('Z') ? `Y${view.code.slice(1)}` : `Z${view.code.slice(1)}`;
    expect(await refusal(verifyCertificate(s.ctx, { code: forged }))).toBe('certificate_not_found');
    expect(await refusal(verifyCertificate(s.ctx, { code: 'not a code' }))).toBe(
      'certificate_not_found',
    );
  });

  it('the PDF carries the name, course, term and "수료증" as text', async () => {
    const s = await setup();
    await attend(s.database, s.enrolment.id, s.ids);
    const view = await issueCertificate(s.ctx, {
      residentId: s.resident.id,
      enrolmentId: s.enrolment.id,
    });
    for (const locale of ['ko', 'en'] as const) {
      const bytes = await renderCertificatePdf(view, {
        locale,
        verifyUrl: `https://example.org/certificates/${view.code}`,
      });
      const pdf = await getDocumentProxy(bytes);
      expect(pdf.numPages).toBe(1);
      const { text } = await extractText(pdf, { mergePages: true });
      for (const expected of ['홍길동', '수료증', 'Certificate of Completion', view.code]) {
        expect(text).toContain(expected);
      }
      expect(text).toContain(locale === 'ko' ? '캘리그라피' : 'Calligraphy');
      expect(text).toContain(locale === 'ko' ? '2026년 1기' : '2026 Session 1');
    }
  });

  it("the instructor's record lists their courses with learners and completions", async () => {
    const s = await setup();
    await attend(s.database, s.enrolment.id, s.ids);
    const other = await makeResident(s.database, { name: '이철수' });
    const second = await makeEnrolment(s.database, { courseId: s.course.id, residentId: other.id });
    await attend(s.database, second.id, s.ids.slice(0, 2));
    const teacher = await makeResident(s.database, { name: '정미경' });
    expect(await getTeachingRecord(s.ctx, { residentId: teacher.id })).toBeNull();
    await s.database.write((tx) =>
      tx
        .update(instructors)
        .set({ residentId: teacher.id })
        .where(eq(instructors.id, s.course.instructorId ?? '')),
    );
    const record = await getTeachingRecord(s.ctx, { residentId: teacher.id });
    expect(record?.courses).toEqual([
      expect.objectContaining({ meetings: 5, held: 5, learners: 2, completions: 1 }),
    ]);
    const pdf = await getDocumentProxy(
      await renderTeachingRecordPdf(
        record ?? {
          instructorName: { ko: '', en: '' },
          courses: [],
          totals: { courses: 0, learners: 0, completions: 0 },
          asOf: '2026-03-01',
        },
        { locale: 'ko' },
      ),
    );
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain('캘리그라피');
    expect(text).toContain('강의 이력');
  });
});
