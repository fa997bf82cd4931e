import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findRoomConflicts,
  findSlotClashes,
  monthGrid,
  timesOverlap,
  weekStart,
  weeklySchedule,
  type RoomBooking,
} from './schedule';
import { addDays, kstWeekday } from './time';

const CHUSEOK_2027 = {
  '2027-09-14': ['추석 전날'],
  '2027-09-15': ['추석'],
  '2027-09-16': ['추석 다음 날'],
};

describe('weeklySchedule', () => {
  it('skips Chuseok and adds a week to keep the number of meetings', () => {
    const schedule = weeklySchedule({
      weekdays: [3],
      first: '2027-09-01',
      count: 4,
      holidays: CHUSEOK_2027,
      holidayRule: 'skip_extend',
    });
    expect(schedule.dates).toEqual(['2027-09-01', '2027-09-08', '2027-09-22', '2027-09-29']);
    expect(schedule.skipped).toEqual([{ date: '2027-09-15', names: ['추석'] }]);
  });

  it('skips without extending, or meets on the holiday, as staff choose', () => {
    const base = { weekdays: [3], first: '2027-09-01', count: 4, holidays: CHUSEOK_2027 };
    expect(weeklySchedule({ ...base, holidayRule: 'skip' }).dates).toEqual([
      '2027-09-01',
      '2027-09-08',
      '2027-09-22',
    ]);
    const kept = weeklySchedule({ ...base, holidayRule: 'keep' });
    expect(kept.dates).toContain('2027-09-15');
    expect(kept.skipped).toEqual([]);
  });

  it('takes several weekdays and a last date, starting on the first matching day', () => {
    const schedule = weeklySchedule({
      weekdays: [4, 2],
      first: '2027-09-10',
      until: '2027-09-23',
      holidays: CHUSEOK_2027,
      holidayRule: 'skip_extend',
    });
    expect(schedule.dates).toEqual(['2027-09-21', '2027-09-23']);
    expect(schedule.skipped.map((s) => s.date)).toEqual(['2027-09-14', '2027-09-16']);
  });

  it('refuses a malformed pattern', () => {
    const ok = { weekdays: [1], first: '2027-03-01', holidays: {}, holidayRule: 'skip' as const };
    expect(() => weeklySchedule({ ...ok, weekdays: [], count: 2 })).toThrow(RangeError);
    expect(() => weeklySchedule({ ...ok, weekdays: [7], count: 2 })).toThrow(RangeError);
    expect(() => weeklySchedule({ ...ok })).toThrow(RangeError);
    expect(() => weeklySchedule({ ...ok, count: 2, until: '2027-04-01' })).toThrow(RangeError);
    expect(() => weeklySchedule({ ...ok, count: 0 })).toThrow(RangeError);
    expect(() => weeklySchedule({ ...ok, until: '2027-02-01' })).toThrow(RangeError);
    expect(() =>
      weeklySchedule({ ...ok, weekdays: [0, 1, 2, 3, 4, 5, 6], until: '2028-03-01' }),
    ).toThrow(RangeError);
  });

  it('gives count meetings on the pattern weekdays, in order, none a skipped holiday (property)', () => {
    const date = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2026-01-01', n));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
        date,
        fc.integer({ min: 1, max: 30 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 30 }),
        (weekdays, first, count, holidayOffsets) => {
          const holidays = Object.fromEntries(
            holidayOffsets.map((n) => [addDays(first, n), ['휴일']]),
          );
          const { dates, skipped } = weeklySchedule({
            weekdays,
            first,
            count,
            holidays,
            holidayRule: 'skip_extend',
          });
          expect(dates).toHaveLength(count);
          expect([...dates].sort()).toEqual(dates);
          expect(new Set(dates).size).toBe(dates.length);
          for (const d of dates) {
            expect(weekdays).toContain(kstWeekday(d));
            expect(d >= first).toBe(true);
            expect(holidays[d]).toBeUndefined();
          }
          for (const s of skipped) expect(holidays[s.date]).toBeDefined();
          const shorter = weeklySchedule({ weekdays, first, count, holidays, holidayRule: 'skip' });
          expect(shorter.dates.length + shorter.skipped.length).toBe(count);
        },
      ),
    );
  });
});

