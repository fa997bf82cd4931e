import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { attendancePercentOf, certificateEarned } from './certificate';

const finished = fc
  .integer({ min: 1, max: 40 })
  .chain((total) =>
    fc.integer({ min: 0, max: total }).map((attended) => ({ total, held: total, attended })),
  );
const percent = fc.integer({ min: 1, max: 100 });

describe('certificateEarned', () => {
  it('reads the 80% line: below, at and above', () => {
    const over = (attended: number) => ({ total: 10, held: 10, attended, courseEnded: true });
    expect(certificateEarned(over(7), 80)).toBe(false);
    expect(certificateEarned(over(8), 80)).toBe(true);
    expect(certificateEarned(over(10), 80)).toBe(true);
  });

  it('gives nothing before the course has ended, however good the attendance', () => {
    fc.assert(
      fc.property(finished, percent, (record) => {
        expect(certificateEarned({ ...record, courseEnded: false }, 0)).toBe(false);
      }),
    );
  });

  it('after the end, is earned exactly when attended/held reaches the percentage', () => {
    fc.assert(
      fc.property(finished, percent, (record, pct) => {
        const earned = certificateEarned({ ...record, courseEnded: true }, pct);
        expect(earned).toBe(record.attended / record.held >= pct / 100 - 1e-12);
        if (earned) expect(attendancePercentOf(record)).toBeGreaterThanOrEqual(pct);
      }),
    );
  });

  it('a course without meetings earns nothing', () => {
    expect(certificateEarned({ total: 0, held: 0, attended: 0, courseEnded: true }, 0)).toBe(false);
  });
});
