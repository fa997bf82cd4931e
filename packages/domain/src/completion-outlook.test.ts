import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { completionStatus } from './completion';
import { completionOutlook } from './completion-outlook';

/** A course's record: total meetings, how many were held, how many of those attended. */
const record = fc
  .integer({ min: 0, max: 24 })
  .chain((total) =>
    fc
      .integer({ min: 0, max: total })
      .chain((held) =>
        fc.integer({ min: 0, max: held }).map((attended) => ({ total, held, attended })),
      ),
  );
const percent = fc.integer({ min: 0, max: 100 });

describe('completionOutlook', () => {
  it('reads the example of the roster: 3 absences, 2 left, both needed', () => {
    expect(completionOutlook({ total: 10, held: 8, attended: 5 }, 70)).toEqual({
      state: 'at_risk',
      absences: 3,
      remaining: 2,
      needed: 2,
      required: 7,
    });
    expect(completionOutlook({ total: 8, held: 6, attended: 3 }, 80).state).toBe('not_met');
    expect(completionOutlook({ total: 8, held: 2, attended: 2 }, 80).state).toBe('safe');
    expect(completionOutlook({ total: 5, held: 5, attended: 4 }, 80).state).toBe('completed');
  });

  it('agrees with completionStatus on completed and not met', () => {
    fc.assert(
      fc.property(record, percent, (r, p) => {
        const outlook = completionOutlook(r, p);
        const status = completionStatus(r, p);
        expect(outlook.state === 'completed').toBe(status === 'completed');
        expect(outlook.state === 'not_met').toBe(status === 'not_met');
      }),
    );
  });

  it('counts absences and remaining meetings; needed is what attending would still take', () => {
    fc.assert(
      fc.property(record, percent, (r, p) => {
        const o = completionOutlook(r, p);
        expect(o.absences + r.attended).toBe(r.held);
        expect(o.remaining + r.held).toBe(r.total);
        expect(o.needed).toBe(Math.max(0, o.required - r.attended));
        // Reachable exactly when what is needed fits in what is left.
        expect(o.state === 'not_met').toBe(o.needed > o.remaining);
      }),
    );
  });

  it('flags only learners who missed a meeting, and attending what is needed completes', () => {
    fc.assert(
      fc.property(record, percent, (r, p) => {
        const o = completionOutlook(r, p);
        if (o.state === 'at_risk') {
          expect(o.absences).toBeGreaterThan(0);
          expect(o.remaining - o.needed).toBeLessThanOrEqual(1);
          // Attending the needed meetings (and missing the rest) reaches the line.
          const end = { total: r.total, held: r.total, attended: r.attended + o.needed };
          expect(completionStatus(end, p)).toBe('completed');
        }
        if (o.state === 'safe') {
          // Safe means a learner may still miss two, or has missed none yet.
          expect(o.absences === 0 || o.remaining - o.needed >= 2).toBe(true);
        }
      }),
    );
  });

  it('one more absence never improves the outlook', () => {
    const rank = { completed: 0, safe: 1, at_risk: 2, not_met: 3 } as const;
    fc.assert(
      fc.property(record, percent, (r, p) => {
        fc.pre(r.held < r.total);
        const missed = completionOutlook({ ...r, held: r.held + 1 }, p);
        const came = completionOutlook({ ...r, held: r.held + 1, attended: r.attended + 1 }, p);
        expect(rank[missed.state]).toBeGreaterThanOrEqual(rank[came.state]);
      }),
    );
  });
});
