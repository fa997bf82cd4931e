import { describe, expect, it } from 'vitest';
import { qrModules, qrPath } from './qr';

describe('the QR code of a confirmation code', () => {
  it('is a square matrix with a light quiet zone and finder patterns in three corners', async () => {
    const m = await qrModules('7KQ2-M9XD');
    const size = m.length;
    expect(m.every((row) => row.length === size)).toBe(true);
    // Version 1 (21 modules) plus two quiet modules on each side.
    expect(size).toBe(25);
    expect(m[0]!.some(Boolean)).toBe(false);
    expect(m[2]!.slice(2, 9).every(Boolean)).toBe(true);
    expect(m[2]!.slice(size - 9, size - 2).every(Boolean)).toBe(true);
  });

  it('draws one unit square per dark module', () => {
    expect(
      qrPath([
        [true, false],
        [false, true],
      ]),
    ).toBe('M0 0h1v1h-1zM1 1h1v1h-1z');
    expect(qrPath([[false]])).toBe('');
  });
});