const slotArb = fc
  .record({
    room: fc.constantFrom('r1', 'r2'),
    day: fc.integer({ min: 0, max: 3 }),
    start: fc.integer({ min: 8 * 4, max: 21 * 4 }),
    quarters: fc.integer({ min: 1, max: 12 }),
    cancelled: fc.boolean(),
  })
  .map(({ room, day, start, quarters, cancelled }) => {
    const end = Math.min(start + quarters, 23 * 4 + 3);
    const hhmm = (q: number) =>
      `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
    return {
      roomId: room,
      date: addDays('2027-03-01', day),
      start: hhmm(start),
      end: hhmm(end),
      status: cancelled ? ('cancelled' as const) : ('scheduled' as const),
    };
  });

describe('findSlotClashes', () => {
  const booking = (
    id: string,
    start: string,
    end: string,
    extra: Partial<RoomBooking> = {},
  ): RoomBooking => ({
    id,
    roomId: 'room-3',
    date: '2027-03-04',
    start,
    end,
    ...extra,
  });

  it('names the meeting a proposed slot would collide with', () => {
    const existing = [booking('photo', '10:00', '12:00'), booking('tax', '14:00', '16:00')];
    const clashes = findSlotClashes(
      [{ roomId: 'room-3', date: '2027-03-04', start: '11:00', end: '13:00' }],
      existing,
    );
    expect(clashes.map((c) => c.existing.id)).toEqual(['photo']);
  });

  it('lets back-to-back, cancelled, other rooms and the meeting itself pass', () => {
    const existing = [
      booking('photo', '10:00', '12:00'),
      booking('gone', '12:00', '14:00', { status: 'cancelled' }),
      booking('elsewhere', '12:00', '14:00', { roomId: 'room-1' }),
      booking('self', '12:00', '13:00'),
    ];
    const proposed = [
      { id: 'self', roomId: 'room-3', date: '2027-03-04', start: '12:00', end: '14:00' },
    ];
    expect(findSlotClashes(proposed, existing)).toEqual([]);
  });

  it('agrees with the pairwise overlap rule (property)', () => {
    fc.assert(
      fc.property(
        fc.array(slotArb, { maxLength: 12 }),
        fc.array(slotArb, { maxLength: 6 }),
        (existingRaw, proposedRaw) => {
          const existing = existingRaw.map((s, i) => ({ ...s, id: `e${i}` }));
          const proposed = proposedRaw.map(({ status: _status, ...s }) => s);
          const clashes = findSlotClashes(proposed, existing);
          const expected = proposed.flatMap((p) =>
            existing
              .filter(
                (e) => e.status !== 'cancelled' && e.roomId === p.roomId && timesOverlap(p, e),
              )
              .map((e) => `${proposed.indexOf(p)}:${e.id}`),
          );
          expect(
            clashes.map((c) => `${proposed.indexOf(c.proposed)}:${c.existing.id}`).sort(),
          ).toEqual(expected.sort());
        },
      ),
    );
  });

  it('accepts a slot exactly when adding it makes no new room conflict (property)', () => {
    fc.assert(
      fc.property(fc.array(slotArb, { maxLength: 10 }), slotArb, (existingRaw, candidate) => {
        const live = existingRaw
          .filter((s) => s.status === 'scheduled')
          .map((s, i) => ({ ...s, id: `e${i}` }));
        const slot = { ...candidate, id: 'new' };
        const before = findRoomConflicts(live).length;
        const after = findRoomConflicts([...live, slot]).length;
        expect(findSlotClashes([slot], live).length).toBe(after - before);
      }),
    );
  });

  it('never reports a back-to-back pair (property)', () => {
    fc.assert(
      fc.property(slotArb, fc.integer({ min: 1, max: 8 }), (a, quarters) => {
        fc.pre(a.end < '23:00');
        const [h, m] = a.end.split(':').map(Number) as [number, number];
        const endQ = Math.min(h * 4 + m / 15 + quarters, 23 * 4 + 3);
        const end = `${String(Math.floor(endQ / 4)).padStart(2, '0')}:${String((endQ % 4) * 15).padStart(2, '0')}`;
        const next = { roomId: a.roomId, date: a.date, start: a.end, end };
        expect(findSlotClashes([next], [{ ...a, id: 'a', status: 'scheduled' }])).toEqual([]);
      }),
    );
  });
});

describe('weekStart and monthGrid', () => {
  it('finds the Monday of a week', () => {
    expect(weekStart('2027-03-04')).toBe('2027-03-01');
    expect(weekStart('2027-03-07')).toBe('2027-03-01');
    expect(weekStart('2027-03-08')).toBe('2027-03-08');
  });

  it('covers a month in whole Monday-first weeks', () => {
    const grid = monthGrid('2027-09-15');
    expect(grid[0]?.[0]).toEqual({ date: '2027-08-30', inMonth: false });
    expect(grid.at(-1)?.at(-1)).toEqual({ date: '2027-10-03', inMonth: false });
    expect(grid.flat().filter((d) => d.inMonth)).toHaveLength(30);
    expect(monthGrid('2027-02-01')).toHaveLength(4);
  });
});
