import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codeGroups,
  formatCode,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatDateTimeRange,
  formatInstantDate,
  formatInstantTime,
  formatMonthDay,
  formatNumber,
  formatTime,
  formatTimeRange,
  formatWeekly,
  plainSpaces,
  weekdayName,
} from './format';
import { kstDateOf, kstWeekday } from './time';

/** The helpers use no-break spaces inside a date or time; compare with plain ones for readability. */
const plain = plainSpaces;

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
    expect(plain(formatDate('2026-11-29', 'ko'))).toBe('11월 29일(일)');
    expect(plain(formatDate('2026-11-29', 'en'))).toBe('Sun 29 Nov');
    expect(plain(formatDate('2026-02-12', 'ko', { year: true }))).toBe('2026년 2월 12일(목)');
    expect(plain(formatDate('2026-02-12', 'en', { year: true }))).toBe('Thu 12 Feb 2026');
  });

  it('keeps one date on one line', () => {
    expect(formatDate('2027-01-07', 'ko', { year: true })).not.toContain(' ');
    expect(formatDate('2027-01-07', 'en', { year: true })).not.toContain(' ');
    expect(formatDate('2026-01-08', 'ko')).toBe('1월\u00a08일\u2060(목)');
  });

  it('rejects malformed and impossible dates', () => {
    expect(() => formatDate('2026-1-8', 'ko')).toThrow(RangeError);
    expect(() => formatDate('2026-02-30', 'en')).toThrow(RangeError);
  });

  it('does not depend on the host time zone', () => {
    // 2026-01-08 is a Thursday everywhere; a local-time Date would slip a day west of UTC.
    expect(formatDate('2026-01-08', 'en').startsWith('Thu')).toBe(true);
  });
});

describe('formatDateRange', () => {
  it('joins two dates with a tilde in Korean and an en dash in English', () => {
    expect(plain(formatDateRange('2026-01-08', '2026-02-12', 'ko'))).toBe(
      '1월 8일(목) ~ 2월 12일(목)',
    );
    expect(plain(formatDateRange('2026-01-08', '2026-02-12', 'en'))).toBe('Thu 8 Jan – Thu 12 Feb');
    expect(plain(formatDateRange('2026-01-08', '2026-01-08', 'en'))).toBe('Thu 8 Jan');
  });

  it('puts the year on both ends only when the range crosses a new year', () => {
    expect(plain(formatDateRange('2026-01-08', '2026-02-12', 'ko', { year: true }))).toBe(
      '1월 8일(목) ~ 2026년 2월 12일(목)',
    );
    expect(plain(formatDateRange('2025-12-30', '2026-01-06', 'en', { year: true }))).toBe(
      'Tue 30 Dec 2025 – Tue 6 Jan 2026',
    );
  });
});

describe('times', () => {
  it('uses 오전/오후 in Korean and AM/PM in English, 12 for midnight and noon', () => {
    expect(plain(formatTime('14:00', 'ko'))).toBe('오후 2:00');
    expect(plain(formatTime('09:30', 'ko'))).toBe('오전 9:30');
    expect(plain(formatTime('14:00', 'en'))).toBe('2:00 PM');
    expect(plain(formatTime('12:15', 'en'))).toBe('12:15 PM');
    expect(plain(formatTime('00:10', 'en'))).toBe('12:10 AM');
    expect(plain(formatTime('00:10', 'ko'))).toBe('오전 12:10');
  });

  it('keeps one time on one line', () => {
    expect(formatTime('14:00', 'en')).toBe('2:00\u00a0PM');
    expect(formatTime('14:00', 'ko')).toBe('오후\u00a02:00');
  });

  it('says the half of the day once when both ends share it', () => {
    expect(plain(formatTimeRange('14:00', '15:30', 'ko'))).toBe('오후 2:00~3:30');
    expect(plain(formatTimeRange('14:00', '15:30', 'en'))).toBe('2:00–3:30 PM');
    expect(plain(formatTimeRange('00:30', '09:05', 'en'))).toBe('12:30–9:05 AM');
    expect(plain(formatTimeRange('12:00', '12:50', 'ko'))).toBe('오후 12:00~12:50');
  });

  it('names the half of the day for both ends of a range that spans noon', () => {
    expect(plain(formatTimeRange('11:00', '12:30', 'ko'))).toBe('오전 11:00~오후 12:30');
    expect(plain(formatTimeRange('11:00', '12:30', 'en'))).toBe('11:00 AM–12:30 PM');
    expect(plain(formatTimeRange('11:30', '13:00', 'ko'))).toBe('오전 11:30~오후 1:00');
  });

  it('writes one meeting as its date and time range', () => {
    expect(plain(formatDateTimeRange('2026-11-29', '14:00', '16:00', 'ko'))).toBe(
      '11월 29일(일) 오후 2:00~4:00',
    );
    expect(plain(formatDateTimeRange('2026-11-29', '14:00', '16:00', 'en'))).toBe(
      'Sun 29 Nov, 2:00–4:00 PM',
    );
  });

  it('describes a weekly slot', () => {
    expect(plain(formatWeekly(4, '14:00', '15:30', 'ko'))).toBe('매주 목요일 오후 2:00~3:30');
    expect(plain(formatWeekly(4, '14:00', '15:30', 'en'))).toBe('Every Thursday, 2:00–3:30 PM');
  });
});

