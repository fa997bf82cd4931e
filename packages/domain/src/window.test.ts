import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kstInstant } from './time';
import {
  checkInState,
  classState,
  DEFAULT_CHECK_IN_POLICY,
  registrationWindowState,
} from './window';

const MIN = 60_000;
const at = (iso: string) => new Date(iso);

// 2026 session 1: registration 2026-01-05 10:00 KST .. 2026-01-15 18:00 KST.
const session1 = {
  opensAt: kstInstant('2026-01-05', '10:00'),
  closesAt: kstInstant('2026-01-15', '18:00'),
};

describe('registrationWindowState examples', () => {
  it('closes exactly at 18:00 KST on 2026-01-15 (09:00Z)', () => {
    expect(session1.closesAt.toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(registrationWindowState(session1, at('2026-01-15T08:59:59.000Z'))).toBe('open');
    expect(registrationWindowState(session1, at('2026-01-15T08:59:59.999Z'))).toBe('open');
    expect(registrationWindowState(session1, at('2026-01-15T09:00:00.000Z'))).toBe('closed');
  });

  it('opens inclusively at opensAt', () => {
    expect(registrationWindowState(session1, at('2026-01-05T00:59:59.999Z'))).toBe('not_open');
    expect(registrationWindowState(session1, at('2026-01-05T01:00:00.000Z'))).toBe('open');
  });

  it('rejects a window that closes before it opens, and invalid dates', () => {
    expect(() =>
      registrationWindowState(
        { opensAt: session1.closesAt, closesAt: session1.opensAt },
        session1.opensAt,
      ),
    ).toThrow(RangeError);
    expect(() => registrationWindowState(session1, new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('checkInState examples', () => {
  // Thursday class 2026-01-22 19:00–21:00 KST.
  const meeting = {
    startsAt: kstInstant('2026-01-22', '19:00'),
    endsAt: kstInstant('2026-01-22', '21:00'),
  };

  it('is too early before 18:30 and reports when it opens', () => {
    expect(checkInState(meeting, kstInstant('2026-01-22', '18:29'))).toEqual({
      state: 'too_early',
      opensAt: kstInstant('2026-01-22', '18:30'),
    });
  });

  it('is open and on time from 18:30 to before 19:10', () => {
    expect(checkInState(meeting, kstInstant('2026-01-22', '18:30'))).toEqual({
      state: 'open',
      late: false,
    });
    expect(checkInState(meeting, kstInstant('2026-01-22', '19:09'))).toEqual({
      state: 'open',
      late: false,
    });
  });

  it('is late from 19:10 until the end', () => {
    expect(checkInState(meeting, kstInstant('2026-01-22', '19:10'))).toEqual({
      state: 'open',
      late: true,
    });
    expect(checkInState(meeting, kstInstant('2026-01-22', '20:59'))).toEqual({
      state: 'open',
      late: true,
    });
  });

  it('is closed at 21:00 and reports when it closed', () => {
    expect(checkInState(meeting, kstInstant('2026-01-22', '21:00'))).toEqual({
      state: 'closed',
      closedAt: kstInstant('2026-01-22', '21:00'),
    });
  });

  it('honours a custom policy', () => {
    const policy = { opensMinutesBefore: 60, lateAfterMinutes: 0, closesMinutesAfterEnd: 15 };
    expect(checkInState(meeting, kstInstant('2026-01-22', '18:00'), policy)).toEqual({
      state: 'open',
      late: false,
    });
    expect(checkInState(meeting, kstInstant('2026-01-22', '19:00'), policy)).toEqual({
      state: 'open',
      late: true,
    });
    expect(checkInState(meeting, kstInstant('2026-01-22', '21:14'), policy)).toEqual({
      state: 'open',
      late: true,
    });
    expect(checkInState(meeting, kstInstant('2026-01-22', '21:15'), policy).state).toBe('closed');
  });

  it('rejects a meeting that ends before it starts, and negative policy minutes', () => {
    expect(() =>
      checkInState({ startsAt: meeting.endsAt, endsAt: meeting.startsAt }, meeting.startsAt),
    ).toThrow(RangeError);
    expect(() =>
      checkInState(meeting, meeting.startsAt, {
        ...DEFAULT_CHECK_IN_POLICY,
        opensMinutesBefore: -1,
      }),
    ).toThrow(RangeError);
  });

  it('keeps the documented default policy', () => {
    expect(DEFAULT_CHECK_IN_POLICY).toEqual({
      opensMinutesBefore: 30,
      lateAfterMinutes: 10,
      closesMinutesAfterEnd: 0,
    });
    expect(Object.isFrozen(DEFAULT_CHECK_IN_POLICY)).toBe(true);
  });
});

const BASE = Date.UTC(2026, 0, 1);
const instantArb = fc.integer({ min: 0, max: 60 * 24 * 60 * MIN }).map((o) => BASE + o);
const windowArb = fc
  .tuple(
    fc.integer({ min: 0, max: 30 * 24 * 60 * MIN }),
    fc.integer({ min: 0, max: 30 * 24 * 60 * MIN }),
  )
  .map(([open, len]) => ({
    opensAt: new Date(BASE + open),
    closesAt: new Date(BASE + open + len),
  }));
const meetingArb = fc
  .tuple(fc.integer({ min: 0, max: 30 * 24 * 60 }), fc.integer({ min: 1, max: 6 * 60 }))
  .map(([start, len]) => ({
    startsAt: new Date(BASE + start * MIN),
    endsAt: new Date(BASE + (start + len) * MIN),
  }));
const policyArb = fc.record({
  opensMinutesBefore: fc.integer({ min: 0, max: 180 }),
  lateAfterMinutes: fc.integer({ min: 0, max: 400 }),
  closesMinutesAfterEnd: fc.integer({ min: 0, max: 120 }),
});

/** Offsets (ms) of many instants around the two interesting boundaries of a window or meeting. */
const nearArb = fc.array(
  fc.tuple(fc.boolean(), fc.integer({ min: -8 * 60 * MIN, max: 8 * 60 * MIN })),
  { minLength: 2, maxLength: 40 },
);

const rank = { not_open: 0, open: 1, closed: 2, too_early: 0 } as const;

describe('registrationWindowState properties', () => {
  it('partitions the time line exactly at opensAt and closesAt', () => {
    fc.assert(
      fc.property(windowArb, instantArb, (w, t) => {
        const expected =
          t < w.opensAt.getTime() ? 'not_open' : t < w.closesAt.getTime() ? 'open' : 'closed';
        expect(registrationWindowState(w, new Date(t))).toBe(expected);
      }),
    );
  });

  it('opensAt is inclusive and closesAt exclusive', () => {
    fc.assert(
      fc.property(windowArb, fc.integer({ min: -2, max: 2 }), (w, d) => {
        const opens = w.opensAt.getTime();
        const closes = w.closesAt.getTime();
        const before = registrationWindowState(w, new Date(opens + d));
        if (opens === closes) expect(before).toBe(d < 0 ? 'not_open' : 'closed');
        else if (d < 0) expect(before).toBe('not_open');
        else if (opens + d < closes) expect(before).toBe('open');
        expect(registrationWindowState(w, new Date(closes))).toBe('closed');
        if (opens < closes) expect(registrationWindowState(w, new Date(closes - 1))).toBe('open');
      }),
    );
  });

  it('never moves backwards in time', () => {
    fc.assert(
      fc.property(windowArb, nearArb, (w, offsets) => {
        const ranks = offsets
          .map(([fromClose, d]) => (fromClose ? w.closesAt : w.opensAt).getTime() + d)
          .sort((a, b) => a - b)
          .map((t) => rank[registrationWindowState(w, new Date(t))]);
        ranks.forEach((r, i) => {
          if (i > 0) expect(r).toBeGreaterThanOrEqual(ranks[i - 1]!);
        });
      }),
    );
  });
});

describe('checkInState properties', () => {
  it('partitions the time line into too_early | open | closed at the policy boundaries', () => {
    fc.assert(
      fc.property(meetingArb, policyArb, instantArb, (m, p, t) => {
        const opensAt = m.startsAt.getTime() - p.opensMinutesBefore * MIN;
        const closedAt = m.endsAt.getTime() + p.closesMinutesAfterEnd * MIN;
        const s = checkInState(m, new Date(t), p);
        if (t < opensAt) expect(s).toEqual({ state: 'too_early', opensAt: new Date(opensAt) });
        else if (t >= closedAt)
          expect(s).toEqual({ state: 'closed', closedAt: new Date(closedAt) });
        else
          expect(s).toEqual({
            state: 'open',
            late: t >= m.startsAt.getTime() + p.lateAfterMinutes * MIN,
          });
      }),
    );
  });

  it('is monotone: states never go backwards and late never reverts to on time', () => {
    fc.assert(
      fc.property(meetingArb, policyArb, nearArb, (m, p, offsets) => {
        const states = offsets
          .map(([fromEnd, d]) => (fromEnd ? m.endsAt : m.startsAt).getTime() + d)
          .sort((a, b) => a - b)
          .map((t) => checkInState(m, new Date(t), p));
        let seenLate = false;
        states.forEach((s, i) => {
          if (i > 0) expect(rank[s.state]).toBeGreaterThanOrEqual(rank[states[i - 1]!.state]);
          if (s.state === 'open') {
            if (seenLate) expect(s.late).toBe(true);
            seenLate ||= s.late;
          }
        });
      }),
    );
  });

  it('the boundary instants themselves land in the later state', () => {
    fc.assert(
      fc.property(meetingArb, policyArb, (m, p) => {
        const opensAt = m.startsAt.getTime() - p.opensMinutesBefore * MIN;
        const closedAt = m.endsAt.getTime() + p.closesMinutesAfterEnd * MIN;
        expect(checkInState(m, new Date(opensAt - 1), p).state).toBe('too_early');
        expect(checkInState(m, new Date(opensAt), p).state).toBe('open');
        expect(checkInState(m, new Date(closedAt - 1), p).state).toBe('open');
        expect(checkInState(m, new Date(closedAt), p).state).toBe('closed');
        const lateFrom = m.startsAt.getTime() + p.lateAfterMinutes * MIN;
        if (lateFrom < closedAt)
          expect(checkInState(m, new Date(lateFrom), p)).toEqual({ state: 'open', late: true });
        if (lateFrom - 1 >= opensAt && lateFrom - 1 < closedAt) {
          expect(checkInState(m, new Date(lateFrom - 1), p)).toEqual({
            state: 'open',
            late: false,
          });
        }
      }),
    );
  });
});

describe('classState', () => {
  const four = {
    startsAt: kstInstant('2026-01-08', '16:00'),
    endsAt: kstInstant('2026-01-08', '18:00'),
  };

  it('says a 4:00 class is starting soon at 3:59, in progress at 4:00 and ended at its end', () => {
    expect(classState(four, kstInstant('2026-01-08', '15:59'))).toBe('upcoming');
    expect(classState(four, new Date(four.startsAt.getTime() - 1))).toBe('upcoming');
    expect(classState(four, four.startsAt)).toBe('open');
    expect(classState(four, new Date(four.endsAt.getTime() - 1))).toBe('open');
    expect(classState(four, four.endsAt)).toBe('ended');
  });

  it('refuses a meeting that ends before it starts', () => {
    expect(() =>
      classState({ startsAt: four.endsAt, endsAt: four.startsAt }, four.startsAt),
    ).toThrow(RangeError);
  });

  const meetingAndTime = fc
    .record({
      starts: fc.integer({ min: 0, max: 4_000_000_000_000 }),
      minutes: fc.integer({ min: 1, max: 24 * 60 }),
      offset: fc.integer({ min: -48 * 60 * MIN, max: 48 * 60 * MIN }),
    })
    .map(({ starts, minutes, offset }) => ({
      meeting: { startsAt: new Date(starts), endsAt: new Date(starts + minutes * MIN) },
      t: starts + offset,
    }));

  it('partitions time at startsAt and endsAt', () => {
    fc.assert(
      fc.property(meetingAndTime, ({ meeting, t }) => {
        const state = classState(meeting, new Date(t));
        const starts = meeting.startsAt.getTime();
        const ends = meeting.endsAt.getTime();
        expect(state === 'upcoming').toBe(t < starts);
        expect(state === 'open').toBe(starts <= t && t < ends);
        expect(state === 'ended').toBe(t >= ends);
      }),
    );
  });

  it('only moves forward as time passes', () => {
    const order = { upcoming: 0, open: 1, ended: 2 } as const;
    fc.assert(
      fc.property(meetingAndTime, fc.nat({ max: 48 * 60 * MIN }), ({ meeting, t }, later) => {
        const a = order[classState(meeting, new Date(t))];
        const b = order[classState(meeting, new Date(t + later))];
        expect(b).toBeGreaterThanOrEqual(a);
      }),
    );
  });

  it('is never "open" before the start, even while check-in already is', () => {
    fc.assert(
      fc.property(meetingAndTime, ({ meeting, t }) => {
        const now = new Date(t);
        if (checkInState(meeting, now).state === 'open' && t < meeting.startsAt.getTime()) {
          expect(classState(meeting, now)).toBe('upcoming');
        }
      }),
    );
  });
});
