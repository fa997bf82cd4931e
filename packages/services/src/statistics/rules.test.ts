import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bucketByKstDay, bucketFirstHour, share, OPENING_MINUTES } from './rules';

const OPENS = new Date('2026-02-16T01:00:00Z');
const HOUR = 3_600_000;

describe('statistics rules', () => {
  it('a share is always in [0, 1], or null for an empty whole', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(200), (part, whole) => {
        const s = share(part, whole);
        if (whole === 0) return s === null;
        return s !== null && s >= 0 && s <= 1;
      }),
    );
    expect(share(3, 4)).toBe(0.75);
    expect(share(5, 4)).toBe(1);
  });

  it('per-minute buckets sum to the registrations made in the first hour', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -HOUR, max: 3 * HOUR }), { maxLength: 200 }),
        (offsets) => {
          const instants = offsets.map((o) => new Date(OPENS.getTime() + o));
          const buckets = bucketFirstHour(OPENS, instants);
          const inHour = offsets.filter((o) => o >= 0 && o < HOUR).length;
          return (
            buckets.length === OPENING_MINUTES &&
            buckets.every((b, i) => b.minute === i && b.count >= 0) &&
            buckets.reduce((s, b) => s + b.count, 0) === inHour
          );
        },
      ),
    );
  });

  it('per-day buckets cover every KST day of the window and sum to the window', () => {
    const closes = new Date(OPENS.getTime() + 50 * HOUR);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -10 * HOUR, max: 60 * HOUR }), { maxLength: 200 }),
        (offsets) => {
          const instants = offsets.map((o) => new Date(OPENS.getTime() + o));
          const days = bucketByKstDay(OPENS, closes, instants);
          const inWindow = offsets.filter((o) => o >= 0 && o <= 50 * HOUR).length;
          return days.length === 3 && days.reduce((s, d) => s + d.count, 0) === inWindow;
        },
      ),
    );
    // 23:59 KST on the 16th and 00:00 KST on the 17th fall on different days.
    const days = bucketByKstDay(OPENS, closes, [
      new Date('2026-02-16T14:59:00Z'),
      new Date('2026-02-16T15:00:00Z'),
    ]);
    expect(days.map((d) => [d.date, d.count])).toEqual([
      ['2026-02-16', 1],
      ['2026-02-17', 1],
      ['2026-02-18', 0],
    ]);
  });
});
