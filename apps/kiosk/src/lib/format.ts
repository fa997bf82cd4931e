/**
 * Korea-time formatting for the shell: the date. Times of day (the big clock, today's classes) are
 * @seoro/ui's, as on the web site ('오후 1:42' / '1:42 PM').
 */
import { kstDateOf, kstWeekday } from '@seoro/domain';
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
