import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { like } from 'drizzle-orm';
import { auditLog, notices, staffUsers } from '@seoro/db';
import { testDatabase } from '@seoro/db/test/vitest';
import { addDays, DomainError, kstInstant, type Clock } from '@seoro/domain';
import { createServiceContext } from '../context';
import { createNotice } from './create-notice';
import { currentNotices, listNotices } from './list-notices';
import { removeNotice } from './remove-notice';
import { updateNotice } from './update-notice';

const STAFF = 'staff-1';
const TODAY = '2026-05-04';

function manualClock(start: Date): Clock & { set(at: Date): void } {
  let at = start.getTime();
  return { now: () => new Date(at), set: (d) => void (at = d.getTime()) };
}

async function setup() {
  const t = await testDatabase();
  // 00:30 KST on TODAY, still the day before in UTC: "today" must be Korea's date.
  const clock = manualClock(kstInstant(TODAY, '00:30'));
  const ctx = createServiceContext(t.database, { clock });
  await t.database.write((tx) =>
    tx.insert(staffUsers).values({
      id: STAFF,
      email: 'kim@yongsan.example',
      name: '김담당',
      role: 'staff',
      passwordHash: 'not used here',
      createdAt: clock.now(),
    }),
  );
  const audit = () =>
    t.database.db.select().from(auditLog).where(like(auditLog.action, 'notice.%'));
  const rows = () => t.database.db.select().from(notices);
  return { ...t, ctx, clock, audit, rows };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    if (e instanceof DomainError) return `${e.code}:${String(e.params.field ?? '')}`;
    throw e;
  }
}

const notice = {
  bodyKo: '  아트홀 주차장은 5월 8일까지 공사로 닫습니다.\r\n대중교통을 이용해 주세요.  ',
  bodyEn: 'The Art Hall car park is closed for works until 8 May.',
  showFrom: TODAY,
  showUntil: '2026-05-08',
  staffId: STAFF,
};

