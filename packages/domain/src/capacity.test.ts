import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideEnrolment, seatsLeft } from './capacity';

describe('decideEnrolment examples', () => {
  it('confirms the 10th resident of a 10-seat class and waitlists the 11th', () => {
    expect(decideEnrolment({ capacity: 10, confirmed: 9, waitlisted: 0 })).toEqual({
      status: 'confirmed',
    });
    expect(decideEnrolment({ capacity: 10, confirmed: 10, waitlisted: 0 })).toEqual({
      status: 'waitlisted',
      position: 1,
    });
    expect(decideEnrolment({ capacity: 10, confirmed: 10, waitlisted: 3 })).toEqual({
      status: 'waitlisted',
      position: 4,
    });
  });

  it('waitlists when staff have over-enrolled', () => {
    expect(decideEnrolment({ capacity: 10, confirmed: 12, waitlisted: 0 })).toEqual({
      status: 'waitlisted',
      position: 1,
    });
  });

  it.each([
    { capacity: 0, confirmed: 0, waitlisted: 0 },
    { capacity: -1, confirmed: 0, waitlisted: 0 },
    { capacity: 10.5, confirmed: 0, waitlisted: 0 },
    { capacity: 10, confirmed: -1, waitlisted: 0 },
    { capacity: 10, confirmed: 1.5, waitlisted: 0 },
    { capacity: 10, confirmed: 0, waitlisted: -1 },
    { capacity: 10, confirmed: 0, waitlisted: Number.NaN },
    { capacity: Number.POSITIVE_INFINITY, confirmed: 0, waitlisted: 0 },
  ])('rejects %j with RangeError', (input) => {
    expect(() => decideEnrolment(input)).toThrow(RangeError);
  });
});

describe('seatsLeft', () => {
  it('counts remaining seats and never goes negative', () => {
    expect(seatsLeft(10, 0)).toBe(10);
    expect(seatsLeft(10, 7)).toBe(3);
    expect(seatsLeft(10, 10)).toBe(0);
    expect(seatsLeft(10, 13)).toBe(0);
    expect(() => seatsLeft(0, 0)).toThrow(RangeError);
    expect(() => seatsLeft(10, -1)).toThrow(RangeError);
  });

  it('equals max(0, capacity - confirmed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.nat(2000), (capacity, confirmed) => {
        const left = seatsLeft(capacity, confirmed);
        expect(left).toBe(Math.max(0, capacity - confirmed));
        // A seat is left exactly when decideEnrolment would confirm.
        expect(left > 0).toBe(
          decideEnrolment({ capacity, confirmed, waitlisted: 0 }).status === 'confirmed',
        );
      }),
    );
  });
});

describe('decideEnrolment model', () => {
  it('processing N requests one by one confirms min(N, capacity) and waitlists the rest in arrival order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.nat(80), (capacity, n) => {
        let confirmed = 0;
        let waitlisted = 0;
        const decisions = [];
        for (let i = 0; i < n; i++) {
          const d = decideEnrolment({ capacity, confirmed, waitlisted });
          decisions.push(d);
          if (d.status === 'confirmed') confirmed++;
          else waitlisted++;
        }
        expect(confirmed).toBe(Math.min(n, capacity));
        // The first `capacity` arrivals get the seats; everyone after is waitlisted 1, 2, 3, ...
        decisions.forEach((d, i) => {
          expect(d).toEqual(
            i < capacity
              ? { status: 'confirmed' }
              : { status: 'waitlisted', position: i - capacity + 1 },
          );
        });
        expect(seatsLeft(capacity, confirmed)).toBe(capacity - Math.min(n, capacity));
      }),
    );
  });

  it('any valid state either confirms below capacity or waitlists at waitlisted + 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.nat(60),
        fc.nat(60),
        (capacity, confirmed, waitlisted) => {
          const d = decideEnrolment({ capacity, confirmed, waitlisted });
          if (confirmed < capacity) expect(d).toEqual({ status: 'confirmed' });
          else expect(d).toEqual({ status: 'waitlisted', position: waitlisted + 1 });
        },
      ),
    );
  });
});
