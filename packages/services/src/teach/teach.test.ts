import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import {
  auditLog,
  courses,
  instructorApplications,
  instructors,
  meetings,
  outbox,
  staffUsers,
} from '@seoro/db';
import { makeCourse, makeMeeting, makeResident, makeRoom, makeTerm } from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import { DomainError, findRoomConflicts, kstInstant, type TeachProposal } from '@seoro/domain';
import { createServiceContext } from '../context';
import { renderNotification } from '../notifications';
import { getApplication, listApplications, listMyApplications } from './application-views';
import { approveApplication, previewApplicationApproval } from './approve-application';
import { resubmitApplication } from './resubmit-application';
import {
  commentOnApplication,
  rejectApplication,
  requestApplicationChanges,
  revealApplicantPhone,
} from './review-application';
import { submitApplication } from './submit-application';
import { withdrawApplication } from './withdraw-application';

const NOW = Date.parse('2027-01-10T01:00:00Z');

const proposal: TeachProposal = {
  applicantName: '김하나',
  title: '손으로 쓰는 캘리그라피',
  description: '붓펜으로 마음을 담은 글씨를 씁니다.',
  teaches: '획 긋기, 자음과 모음, 엽서 만들기',
  experience: '문화센터 보조강사 3년',
  meetingCount: 6,
  preferredWeekday: 2,
  preferredStartTime: '14:00',
  durationMinutes: 120,
  materialsFeeWon: 10000,
  capacity: 10,
  yongsanConfirmed: true,
  exclusionsAccepted: true,
};

