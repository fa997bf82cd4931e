import { describe, expect, it } from 'vitest';
import { pooledRandomBytes } from './random';

describe('pooledRandomBytes', () => {
  it('gives each byte of the pool once and refills it when it runs out', () => {
    const random = pooledRandomBytes(64);
    const draws = Array.from({ length: 40 }, () => random(5));
    expect(draws.every((d) => d.length === 5)).toBe(true);
    // 40 draws of 5 bytes cross several refills of a 64-byte pool; no two 40-bit draws repeat.
    expect(new Set(draws.map((d) => Buffer.from(d).toString('hex'))).size).toBe(40);
    // A draw is a copy: later draws do not change it.
    const first = random(8);
    const copy = Uint8Array.from(first);
    for (let i = 0; i < 20; i++) random(8);
    expect(first).toEqual(copy);
  });

  it('serves a request larger than the pool directly', () => {
    const random = pooledRandomBytes(16);
    const big = random(100);
    expect(big.length).toBe(100);
    expect(new Set(big).size).toBeGreaterThan(30);
  });
});
