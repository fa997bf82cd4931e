import { describe, expect, it } from 'vitest';
import { attachment } from './download';

describe('attachment', () => {
  it('sends the Korean name RFC 5987-encoded beside an ASCII fallback', () => {
    const header = attachment('2026년 1기_캘리그라피_출석부_20260122.xlsx', 'attendance.xlsx');
    expect(header).toBe(
      `attachment; filename="attendance.xlsx"; filename*=UTF-8''2026%EB%85%84%201%EA%B8%B0_%EC%BA%98%EB%A6%AC%EA%B7%B8%EB%9D%BC%ED%94%BC_%EC%B6%9C%EC%84%9D%EB%B6%80_20260122.xlsx`,
    );
    const match = /filename\*=UTF-8''(.+)$/.exec(header);
    expect(decodeURIComponent(match![1]!)).toBe('2026년 1기_캘리그라피_출석부_20260122.xlsx');
  });

  it('keeps quotes and non-ASCII out of the fallback', () => {
    expect(attachment("a'b(c).csv", '명단 "x".csv')).toBe(
      `attachment; filename="__ _x_.csv"; filename*=UTF-8''a%27b%28c%29.csv`,
    );
  });
});