async function setup() {
  const t = await testDatabase();
  const ctx = createServiceContext(t.database, { clock: { now: () => new Date(NOW) } });
  const { roomId } = await makeRoom(t.database);
  const resident = await makeResident(t.database, { name: '김하나' });
  const other = await makeResident(t.database, { name: '이둘' });
  const staffId = 'staff-1';
  await t.database.write((tx) =>
    tx.insert(staffUsers).values({
      id: staffId,
      email: 'staff@example.org',
      name: '담당자',
      role: 'staff',
      passwordHash: 'x',
      createdAt: new Date(NOW),
    }),
  );
  // 2027 spring: Tuesday 2 March to 31 May.
  const term = await makeTerm(t.database, {
    nameKo: '2027 1기',
    nameEn: '2027 Term 1',
    startsOn: '2027-03-02',
    endsOn: '2027-05-31',
    status: 'draft',
  });
  const submit = (residentId = resident.id, key = 'key-1', extra: Partial<TeachProposal> = {}) =>
    submitApplication(ctx, {
      ...proposal,
      ...extra,
      residentId,
      locale: 'ko',
      idempotencyKey: key,
    });
  const outboxOf = (template: string) =>
    t.database.db.select().from(outbox).where(eq(outbox.template, template));
  const audit = (action: string) =>
    t.database.db.select().from(auditLog).where(eq(auditLog.action, action));
  const app = async (id: string) =>
    (
      await t.database.db
        .select()
        .from(instructorApplications)
        .where(eq(instructorApplications.id, id))
    )[0];
  return { ...t, ctx, roomId, resident, other, staffId, term, submit, outboxOf, audit, app };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

describe('applying to teach', () => {
  it('saves a submitted application once however often it is sent, and says it arrived', async () => {
    const { ctx, submit, outboxOf, audit, app, resident } = await setup();
    const first = await submit();
    const again = await submit();
    expect(again).toEqual(first);
    expect(await listMyApplications(ctx, resident.id)).toHaveLength(1);
    expect(await app(first.applicationId)).toMatchObject({
      status: 'submitted',
      title: proposal.title,
      yongsanConfirmed: true,
    });
    const texts = await outboxOf('application_received');
    expect(texts).toHaveLength(1);
    expect(texts[0]?.recipient).toBe(resident.phoneE164);
    const text = renderNotification(texts[0]!, { siteOrigin: 'https://seoro.example' }).text;
    expect(text).toContain(proposal.title);
    expect(text).toContain('https://seoro.example/teach/my');
    expect(await audit('application.submit')).toHaveLength(1);
  });

  it('refuses a proposal out of bounds, or without the exclusions, and saves nothing', async () => {
    const { submit, ctx, resident, outboxOf } = await setup();
    expect(await codeOf(submit(resident.id, 'a', { meetingCount: 13 }))).toBe(
      'application_meetings_out_of_range',
    );
    expect(await codeOf(submit(resident.id, 'b', { exclusionsAccepted: false }))).toBe(
      'application_exclusions_required',
    );
    expect(await codeOf(submit(resident.id, 'c', { yongsanConfirmed: false }))).toBe(
      'application_yongsan_required',
    );
    expect(await codeOf(submit(resident.id, 'd', { capacity: 3 }))).toBe(
      'application_capacity_out_of_range',
    );
    expect(await listMyApplications(ctx, resident.id)).toHaveLength(0);
    expect(await outboxOf('application_received')).toHaveLength(0);
  });

  it('goes back and forth: changes requested, edited and resubmitted, then withdrawn', async () => {
    const { ctx, submit, staffId, resident, other, app, outboxOf, audit } = await setup();
    const { applicationId } = await submit();
    // Not yet sent back: the applicant cannot edit it.
    expect(
      await codeOf(
        resubmitApplication(ctx, { ...proposal, residentId: resident.id, applicationId }),
      ),
    ).toBe('application_not_editable');
    expect(
      await codeOf(requestApplicationChanges(ctx, { applicationId, staffId, message: '  ' })),
    ).toBe('application_message_required');
    await commentOnApplication(ctx, {
      applicationId,
      staffId,
      body: '경력 확인 필요',
      toApplicant: false,
    });
    await requestApplicationChanges(ctx, {
      applicationId,
      staffId,
      message: '회차를 8회로 늘려 주세요.',
    });
    expect((await app(applicationId))?.status).toBe('changes_requested');
    const told = await outboxOf('application_changes_requested');
    expect(told).toHaveLength(1);
    expect(renderNotification(told[0]!).text).toContain('회차를 8회로 늘려 주세요.');

    // The applicant sees what was said to them, never the internal note.
    const [mine] = await listMyApplications(ctx, resident.id);
    expect(mine?.messages.map((m) => m.kind)).toEqual(['changes_requested']);
    // Staff see the whole conversation.
    const detail = await getApplication(ctx, { applicationId });
    expect(detail.messages.map((m) => [m.kind, m.toApplicant])).toEqual([
      ['comment', false],
      ['changes_requested', true],
    ]);
    expect(detail.applicant.maskedName).toBe('김*나');

    // Another resident's application reads as not found, and nothing changes.
    expect(
      await codeOf(resubmitApplication(ctx, { ...proposal, residentId: other.id, applicationId })),
    ).toBe('application_not_found');
    expect(await codeOf(withdrawApplication(ctx, { residentId: other.id, applicationId }))).toBe(
      'application_not_found',
    );
    // A bad edit is refused with its field and changes nothing.
    expect(
      await codeOf(
        resubmitApplication(ctx, {
          ...proposal,
          meetingCount: 20,
          residentId: resident.id,
          applicationId,
        }),
      ),
    ).toBe('application_meetings_out_of_range');
    expect((await app(applicationId))?.status).toBe('changes_requested');

    await resubmitApplication(ctx, {
      ...proposal,
      meetingCount: 8,
      residentId: resident.id,
      applicationId,
      note: '8회로 바꿨습니다.',
    });
    expect(await app(applicationId)).toMatchObject({ status: 'submitted', meetingCount: 8 });
    await withdrawApplication(ctx, { residentId: resident.id, applicationId });
    expect((await app(applicationId))?.status).toBe('withdrawn');
    expect(await codeOf(withdrawApplication(ctx, { residentId: resident.id, applicationId }))).toBe(
      'application_not_withdrawable',
    );
    for (const action of [
      'application.comment',
      'application.changes_requested',
      'application.resubmit',
      'application.withdraw',
    ]) {
      expect(await audit(action), action).toHaveLength(1);
    }
  });

  it('declines with a reason the applicant is told, and lists counts per status', async () => {
    const { ctx, submit, staffId, app, outboxOf, audit, other } = await setup();
    const { applicationId } = await submit();
    await submit(other.id, 'other');
    expect(await codeOf(rejectApplication(ctx, { applicationId, staffId, reason: '' }))).toBe(
      'reason_required',
    );
    await rejectApplication(ctx, { applicationId, staffId, reason: '영리 목적의 내용입니다.' });
    expect(await app(applicationId)).toMatchObject({
      status: 'rejected',
      reviewNote: '영리 목적의 내용입니다.',
    });
    expect(renderNotification((await outboxOf('application_rejected'))[0]!).text).toContain(
      '영리 목적의 내용입니다.',
    );
    expect(await audit('application.reject')).toHaveLength(1);
    const list = await listApplications(ctx, { status: null });
    expect(list.counts).toMatchObject({ submitted: 1, rejected: 1 });
    expect(list.items[0]?.maskedPhone).toMatch(/^010-\*{4}-\d{4}$/);
    expect((await listApplications(ctx, { status: 'rejected' })).items).toHaveLength(1);
    // Decided: staff cannot ask for changes any more.
    expect(
      await codeOf(requestApplicationChanges(ctx, { applicationId, staffId, message: 'x' })),
    ).toBe('application_already_decided');
  });

  it('reveals the applicant’s number only with a reason, audited', async () => {
    const { ctx, submit, staffId, resident, audit } = await setup();
    const { applicationId } = await submit();
    expect(await codeOf(revealApplicantPhone(ctx, { applicationId, staffId, reason: ' ' }))).toBe(
      'reason_required',
    );
    const shown = await revealApplicantPhone(ctx, { applicationId, staffId, reason: '일정 상의' });
    expect(shown.phone.replace(/-/g, '')).toBe(resident.phoneE164.replace('+82', '0'));
    expect(await audit('resident.phone_reveal')).toHaveLength(1);
  });
});

describe('approving an application', () => {
  it('creates the instructor, a draft course and its meetings around a booked slot', async () => {
    const { ctx, database, submit, staffId, term, roomId, resident, app, outboxOf, audit } =
      await setup();
    // Another course holds Tuesday 9 March 14:00–16:00 in the same room.
    const busy = await makeCourse(database, { termId: term.id, roomId });
    const taken = await makeMeeting(
      database,
      { courseId: busy.id, roomId },
      kstInstant('2027-03-09', '14:00'),
    );
    const { applicationId } = await submit();

    const preview = await previewApplicationApproval(ctx, { applicationId, termId: term.id });
    expect(preview.weekday).toBe(2);
    expect(preview.startTime).toBe('14:00');
    expect(preview.dates).toHaveLength(6);
    expect(preview.dates).not.toContain('2027-03-09');

    const result = await approveApplication(ctx, { applicationId, termId: term.id, staffId });
    expect(result.dates).toEqual(preview.dates);
    expect(await app(applicationId)).toMatchObject({
      status: 'accepted',
      courseId: result.courseId,
      termId: term.id,
    });
    const [course] = await database.db
      .select()
      .from(courses)
      .where(eq(courses.id, result.courseId));
    expect(course).toMatchObject({
      draft: true,
      termId: term.id,
      titleKo: proposal.title,
      titleEn: proposal.title,
      capacity: 10,
      materialsFeeWon: 10000,
      instructorId: result.instructorId,
    });
    const [instructor] = await database.db
      .select()
      .from(instructors)
      .where(eq(instructors.id, result.instructorId));
    expect(instructor).toMatchObject({ residentId: resident.id, displayName: '김하나' });

    // No two scheduled meetings of the room overlap.
    const all = await database.db.select().from(meetings).where(eq(meetings.roomId, roomId));
    expect(all.filter((m) => m.courseId === result.courseId)).toHaveLength(6);
    expect(
      findRoomConflicts(
        all.map((m) => ({
          id: m.id,
          roomId: m.roomId,
          date: m.date,
          start: m.startTime,
          end: m.endTime,
        })),
      ),
    ).toEqual([]);
    expect(all.some((m) => m.id === taken.id)).toBe(true);

    const accepted = await outboxOf('application_accepted');
    expect(renderNotification(accepted[0]!).text).toContain('2027 1기');
    expect(await audit('application.approve')).toHaveLength(1);
    // Decided: a second approval is refused.
    expect(await codeOf(approveApplication(ctx, { applicationId, termId: term.id, staffId }))).toBe(
      'application_already_decided',
    );
  });

  it('reuses the resident’s instructor row, and refuses an ended term', async () => {
    const { ctx, database, submit, staffId, term, resident } = await setup();
    const existing = 'instructor-existing';
    await database.write((tx) =>
      tx.insert(instructors).values({
        id: existing,
        residentId: resident.id,
        displayName: '김하나 선생님',
        createdAt: new Date(NOW),
      }),
    );
    const ended = await makeTerm(database, { startsOn: '2026-09-01', endsOn: '2026-10-31' });
    const { applicationId } = await submit();
    expect(
      await codeOf(approveApplication(ctx, { applicationId, termId: ended.id, staffId })),
    ).toBe('application_term_not_open');
    const result = await approveApplication(ctx, { applicationId, termId: term.id, staffId });
    expect(result.instructorId).toBe(existing);
  });

  it('writes nothing when the transaction fails part-way', async () => {
    const { ctx, database, submit, staffId, term, app } = await setup();
    const { applicationId } = await submit();
    // The text to the applicant is written last but one: make it fail.
    await database.write(async (tx) => {
      await tx.run(
        sql.raw(
          `CREATE TRIGGER no_accept_text BEFORE INSERT ON outbox WHEN NEW.template = 'application_accepted'
       BEGIN SELECT RAISE(ABORT, 'transport refused'); END`,
        ),
      );
    });
    await expect(
      approveApplication(ctx, { applicationId, termId: term.id, staffId }),
    ).rejects.toThrow();
    expect((await app(applicationId))?.status).toBe('submitted');
    const count = async (table: string) =>
      Number(
        (await database.db.get<{ n: number }>(sql.raw(`select count(*) as n from ${table}`)))?.n,
      );
    expect(await count('courses')).toBe(0);
    expect(await count('meetings')).toBe(0);
    expect(await count('instructors')).toBe(0);
  });

  it('says so when the term has no free weekly slot', async () => {
    const { ctx, database, submit, staffId, roomId, app } = await setup();
    // A two-week term cannot hold six weekly meetings.
    const short = await makeTerm(database, { startsOn: '2027-03-02', endsOn: '2027-03-14' });
    const { applicationId } = await submit();
    expect(
      await codeOf(previewApplicationApproval(ctx, { applicationId, termId: short.id, roomId })),
    ).toBe('application_no_free_slot');
    expect(
      await codeOf(approveApplication(ctx, { applicationId, termId: short.id, staffId })),
    ).toBe('application_no_free_slot');
    expect((await app(applicationId))?.status).toBe('submitted');
  });
});