describe('notices', () => {
  it('are created trimmed, listed with their state, shown on the kiosk and audited', async () => {
    const { ctx, audit, rows } = await setup();
    const created = await createNotice(ctx, { ...notice, ip: '10.0.0.1' });
    const [row] = await rows();
    expect(row).toMatchObject({
      id: created.id,
      bodyKo: '아트홀 주차장은 5월 8일까지 공사로 닫습니다.\n대중교통을 이용해 주세요.',
      createdByStaffId: STAFF,
      removedAt: null,
    });
    expect(await listNotices(ctx)).toEqual({
      today: TODAY,
      notices: [expect.objectContaining({ id: created.id, state: 'showing' })],
    });
    expect((await currentNotices(ctx)).notices).toEqual([
      {
        id: created.id,
        body: { ko: row!.bodyKo, en: notice.bodyEn },
        showFrom: TODAY,
        showUntil: '2026-05-08',
      },
    ]);
    expect(await audit()).toEqual([
      expect.objectContaining({
        action: 'notice.create',
        actorType: 'staff',
        actorId: STAFF,
        subjectType: 'notice',
        subjectId: created.id,
        ip: '10.0.0.1',
        detail: expect.objectContaining({ showFrom: TODAY, showUntil: '2026-05-08' }),
      }),
    ]);
  });

  it('refuses bad input with the field at fault, and writes nothing', async () => {
    const { ctx, audit, rows } = await setup();
    const refusals = {
      blank: await codeOf(createNotice(ctx, { ...notice, bodyKo: ' \n ' })),
      long: await codeOf(createNotice(ctx, { ...notice, bodyKo: '가'.repeat(301) })),
      longEn: await codeOf(createNotice(ctx, { ...notice, bodyEn: 'a'.repeat(301) })),
      date: await codeOf(createNotice(ctx, { ...notice, showFrom: '2026-02-30' })),
      until: await codeOf(createNotice(ctx, { ...notice, showUntil: '' })),
      order: await codeOf(createNotice(ctx, { ...notice, showUntil: '2026-05-03' })),
    };
    expect(refusals).toEqual({
      blank: 'notice_text_required:bodyKo',
      long: 'notice_text_too_long:bodyKo',
      longEn: 'notice_text_too_long:bodyEn',
      date: 'notice_date_invalid:showFrom',
      until: 'notice_date_invalid:showUntil',
      order: 'notice_ends_before_start:showUntil',
    });
    expect(await rows()).toEqual([]);
    expect(await audit()).toEqual([]);
    // Exactly 300 characters is allowed (Hangul counted as one each).
    await createNotice(ctx, { ...notice, bodyKo: '가'.repeat(300) });
    expect(await rows()).toHaveLength(1);
  });

  it('are changed with before and after in the audit row; a refused change leaves it as it was', async () => {
    const { ctx, audit, rows } = await setup();
    const { id } = await createNotice(ctx, notice);
    const [before] = await rows();
    expect(
      await codeOf(updateNotice(ctx, { ...notice, noticeId: id, showUntil: '2026-05-01' })),
    ).toBe('notice_ends_before_start:showUntil');
    expect(await codeOf(updateNotice(ctx, { ...notice, noticeId: id, bodyKo: '' }))).toBe(
      'notice_text_required:bodyKo',
    );
    expect(await rows()).toEqual([before]);

    // Saving what is there changes nothing and writes no audit row.
    expect(await updateNotice(ctx, { ...notice, noticeId: id })).toEqual({ id, changed: false });
    const changed = await updateNotice(ctx, {
      ...notice,
      noticeId: id,
      bodyKo: '주차장 공사가 5월 10일까지로 늘었습니다.',
      showUntil: '2026-05-10',
    });
    expect(changed).toEqual({ id, changed: true });
    const [after] = await rows();
    expect(after).toMatchObject({ bodyKo: '주차장 공사가 5월 10일까지로 늘었습니다.' });
    const updates = (await audit()).filter((r) => r.action === 'notice.update');
    expect(updates).toEqual([
      expect.objectContaining({
        actorId: STAFF,
        subjectId: id,
        detail: {
          before: expect.objectContaining({ showUntil: '2026-05-08' }),
          after: expect.objectContaining({ showUntil: '2026-05-10' }),
        },
      }),
    ]);
    expect(await codeOf(updateNotice(ctx, { ...notice, noticeId: 'missing' }))).toBe(
      'notice_not_found:',
    );
  });

  it('are removed softly: off the kiosk and the list, the row kept, once only', async () => {
    const { ctx, audit, rows } = await setup();
    const { id } = await createNotice(ctx, notice);
    await removeNotice(ctx, { noticeId: id, staffId: STAFF });
    expect((await currentNotices(ctx)).notices).toEqual([]);
    expect((await listNotices(ctx)).notices).toEqual([]);
    const [row] = await rows();
    expect(row?.removedAt).toBeInstanceOf(Date);
    expect(await codeOf(removeNotice(ctx, { noticeId: id, staffId: STAFF }))).toBe(
      'notice_not_found:',
    );
    expect(await codeOf(updateNotice(ctx, { ...notice, noticeId: id }))).toBe('notice_not_found:');
    expect((await audit()).map((r) => r.action)).toEqual(['notice.create', 'notice.remove']);
  });

  it('shows at most three today, newest first, by the KST date', async () => {
    const { ctx, clock } = await setup();
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock.set(kstInstant(TODAY, `0${i}:40`));
      made.push((await createNotice(ctx, { ...notice, bodyKo: `공지 ${i}` })).id);
    }
    const later = await createNotice(ctx, {
      ...notice,
      bodyKo: '다음 주 공지',
      showFrom: '2026-05-11',
      showUntil: '2026-05-12',
    });
    expect((await currentNotices(ctx)).notices.map((n) => n.body.ko)).toEqual([
      '공지 4',
      '공지 3',
      '공지 2',
    ]);
    const states = (await listNotices(ctx)).notices.map((n) => [n.id, n.state]);
    expect(states).toContainEqual([later.id, 'scheduled']);
    // 23:59 KST on the last day: still showing; a minute later (00:00 KST) it is over.
    clock.set(kstInstant('2026-05-08', '23:59'));
    expect((await currentNotices(ctx)).notices).toHaveLength(3);
    clock.set(kstInstant('2026-05-09', '00:00'));
    expect((await currentNotices(ctx)).notices).toEqual([]);
    expect((await listNotices(ctx)).notices.find((n) => n.id === made[0])?.state).toBe('ended');
  });

  it('on any day, show exactly the notices whose days include it (property)', async () => {
    const { ctx, clock, database } = await setup();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 0, max: 4 })), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.integer({ min: -6, max: 10 }),
        fc.integer({ min: 0, max: 23 * 60 + 59 }),
        async (windows, offset, minute) => {
          await database.write((tx) => tx.delete(notices));
          clock.set(kstInstant(TODAY, '00:00'));
          const ids: string[] = [];
          for (const [from, length] of windows) {
            const showFrom = addDays(TODAY, from);
            const { id } = await createNotice(ctx, {
              ...notice,
              showFrom,
              showUntil: addDays(showFrom, length),
            });
            ids.push(id);
          }
          const day = addDays(TODAY, offset);
          const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
          clock.set(kstInstant(day, time));
          const expected = windows
            .map(([from, length], i) => ({ id: ids[i], from: addDays(TODAY, from), length }))
            .filter((w) => w.from <= day && day <= addDays(w.from, w.length))
            .map((w) => w.id)
            .sort();
          const shown = (await currentNotices(ctx)).notices.map((n) => n.id).sort();
          expect(shown).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });
});
