import { describe, expect, it } from 'vitest';
import { timeAgo } from './ago';

const NOW = '2026-01-15T09:00:00.000Z';
const ago = (ms: number, locale: 'ko' | 'en' = 'ko') =>
  timeAgo(new Date(Date.parse(NOW) - ms), NOW, { locale });

describe('timeAgo', () => {
  it('says how long ago, in whole units, in Korean and English', () => {
    expect(ago(20_000)).toBe('방금 전');
    expect(ago(3 * 60_000 + 59_000)).toBe('3분 전');
    expect(ago(2 * 3_600_000)).toBe('2시간 전');
    expect(ago(4 * 86_400_000)).toBe('4일 전');
    expect(ago(3 * 60_000, 'en')).toBe('3 min ago');
  });
});
