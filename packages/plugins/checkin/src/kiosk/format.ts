/** Meeting times for residents: 'HH:MM' (KST, from the API) → "오후 2:00" / "2:00 PM". */
import { kstTimeOf } from '@seoro/domain';
import { m } from '@seoro/i18n';
import type { Locale } from '@seoro/plugin-sdk';

type Clock12 = { period: string; hour: string; minute: string };

function toClock12(hhmm: string, locale: Locale): Clock12 {
  const [h = 0, min = 0] = hhmm.split(':').map(Number);
  const period = h < 12 ? m.kiosk_period_am({}, { locale }) : m.kiosk_period_pm({}, { locale });
  return { period, hour: String(h % 12 === 0 ? 12 : h % 12), minute: String(min).padStart(2, '0') };
}

/** '14:00' → '오후 2:00' (ko) / '2:00 PM' (en). */
export function formatTime(hhmm: string, locale: Locale): string {
  return m.kiosk_time(toClock12(hhmm, locale), { locale });
}

/** '14:00','15:30' → '오후 2:00–3:30' / '2:00–3:30 PM'; both periods are kept when they differ. */
export function formatTimeRange(start: string, end: string, locale: Locale): string {
  const a = toClock12(start, locale);
  const b = toClock12(end, locale);
  if (a.period === b.period) {
    return m.kiosk_time_range_same_period(
      { period: a.period, start: `${a.hour}:${a.minute}`, end: `${b.hour}:${b.minute}` },
      { locale },
    );
  }
  return m.kiosk_time_range(
    { start: formatTime(start, locale), end: formatTime(end, locale) },
    { locale },
  );
}

/** The KST wall-clock time of an ISO instant, e.g. the first check-in: '오후 1:52'. */
export function formatInstantTime(iso: string, locale: Locale): string {
  return formatTime(kstTimeOf(new Date(iso)), locale);
}
