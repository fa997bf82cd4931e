import { describe, expect, it } from 'vitest';
import { formatInstantTime } from './format';

describe('formatInstantTime', () => {
  it('shows an instant in Korea time whatever the host time zone', () => {
    expect(formatInstantTime('2026-01-08T04:52:10.000Z', 'ko')).toBe('오후\u00a01:52');
    expect(formatInstantTime('2026-01-08T04:52:10.000Z', 'en')).toBe('1:52\u00a0PM');
  });
});
