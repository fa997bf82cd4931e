import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  isResidentDue,
  isRetentionMonths,
  messagesCutoff,
  residentDueAt,
  termEndInstant,
} from './retention';
import { addDays, dateToDays, kstInstant } from './time';

/** Any calendar date between 2000 and 2090. */
const date = fc
  .integer({ min: dateToDays('2000-01-01'), max: dateToDays('2090-12-31') })
  .map((days) => addDays('1970-01-01', days));
const instant = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2095, 0, 1) })
  .map((ms) => new Date(ms));
const months = fc.integer({ min: 1, max: 60 });

describe('addMonths', () => {
  it('keeps the day, or takes the last day of a shorter month', () => {
    expect(addMonths('2026-01-15', 12)).toBe('2027-01-15');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-01-31', -2)).toBe('2025-11-30');
  });

  it('never goes backwards and moves by at most months × 31 days', () => {
    fc.assert(
      fc.property(date, months, (d, n) => {
        const shift = dateToDays(addMonths(d, n)) - dateToDays(d);
        return shift >= n * 28 && shift <= n * 31;
      }),
    );
  });
});

describe('the due rule', () => {
  it('is due a year after the day after the last term ends (KST midnight)', () => {
    const subject = { termEndsOn: ['2025-06-30', '2025-12-19'], createdAt: new Date(0) };
    const due = residentDueAt(subject, 12);
    expect(due).toEqual(kstInstant('2026-12-20', '00:00'));
    expect(isResidentDue(subject, 12, new Date(due.getTime() - 1))).toBe(false);
    expect(isResidentDue(subject, 12, due)).toBe(true);
  });

  it('counts from the record for someone who never registered', () => {
    const createdAt = kstInstant('2026-01-10', '14:30');
    expect(residentDueAt({ termEndsOn: [], createdAt }, 6)).toEqual(
      kstInstant('2026-07-10', '14:30'),
    );
  });

  it('due iff now ≥ (end of the last term) + months and no term is ongoing', () => {
    fc.assert(
      fc.property(
        fc.array(date, { maxLength: 5 }),
        instant,
        instant,
        months,
        (ends, created, now, n) => {
          const subject = { termEndsOn: ends, createdAt: created };
          const due = isResidentDue(subject, n, now);
          const ongoing = ends.some((e) => now < termEndInstant(e));
          const from =
            ends.length === 0 ? created : termEndInstant(ends.reduce((a, b) => (a > b ? a : b)));
          const threshold =
            ends.length === 0
              ? residentDueAt(subject, n)
              : kstInstant(
                  addMonths(
                    addDays(
                      ends.reduce((a, b) => (a > b ? a : b)),
                      1,
                    ),
                    n,
                  ),
                  '00:00',
                );
          expect(due).toBe(!ongoing && now >= threshold);
          // The due date is never before the basis, and at least 28 days per month after it.
          expect(threshold.getTime() - from.getTime()).toBeGreaterThanOrEqual(n * 28 * 86_400_000);
          // An ongoing term always protects: due implies nothing is ongoing.
          if (due) expect(ongoing).toBe(false);
        },
      ),
    );
  });

  it('a longer period is never due earlier', () => {
    fc.assert(
      fc.property(
        fc.array(date, { maxLength: 4 }),
        instant,
        instant,
        months,
        months,
        (ends, c, now, a, b) => {
          const subject = { termEndsOn: ends, createdAt: c };
          const [short, long] = a <= b ? [a, b] : [b, a];
          if (isResidentDue(subject, long, now))
            expect(isResidentDue(subject, short, now)).toBe(true);
        },
      ),
    );
  });

  it('texts are due once sent at or before now minus the period', () => {
    const now = kstInstant('2026-12-03', '04:00');
    expect(messagesCutoff(now, 6)).toEqual(kstInstant('2026-06-03', '04:00'));
  });

  it('accepts whole months from 1 to 60 only', () => {
    expect([0, 1, 60, 61, 1.5, '3', Number.NaN].map(isRetentionMonths)).toEqual([
      false,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});
