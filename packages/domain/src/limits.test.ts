import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { barredForNoShows, seatsToPromote, termLimitReached } from './limits';

describe('seatsToPromote', () => {
  it('fills every free seat from the waitlist and never overfills', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (capacity, confirmed, waitlisted) => {
          const n = seatsToPromote({ capacity, confirmed, waitlisted });
          expect(n).toBeGreaterThanOrEqual(0);
          expect(n).toBeLessThanOrEqual(waitlisted);
          if (confirmed <= capacity) expect(confirmed + n).toBeLessThanOrEqual(capacity);
          // Either the course is full afterwards or nobody is left waiting.
          expect(confirmed + n >= capacity || n === waitlisted).toBe(true);
        },
      ),
    );
  });

  it('promotes one after a cancellation in a full course', () => {
    expect(seatsToPromote({ capacity: 10, confirmed: 9, waitlisted: 3 })).toBe(1);
    expect(seatsToPromote({ capacity: 10, confirmed: 10, waitlisted: 3 })).toBe(0);
    expect(seatsToPromote({ capacity: 12, confirmed: 9, waitlisted: 2 })).toBe(2);
    expect(() => seatsToPromote({ capacity: 0, confirmed: 0, waitlisted: 0 })).toThrow(RangeError);
  });
});

describe('termLimitReached', () => {
  it('counts live places against the limit', () => {
    expect(termLimitReached(1, 2)).toBe(false);
    expect(termLimitReached(2, 2)).toBe(true);
    expect(termLimitReached(99, null)).toBe(false);
    expect(() => termLimitReached(0, 0)).toThrow(RangeError);
  });
});

describe('barredForNoShows', () => {
  it('bars at the threshold exactly, not below', () => {
    expect(barredForNoShows({ held: 6, attended: 3 }, 50)).toBe(true);
    expect(barredForNoShows({ held: 6, attended: 4 }, 50)).toBe(false);
    expect(barredForNoShows({ held: 0, attended: 0 }, 50)).toBe(false);
    expect(barredForNoShows({ held: 6, attended: 0 }, null)).toBe(false);
  });

  it('is monotone: attending more never bars someone who was allowed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 100 }),
        (held, attended, bar) => {
          const a = Math.min(attended, held);
          if (!barredForNoShows({ held, attended: a }, bar) && a < held) {
            expect(barredForNoShows({ held, attended: a + 1 }, bar)).toBe(false);
          }
        },
      ),
    );
  });
});
