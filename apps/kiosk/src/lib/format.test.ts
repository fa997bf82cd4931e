import { describe, expect, it } from 'vitest';
import { formatDate } from './format';

// 2026-01-08 13:42 KST, the first day of the 2026 first session (a Thursday).
const now = new Date('2026-01-08T04:42:30Z');

describe('shell formatting', () => {
  it('shows the date in Korea time, even when UTC is still on the day before', () => {
    expect(formatDate(now, 'ko')).toBe('1월 8일 목요일');
    expect(formatDate(now, 'en')).toBe('Thursday, January 8');
    expect(formatDate(new Date('2026-01-07T15:30:00Z'), 'ko')).toBe('1월 8일 목요일');
  });
});
