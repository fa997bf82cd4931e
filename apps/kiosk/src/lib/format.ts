/** Korea-time formatting for the shell: the big clock, the date, today's meeting times. */
import { kstDateOf, kstTimeOf, kstWeekday } from '@seoro/domain';
import { m } from '@seoro/i18n';
import type { Locale } from '@seoro/plugin-sdk';

const MONTHS = [
  m.kiosk_month_1,
  m.kiosk_month_2,
  m.kiosk_month_3,
  m.kiosk_month_4,
  m.kiosk_month_5,
  m.kiosk_month_6,
  m.kiosk_month_7,
  m.kiosk_month_8,
  m.kiosk_month_9,
  m.kiosk_month_10,
  m.kiosk_month_11,
  m.kiosk_month_12,
] as const;
const WEEKDAYS = [
  m.kiosk_weekday_0,
  m.kiosk_weekday_1,
  m.kiosk_weekday_2,
  m.kiosk_weekday_3,
  m.kiosk_weekday_4,
  m.kiosk_weekday_5,
  m.kiosk_weekday_6,
] as const;

function clock12(hhmm: string, locale: Locale) {
  const [h = 0, min = 0] = hhmm.split(':').map(Number);
  return {
    period: h < 12 ? m.kiosk_period_am({}, { locale }) : m.kiosk_period_pm({}, { locale }),
    hour: String(h % 12 === 0 ? 12 : h % 12),
    minute: String(min).padStart(2, '0'),
  };
}

/** '13:42' → '오후 1:42' / '1:42 PM'. */
export function formatTime(hhmm: string, locale: Locale): string {
  return m.kiosk_time(clock12(hhmm, locale), { locale });
}

/** '14:00','15:30' → '오후 2:00–3:30' / '2:00–3:30 PM'. */
export function formatTimeRange(start: string, end: string, locale: Locale): string {
  const a = clock12(start, locale);
  const b = clock12(end, locale);
  return a.period === b.period
    ? m.kiosk_time_range_same_period(
        { period: a.period, start: `${a.hour}:${a.minute}`, end: `${b.hour}:${b.minute}` },
        { locale },
      )
    : m.kiosk_time_range(
        { start: formatTime(start, locale), end: formatTime(end, locale) },
        { locale },
      );
}

/** The time now in Korea, whatever the kiosk's own time zone: '오후 1:42'. */
export const formatClock = (now: Date, locale: Locale): string =>
  formatTime(kstTimeOf(now), locale);

/** Today's date in Korea: '1월 8일 목요일' / 'Thursday, January 8'. */
export function formatDate(now: Date, locale: Locale): string {
  const date = kstDateOf(now);
  const month = MONTHS[Number(date.slice(5, 7)) - 1] ?? m.kiosk_month_1;
  const weekday = WEEKDAYS[kstWeekday(date)] ?? m.kiosk_weekday_0;
  return m.kiosk_date(
    {
      month: month({}, { locale }),
      day: Number(date.slice(8, 10)),
      weekday: weekday({}, { locale }),
    },
    { locale },
  );
}
