import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findRoomConflicts, type RoomMeeting, timesOverlap, weeklyDates } from './schedule';
import { kstWeekday } from './time';

describe('weeklyDates examples', () => {
  it('lists the Thursdays of an 8-week course across the new year', () => {
    expect(weeklyDates('2025-12-18', 4)).toEqual([
      '2025-12-18',
      '2025-12-25',
      '2026-01-01',
      '2026-01-08',
    ]);
    expect(weeklyDates('2026-01-08', 0)).toEqual([]);
  });

  it('rejects bad input', () => {
    expect(() => weeklyDates('2026-02-30', 1)).toThrow(RangeError);
    expect(() => weeklyDates('2026-02-30', 0)).toThrow(RangeError);
    expect(() => weeklyDates('2026-01-08', -1)).toThrow(RangeError);
    expect(() => weeklyDates('2026-01-08', 1.5)).toThrow(RangeError);
  });
});

describe('timesOverlap examples', () => {
  const slot = (date: string, start: string, end: string) => ({ date, start, end });
  it('detects overlap on the same date only', () => {
    expect(
      timesOverlap(slot('2026-01-08', '19:00', '21:00'), slot('2026-01-08', '20:00', '22:00')),
    ).toBe(true);
    expect(
      timesOverlap(slot('2026-01-08', '19:00', '21:00'), slot('2026-01-08', '19:30', '20:00')),
    ).toBe(true);
    expect(
      timesOverlap(slot('2026-01-08', '19:00', '21:00'), slot('2026-01-09', '19:00', '21:00')),
    ).toBe(false);
  });
  it('treats back-to-back classes as not overlapping', () => {
    expect(
      timesOverlap(slot('2026-01-08', '10:00', '12:00'), slot('2026-01-08', '12:00', '14:00')),
    ).toBe(false);
  });
  it('rejects empty, inverted or malformed slots', () => {
    expect(() =>
      timesOverlap(slot('2026-01-08', '12:00', '12:00'), slot('2026-01-08', '10:00', '11:00')),
    ).toThrow(RangeError);
    expect(() =>
      timesOverlap(slot('2026-01-08', '14:00', '12:00'), slot('2026-01-08', '10:00', '11:00')),
    ).toThrow(RangeError);
    expect(() =>
      timesOverlap(slot('2026-01-08', '9:00', '12:00'), slot('2026-01-08', '10:00', '11:00')),
    ).toThrow(RangeError);
  });
});

describe('findRoomConflicts examples', () => {
  it('reports double bookings of one room, not different rooms or back-to-back slots', () => {
    const meetings: RoomMeeting[] = [
      {
        id: 'calligraphy-1',
        roomId: 'yongsan-hall-201',
        date: '2026-01-08',
        start: '19:00',
        end: '21:00',
      },
      {
        id: 'phone-basics-1',
        roomId: 'yongsan-hall-201',
        date: '2026-01-08',
        start: '20:30',
        end: '21:30',
      },
      {
        id: 'korean-1',
        roomId: 'yongsan-hall-202',
        date: '2026-01-08',
        start: '19:00',
        end: '21:00',
      },
      {
        id: 'yoga-1',
        roomId: 'yongsan-hall-201',
        date: '2026-01-08',
        start: '21:30',
        end: '22:30',
      },
      {
        id: 'choir-1',
        roomId: 'yongsan-hall-201',
        date: '2026-01-08',
        start: '18:00',
        end: '22:00',
      },
    ];
    expect(findRoomConflicts(meetings)).toEqual([
      ['calligraphy-1', 'phone-basics-1'],
      ['calligraphy-1', 'choir-1'],
      ['phone-basics-1', 'choir-1'],
      ['yoga-1', 'choir-1'],
    ]);
  });

  it('returns no pairs for an empty schedule', () => {
    expect(findRoomConflicts([])).toEqual([]);
  });
});

