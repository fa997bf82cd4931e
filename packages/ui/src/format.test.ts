import { describe, expect, it } from 'vitest';
import {
  codeGroups,
  formatCode,
  formatDate,
  formatDateRange,
  formatHour,
  formatInstant,
  formatInstantTime,
  formatTime,
  formatTimeRange,
  formatWeekly,
  kstParts,
  weekdayName,
} from './format';

/** The helpers use no-break spaces inside a date or time; compare with plain ones for readability. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ').replace(/\u2060/g, '');

describe('weekdayName', () => {
  it('names days in Korean and English, 0 = Sunday', () => {
    expect(weekdayName(4, 'ko')).toBe('목요일');
    expect(weekdayName(4, 'ko', 'short')).toBe('목');
    expect(weekdayName(0, 'en')).toBe('Sunday');
    expect(weekdayName(6, 'en', 'short')).toBe('Sat');
    expect(weekdayName(7, 'ko')).toBe('일요일');
  });
});

describe('formatDate', () => {
  it('writes a short date with the weekday', () => {
    expect(plain(formatDate('2026-01-08', 'ko'))).toBe('1월 8일(목)');
    expect(plain(formatDate('2026-01-08', 'en'))).toBe('Thu 8 Jan');
    expect(plain(formatDate('2026-02-12', 'ko', { year: true }))).toBe('2026년 2월 12일(목)');
    expect(plain(formatDate('2026-02-12', 'en', { year: true }))).toBe('Thu 12 Feb 2026');
  });

  it('keeps one date on one line', () => {
    expect(formatDate('2027-01-07', 'ko', { year: true })).not.toContain(' ');
    expect(formatTime('14:00', 'en')).not.toContain(' ');
  });

  it('rejects malformed dates', () => {
    expect(() => formatDate('2026-1-8', 'ko')).toThrow(RangeError);
  });

  it('does not depend on the host time zone', () => {
    // 2026-01-08 is a Thursday everywhere; a local-time Date would slip a day west of UTC.
    expect(formatDate('2026-01-08', 'en').startsWith('Thu')).toBe(true);
  });
});

describe('formatDateRange', () => {
  it('joins two dates with an en dash', () => {
    expect(plain(formatDateRange('2026-01-08', '2026-02-12', 'ko'))).toBe(
      '1월 8일(목) – 2월 12일(목)',
    );
    expect(plain(formatDateRange('2026-01-08', '2026-02-12', 'en'))).toBe('Thu 8 Jan – Thu 12 Feb');
  });
  it('puts the year on both ends only when the range crosses a new year', () => {
    expect(plain(formatDateRange('2026-01-08', '2026-02-12', 'ko', { year: true }))).toBe(
      '1월 8일(목) – 2026년 2월 12일(목)',
    );
    expect(plain(formatDateRange('2025-12-30', '2026-01-06', 'en', { year: true }))).toBe(
      'Tue 30 Dec 2025 – Tue 6 Jan 2026',
    );
  });
});

describe('times', () => {
  it('uses 오전/오후 in Korean and AM/PM in English', () => {
    expect(plain(formatTime('14:00', 'ko'))).toBe('오후 2:00');
    expect(plain(formatTime('09:30', 'ko'))).toBe('오전 9:30');
    expect(plain(formatTime('14:00', 'en'))).toBe('2:00 PM');
    expect(plain(formatTime('12:15', 'en'))).toBe('12:15 PM');
    expect(plain(formatTime('00:10', 'en'))).toBe('12:10 AM');
  });

  it('says the half of the day once when both ends share it', () => {
    expect(plain(formatTimeRange('14:00', '15:30', 'ko'))).toBe('오후 2:00–3:30');
    expect(plain(formatTimeRange('14:00', '15:30', 'en'))).toBe('2:00–3:30 PM');
    expect(plain(formatTimeRange('11:00', '12:30', 'ko'))).toBe('오전 11:00–오후 12:30');
    expect(plain(formatTimeRange('11:00', '12:30', 'en'))).toBe('11:00 AM–12:30 PM');
  });

  it('describes a weekly slot', () => {
    expect(plain(formatWeekly(4, '14:00', '15:30', 'ko'))).toBe('매주 목요일 오후 2:00–3:30');
    expect(plain(formatWeekly(4, '14:00', '15:30', 'en'))).toBe('Every Thursday, 2:00–3:30 PM');
  });

  it('writes deadlines in hour words', () => {
    expect(plain(formatHour('18:00', 'ko'))).toBe('오후 6시');
    expect(plain(formatHour('18:30', 'ko'))).toBe('오후 6시 30분');
    expect(plain(formatHour('12:00', 'ko'))).toBe('낮 12시');
    expect(plain(formatHour('18:00', 'en'))).toBe('6 PM');
    expect(plain(formatHour('09:05', 'en'))).toBe('9:05 AM');
  });
});

describe('instants in Korea time', () => {
  it('converts UTC instants to KST (UTC+9)', () => {
    // Registration closes 2026-01-15 18:00 KST = 09:00 UTC.
    expect(kstParts('2026-01-15T09:00:00.000Z')).toEqual({ date: '2026-01-15', time: '18:00' });
    // 16:30 UTC is already the next day in Seoul.
    expect(kstParts('2026-01-07T16:30:00Z')).toEqual({ date: '2026-01-08', time: '01:30' });
  });

  it('formats a deadline', () => {
    expect(plain(formatInstant('2026-01-15T09:00:00Z', 'ko'))).toBe('1월 15일(목) 오후 6시');
    expect(plain(formatInstant('2026-01-15T09:00:00Z', 'en'))).toBe('Thu 15 Jan, 6 PM');
  });

  it('shows the Korea time of day of an instant (a check-in, the kiosk clock), whatever the host time zone', () => {
    expect(formatInstantTime('2026-01-08T04:52:10.000Z', 'ko')).toBe('오후\u00a01:52');
    expect(formatInstantTime('2026-01-08T04:52:10.000Z', 'en')).toBe('1:52\u00a0PM');
    expect(formatInstantTime(new Date('2026-01-08T04:42:30Z'), 'ko')).toBe('오후\u00a01:42');
    expect(formatInstantTime(new Date('2026-01-08T04:42:30Z'), 'en')).toBe('1:42\u00a0PM');
    expect(formatInstantTime(new Date('2026-01-08T15:05:00Z'), 'ko')).toBe('오전\u00a012:05');
  });
});

describe('confirmation codes', () => {
  it('splits into two groups of four', () => {
    expect(codeGroups('7KQ2-M9XD')).toEqual(['7KQ2', 'M9XD']);
    expect(codeGroups(' 7kq2 m9xd ')).toEqual(['7KQ2', 'M9XD']);
    expect(formatCode('7kq2m9xd')).toBe('7KQ2-M9XD');
  });
});
