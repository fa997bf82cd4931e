import { m } from '@seoro/i18n';
import type { Locale } from '@seoro/domain';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago an instant was, in the page's words: '방금 전', '3분 전', '2시간 전', '4일 전'.
 * `now` comes from the server's load, so the server's and the browser's renders agree.
 */
export function timeAgo(instant: string | Date, now: string | Date, opts: { locale: Locale }) {
  const ms = new Date(now).getTime() - new Date(instant).getTime();
  if (ms < MINUTE) return m.admin_kiosk_ago_now({}, opts);
  if (ms < HOUR) return m.admin_kiosk_ago_minutes({ count: Math.floor(ms / MINUTE) }, opts);
  if (ms < DAY) return m.admin_kiosk_ago_hours({ count: Math.floor(ms / HOUR) }, opts);
  return m.admin_kiosk_ago_days({ count: Math.floor(ms / DAY) }, opts);
}
