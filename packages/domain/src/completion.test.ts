import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { attendanceRate, completionStatus, meetingsToComplete } from './completion';

/** A learner's record: total meetings, how many held, how many of those attended. */
const record = fc
  .integer({ min: 0, max: 40 })
  .chain((total) =>
    fc
      .integer({ min: 0, max: total })
      .chain((held) =>
        fc.integer({ min: 0, max: held }).map((attended) => ({ total, held, attended })),
      ),
  );
const percent = fc.integer({ min: 0, max: 100 });

describe('completionStatus', () => {
  it('reads the published rule: 80% of six meetings is five', () => {
    expect(meetingsToComplete(6, 80)).toBe(5);
    expect(completionStatus({ total: 6, held: 6, attended: 5 }, 80)).toBe('completed');
    expect(completionStatus({ total: 6, held: 6, attended: 4 }, 80)).toBe('not_met');
    expect(completionStatus({ total: 6, held: 3, attended: 2 }, 80)).toBe('on_track');
    expect(completionStatus({ total: 6, held: 3, attended: 1 }, 80)).toBe('not_met');
    expect(completionStatus({ total: 6, held: 5, attended: 5 }, 80)).toBe('completed');
    expect(completionStatus({ total: 0, held: 0, attended: 0 }, 80)).toBe('on_track');
  });

  it('once every meeting is held, completed exactly when the rate reaches the percentage', () => {
    fc.assert(
      fc.property(record, percent, ({ total, attended }, pct) => {
        fc.pre(total > 0);
        const rate = attendanceRate({ total, held: total, attended })!;
        const status = completionStatus({ total, held: total, attended }, pct);
        expect(status).toBe(rate * 100 >= pct - 1e-9 ? 'completed' : 'not_met');
        expect(status === 'completed').toBe(attended >= meetingsToComplete(total, pct));
      }),
    );
  });

  it('agrees with the count while the course runs', () => {
    fc.assert(
      fc.property(record, percent, (r, pct) => {
        const status = completionStatus(r, pct);
        const needed = meetingsToComplete(r.total, pct);
        const remaining = r.total - r.held;
        if (r.total === 0) expect(status).toBe('on_track');
        else if (r.attended >= needed) expect(status).toBe('completed');
        else if (r.attended + remaining >= needed) expect(status).toBe('on_track');
        else expect(status).toBe('not_met');
        const rate = attendanceRate(r);
        if (r.held === 0) expect(rate).toBeNull();
        else expect(rate).toBeCloseTo(r.attended / r.held, 12);
      }),
    );
  });

  it('never gets worse by attending one more held meeting', () => {
    const rank = { not_met: 0, on_track: 1, completed: 2 } as const;
    fc.assert(
      fc.property(record, percent, (r, pct) => {
        fc.pre(r.attended < r.held);
        const before = completionStatus(r, pct);
        const after = completionStatus({ ...r, attended: r.attended + 1 }, pct);
        expect(rank[after]).toBeGreaterThanOrEqual(rank[before]);
      }),
    );
  });

  it('refuses impossible records', () => {
    expect(() => completionStatus({ total: 2, held: 3, attended: 0 }, 80)).toThrow(RangeError);
    expect(() => completionStatus({ total: 3, held: 2, attended: 3 }, 80)).toThrow(RangeError);
    expect(() => completionStatus({ total: 3, held: 2, attended: 1 }, 101)).toThrow(RangeError);
  });
});
