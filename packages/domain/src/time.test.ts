import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateToDays,
  kstDateOf,
  kstInstant,
  kstTimeOf,
  kstWeekday,
  systemClock,
  timeToMinutes,
} from './time';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Any valid calendar date 1000-01-01..9998-12-31, derived from a UTC instant so it is always real. */
const dateArb = fc
  .date({
    min: new Date('1000-01-01T00:00:00Z'),
    max: new Date('9998-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const timeArb = fc
  .integer({ min: 0, max: 1439 })
  .map((m) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`);
const instantArb = fc.date({
  min: new Date('1000-01-02T00:00:00Z'),
  max: new Date('9998-12-30T00:00:00Z'),
  noInvalidDate: true,
});

describe('time examples', () => {
  it('2026-01-08 is a Thursday', () => {
    expect(kstWeekday('2026-01-08')).toBe(4);
    expect(kstWeekday('2026-01-11')).toBe(0);
    expect(kstWeekday('2026-01-10')).toBe(6);
  });

  it('converts KST wall time to the UTC instant', () => {
    expect(kstInstant('2026-01-15', '18:00').toISOString()).toBe('2026-01-15T09:00:00.000Z');
    // Midnight KST is 15:00 UTC the previous day.
    expect(kstInstant('2026-03-01', '00:00').toISOString()).toBe('2026-02-28T15:00:00.000Z');
  });

  it('reads the KST date and time of an instant across the UTC/KST date boundary', () => {
    expect(kstDateOf(new Date('2026-01-14T14:59:59Z'))).toBe('2026-01-14');
    expect(kstTimeOf(new Date('2026-01-14T14:59:59Z'))).toBe('23:59');
    expect(kstDateOf(new Date('2026-01-14T15:00:00Z'))).toBe('2026-01-15');
    expect(kstTimeOf(new Date('2026-01-14T15:00:00Z'))).toBe('00:00');
    expect(kstDateOf(new Date('2025-12-31T15:00:00Z'))).toBe('2026-01-01');
  });

  it.each([
    ['2026-02-30', '10:00'],
    ['2025-02-29', '10:00'],
    ['2026-13-01', '10:00'],
    ['2026-00-10', '10:00'],
    ['2026-1-8', '10:00'],
    ['26-01-08', '10:00'],
    ['2026-01-08 ', '10:00'],
    ['2026-01-08', '24:00'],
    ['2026-01-08', '9:5'],
    ['2026-01-08', '09:60'],
    ['2026-01-08', '09:05:00'],
    ['', ''],
  ])('rejects %j %j with RangeError', (date, time) => {
    expect(() => kstInstant(date, time)).toThrow(RangeError);
  });

  it('accepts leap days', () => {
    expect(kstInstant('2024-02-29', '09:30').toISOString()).toBe('2024-02-29T00:30:00.000Z');
    expect(kstInstant('2000-02-29', '09:00').toISOString()).toBe('2000-02-29T00:00:00.000Z');
    expect(() => kstInstant('1900-02-29', '09:00')).toThrow(RangeError);
  });

  it('adds days across month, year and leap boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-01-08', -8)).toBe('2025-12-31');
    expect(addDays('2026-01-08', 0)).toBe('2026-01-08');
    expect(() => addDays('2026-01-08', 1.5)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
  });

  it('rejects invalid Date instances', () => {
    expect(() => kstDateOf(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => kstTimeOf(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('exposes minute and day numbers', () => {
    expect(timeToMinutes('18:30')).toBe(1110);
    expect(dateToDays('1970-01-02')).toBe(1);
  });

  it('systemClock returns a real Date', () => {
    expect(Number.isNaN(systemClock.now().getTime())).toBe(false);
  });
});

describe('time properties', () => {
  it('kstDateOf/kstTimeOf invert kstInstant', () => {
    fc.assert(
      fc.property(dateArb, timeArb, (d, t) => {
        const instant = kstInstant(d, t);
        expect(kstDateOf(instant)).toBe(d);
        expect(kstTimeOf(instant)).toBe(t);
      }),
    );
  });

  it('kstInstant agrees with an ISO string carrying the +09:00 offset', () => {
    fc.assert(
      fc.property(dateArb, timeArb, (d, t) => {
        expect(kstInstant(d, t).getTime()).toBe(Date.parse(`${d}T${t}:00+09:00`));
      }),
    );
  });

  it('every instant maps back to itself truncated to the minute', () => {
    fc.assert(
      fc.property(instantArb, (i) => {
        const truncated = Math.floor(i.getTime() / 60_000) * 60_000;
        expect(kstInstant(kstDateOf(i), kstTimeOf(i)).getTime()).toBe(truncated);
      }),
    );
  });

  it('kstWeekday agrees with Date#getUTCDay on the same calendar date', () => {
    fc.assert(
      fc.property(dateArb, (d) => {
        expect(kstWeekday(d)).toBe(new Date(`${d}T00:00:00Z`).getUTCDay());
      }),
    );
  });

  it('addDays shifts the weekday by n mod 7 and is inverted by -n', () => {
    fc.assert(
      fc.property(
        fc
          .date({
            min: new Date('2000-01-01T00:00:00Z'),
            max: new Date('2100-01-01T00:00:00Z'),
            noInvalidDate: true,
          })
          .map((x) => x.toISOString().slice(0, 10)),
        fc.integer({ min: -20_000, max: 20_000 }),
        (d, n) => {
          const shifted = addDays(d, n);
          expect(kstWeekday(shifted)).toBe((((kstWeekday(d) + n) % 7) + 7) % 7);
          expect(addDays(shifted, -n)).toBe(d);
          expect(dateToDays(shifted) - dateToDays(d)).toBe(n);
          expect(shifted).toBe(
            new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10),
          );
        },
      ),
    );
  });

  it('accepts the last day of every month and rejects any day past it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9998 }),
        fc.integer({ min: 1, max: 68 }),
        (y, extra) => {
          for (let m = 1; m <= 12; m++) {
            const last = lastDayOf(y, m);
            const prefix = `${pad(y, 4)}-${pad(m)}-`;
            expect(() => kstInstant(`${prefix}${pad(last)}`, '10:00')).not.toThrow();
            expect(() => kstInstant(`${prefix}${pad(last + 1)}`, '10:00')).toThrow(RangeError);
            expect(() => kstInstant(`${prefix}${pad(last + extra)}`, '10:00')).toThrow(RangeError);
          }
        },
      ),
    );
  });
});

/** Oracle from the built-in Date: the day before the first of the next month. */
function lastDayOf(y: number, m: number): number {
  const next = m === 12 ? `${pad(y + 1, 4)}-01-01` : `${pad(y, 4)}-${pad(m + 1)}-01`;
  return new Date(Date.parse(`${next}T00:00:00Z`) - 86_400_000).getUTCDate();
}