describe('instants in Korea time', () => {
  it('writes an instant as its Korea date and time (UTC+9)', () => {
    // Registration closes 2026-01-15 18:00 KST = 09:00 UTC.
    expect(plain(formatDateTime('2026-01-15T09:00:00.000Z', 'ko'))).toBe('1월 15일(목) 오후 6:00');
    expect(plain(formatDateTime('2026-01-15T09:00:00Z', 'en'))).toBe('Thu 15 Jan, 6:00 PM');
    expect(plain(formatDateTime(new Date('2026-12-10T05:30:00Z'), 'ko'))).toBe(
      '12월 10일(목) 오후 2:30',
    );
    expect(plain(formatDateTime(new Date('2026-12-10T05:30:00Z'), 'en'))).toBe(
      'Thu 10 Dec, 2:30 PM',
    );
  });

  it('is already on the next day in Seoul when UTC is not', () => {
    // 16:30 UTC on the 7th is 01:30 KST on the 8th.
    expect(plain(formatDateTime('2026-01-07T16:30:00Z', 'ko'))).toBe('1월 8일(목) 오전 1:30');
    expect(plain(formatInstantDate(new Date('2026-01-07T15:30:00Z'), 'ko'))).toBe('1월 8일(목)');
    expect(plain(formatInstantDate(new Date('2026-01-07T14:59:59Z'), 'ko'))).toBe('1월 7일(수)');
    expect(plain(formatInstantDate(new Date('2026-01-08T04:42:30Z'), 'en'))).toBe('Thu 8 Jan');
    expect(plain(formatInstantDate('2025-12-31T15:00:00Z', 'ko', { year: true }))).toBe(
      '2026년 1월 1일(목)',
    );
  });

  it('keeps +9 h in summer too (Korea has no daylight saving time)', () => {
    expect(plain(formatDateTime('2026-07-01T05:00:00Z', 'en'))).toBe('Wed 1 Jul, 2:00 PM');
    expect(plain(formatDateTime('2026-03-29T01:00:00Z', 'ko'))).toBe('3월 29일(일) 오전 10:00');
  });

  it('shows the Korea time of day of an instant (a check-in, the kiosk clock)', () => {
    expect(formatInstantTime('2026-01-08T04:52:10.000Z', 'ko')).toBe('오후\u00a01:52');
    expect(formatInstantTime('2026-01-08T04:52:10.000Z', 'en')).toBe('1:52\u00a0PM');
    expect(formatInstantTime(new Date('2026-01-08T04:42:30Z'), 'ko')).toBe('오후\u00a01:42');
    expect(formatInstantTime(new Date('2026-01-08T04:42:30Z'), 'en')).toBe('1:42\u00a0PM');
    expect(formatInstantTime(new Date('2026-01-08T15:05:00Z'), 'ko')).toBe('오전\u00a012:05');
  });

  it('rejects an instant that is not one', () => {
    expect(() => formatDateTime('yesterday', 'ko')).toThrow(RangeError);
    expect(() => formatInstantTime(new Date(Number.NaN), 'en')).toThrow(RangeError);
  });
});