const DAY = ['2026-01-08', '2026-01-09', '2026-01-10'];
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const slotArb = fc.oneof(
  // Anywhere in the day, on the quarter hour.
  fc
    .tuple(fc.integer({ min: 0, max: 23 * 4 }), fc.integer({ min: 1, max: 16 }))
    .map(([q, len]) => ({
      start: hhmm(q * 15),
      end: hhmm(Math.min(q * 15 + len * 15, 23 * 60 + 59)),
    })),
  // A crowded morning on a half-hour grid, so touching and overlapping slots are common.
  fc
    .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 3 }))
    .map(([h, len]) => ({ start: hhmm(9 * 60 + h * 30), end: hhmm(9 * 60 + (h + len) * 30) })),
);
const meetingsArb = fc
  .array(
    fc.record({
      roomId: fc.constantFrom('r1', 'r2', 'r3'),
      date: fc.constantFrom(...DAY),
      slot: slotArb,
    }),
    { maxLength: 25 },
  )
  .map((rows) => rows.map((r, i) => ({ id: `m${i}`, roomId: r.roomId, date: r.date, ...r.slot })));

describe('schedule properties', () => {
  it('findRoomConflicts equals the brute-force list of same-room overlapping pairs', () => {
    fc.assert(
      fc.property(meetingsArb, (meetings) => {
        const expected: Array<[string, string]> = [];
        for (let i = 0; i < meetings.length; i++) {
          for (let j = i + 1; j < meetings.length; j++) {
            const a = meetings[i]!;
            const b = meetings[j]!;
            if (a.roomId === b.roomId && timesOverlap(a, b)) expected.push([a.id, b.id]);
          }
        }
        expect(findRoomConflicts(meetings)).toEqual(expected);
      }),
    );
  });

  it('a meeting never conflicts with itself and the result does not depend on input order (as a set)', () => {
    fc.assert(
      fc.property(
        meetingsArb.chain((ms) =>
          fc.tuple(fc.constant(ms), fc.shuffledSubarray(ms, { minLength: ms.length })),
        ),
        ([ms, shuffled]) => {
          const key = (pairs: Array<[string, string]>) =>
            pairs.map((p) => [...p].sort().join('|')).sort();
          const conflicts = findRoomConflicts(ms);
          for (const [a, b] of conflicts) expect(a).not.toBe(b);
          expect(key(findRoomConflicts(shuffled))).toEqual(key(conflicts));
        },
      ),
    );
  });

  it('timesOverlap is symmetric and matches minute-set intersection', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DAY),
        fc.constantFrom(...DAY),
        slotArb,
        slotArb,
        (d1, d2, s1, s2) => {
          const a = { date: d1, ...s1 };
          const b = { date: d2, ...s2 };
          const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
          let shared = false;
          for (let m = toMin(a.start); m < toMin(a.end); m++)
            if (m >= toMin(b.start) && m < toMin(b.end)) shared = true;
          expect(timesOverlap(a, b)).toBe(d1 === d2 && shared);
          expect(timesOverlap(b, a)).toBe(timesOverlap(a, b));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('back-to-back slots on the same date never overlap, in either order', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DAY), slotArb, slotArb, (date, s1, s2) => {
        fc.pre(s1.end < '23:59');
        const a = { date, ...s1 };
        const len = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
        const bEnd = Math.min(len(s1.end) + len(s2.end) - len(s2.start), 23 * 60 + 59);
        const b = { date, start: s1.end, end: hhmm(bEnd) };
        expect(timesOverlap(a, b)).toBe(false);
        expect(timesOverlap(b, a)).toBe(false);
      }),
    );
  });

  it('weeklyDates are 7 days apart and all fall on the same weekday', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.nat(60),
        (d, count) => {
          const first = d.toISOString().slice(0, 10);
          const dates = weeklyDates(first, count);
          expect(dates).toHaveLength(count);
          if (count > 0) expect(dates[0]).toBe(first);
          dates.forEach((date, i) => {
            expect(kstWeekday(date)).toBe(kstWeekday(first));
            expect(Date.parse(`${date}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)).toBe(
              i * 7 * 86_400_000,
            );
          });
        },
      ),
    );
  });
});
