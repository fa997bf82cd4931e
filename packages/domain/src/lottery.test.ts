import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { drawLottery, lotterySeats, lotteryTicket } from './lottery';

const seedArb = fc
  .uint8Array({ minLength: 16, maxLength: 32 })
  .map((b) => Buffer.from(b).toString('hex'));
const applicantsArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 500 }), { maxLength: 60 })
  .chain((nos) =>
    fc.tuple(
      fc.constant(nos),
      fc.array(fc.boolean(), { minLength: nos.length, maxLength: nos.length }),
    ),
  )
  .map(([nos, flags]) => nos.map((no, i) => ({ no, priority: flags[i]! })));

describe('drawLottery', () => {
  it('is reproducible with any SHA-256 tool', () => {
    expect(lotteryTicket('00112233445566778899aabbccddeeff', 7)).toBe(
      createHash('sha256').update('00112233445566778899aabbccddeeff:7').digest('hex'),
    );
  });

  it('gives the same result for the same seed and list, whatever order the list is in', () => {
    fc.assert(
      fc.property(
        seedArb,
        applicantsArb,
        fc.integer({ min: 0, max: 20 }),
        (seed, applicants, seats) => {
          const a = drawLottery({ seed, applicants, seats });
          const b = drawLottery({ seed, applicants: [...applicants].reverse(), seats });
          expect(b).toEqual(a);
        },
      ),
    );
  });

  it('seats exactly min(seats, applicants), everyone once, priority first', () => {
    fc.assert(
      fc.property(
        seedArb,
        applicantsArb,
        fc.integer({ min: 0, max: 20 }),
        (seed, applicants, seats) => {
          const { winners, waitlist } = drawLottery({ seed, applicants, seats });
          expect(winners).toHaveLength(Math.min(seats, applicants.length));
          expect([...winners, ...waitlist].sort((x, y) => x - y)).toEqual(
            applicants.map((a) => a.no).sort((x, y) => x - y),
          );
          const priority = new Set(applicants.filter((a) => a.priority).map((a) => a.no));
          const order = [...winners, ...waitlist];
          const firstPlain = order.findIndex((no) => !priority.has(no));
          if (firstPlain >= 0)
            expect(order.slice(firstPlain).some((no) => priority.has(no))).toBe(false);
        },
      ),
    );
  });

  it('depends on the seed: different seeds reorder a large list', () => {
    const applicants = Array.from({ length: 30 }, (_, i) => ({ no: i + 1, priority: false }));
    const a = drawLottery({ seed: 'aa'.repeat(16), applicants, seats: 10 });
    const b = drawLottery({ seed: 'bb'.repeat(16), applicants, seats: 10 });
    expect(a.winners).not.toEqual(b.winners);
  });

  it('refuses malformed input', () => {
    expect(() => drawLottery({ seed: 'xyz', applicants: [], seats: 1 })).toThrow(RangeError);
    expect(() =>
      drawLottery({
        seed: 'ab'.repeat(16),
        applicants: [
          { no: 1, priority: false },
          { no: 1, priority: true },
        ],
        seats: 1,
      }),
    ).toThrow(RangeError);
    expect(lotterySeats(10, 3)).toBe(7);
    expect(lotterySeats(2, 5)).toBe(0);
  });
});