describe('plainSpaces', () => {
  it('leaves only characters an SMS can carry', () => {
    const text = plainSpaces(formatDateTimeRange('2026-01-08', '11:30', '13:00', 'ko'));
    expect(text).toBe('1월 8일(목) 오전 11:30~오후 1:00');
    expect(text).not.toMatch(/[\u00a0\u2060]/);
  });
});

describe('numbers and confirmation codes', () => {
  it('groups digits', () => {
    expect(formatNumber(10000)).toBe('10,000');
  });

  it('splits a code into two groups of four', () => {
    expect(codeGroups('7KQ2-M9XD')).toEqual(['7KQ2', 'M9XD']);
    expect(codeGroups(' 7kq2 m9xd ')).toEqual(['7KQ2', 'M9XD']);
    expect(formatCode('7kq2m9xd')).toBe('7KQ2-M9XD');
  });
});

describe('properties', () => {
  const KO = /^(\d{1,2})월 (\d{1,2})일\((.)\) (오전|오후) (\d{1,2}):(\d{2})$/;
  const EN = /^(\w{3}) (\d{1,2}) (\w{3}), (\d{1,2}):(\d{2}) (AM|PM)$/;
  const to24 = (h12: number, pm: boolean) => (h12 % 12) + (pm ? 12 : 0);
  const instants = fc.date({
    min: new Date('1000-01-02T00:00:00Z'),
    max: new Date('9998-12-30T00:00:00Z'),
    noInvalidDate: true,
  });

  it('shows the Korea date of any instant and its UTC time + 9 h, in both languages', () => {
    fc.assert(
      fc.property(instants, (at) => {
        const date = kstDateOf(at);
        const month = Number(date.slice(5, 7));
        const day = Number(date.slice(8, 10));
        const hour = (at.getUTCHours() + 9) % 24;
        const minute = at.getUTCMinutes();

        const ko = KO.exec(plain(formatDateTime(at, 'ko')));
        expect(ko).not.toBeNull();
        const [, koMonth, koDay, koWeekday, half, koHour, koMinute] = ko ?? [];
        expect([Number(koMonth), Number(koDay)]).toEqual([month, day]);
        expect(koWeekday).toBe(weekdayName(kstWeekday(date), 'ko', 'short'));
        expect(to24(Number(koHour), half === '오후')).toBe(hour);
        expect(Number(koMinute)).toBe(minute);

        const en = EN.exec(plain(formatDateTime(at, 'en')));
        expect(en).not.toBeNull();
        const [, enWeekday, enDay, , enHour, enMinute, ampm] = en ?? [];
        expect(Number(enDay)).toBe(day);
        expect(enWeekday).toBe(weekdayName(kstWeekday(date), 'en', 'short'));
        expect(to24(Number(enHour), ampm === 'PM')).toBe(hour);
        expect(Number(enMinute)).toBe(minute);
        expect(formatDateTime(at, 'en')).toBe(
          `${formatInstantDate(at, 'en')}, ${formatInstantTime(at, 'en')}`,
        );
      }),
    );
  });

  it('agrees with Intl in Asia/Seoul since Korea last changed its clocks (1988)', () => {
    const seoul = new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Seoul',
      month: 'short',
      day: 'numeric',
      weekday: 'short',
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h12',
    });
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1989-01-01T00:00:00Z'),
          max: new Date('2100-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (at) => {
          const parts = Object.fromEntries(
            seoul.formatToParts(at).map((part) => [part.type, part.value]),
          );
          // Part by part, so ICU's spacing (a narrow no-break space before PM since ICU 72) cannot matter.
          const expected = `${parts.weekday} ${parts.day} ${parts.month}, ${parts.hour}:${parts.minute} ${parts.dayPeriod}`;
          expect(plain(formatDateTime(at, 'en'))).toBe(expected);
        },
      ),
    );
  });
});

describe('formatMonthDay', () => {
  it('gives the month and day without the weekday', () => {
    expect(plain(formatMonthDay('2026-12-06', 'ko'))).toBe('12월 6일');
    expect(plain(formatMonthDay('2026-12-06', 'en'))).toBe('6 Dec');
    expect(plain(formatMonthDay('2027-01-08', 'en'))).toBe('8 Jan');
  });
});
