import { m } from '@seoro/i18n';
import {
  formatDate,
  formatDateTime,
  formatTime,
  formatTimeRange,
  type DomainError,
  type Locale,
} from '@seoro/domain';

type ErrorKey = Extract<keyof typeof m, `err_${string}`>;
type MessageFn = (params: Record<string, string>, options: { locale: Locale }) => string;

/** A catalogue message by key, in the given language. */
export function localizeMessage(
  key: ErrorKey,
  locale: Locale,
  params: Record<string, string> = {},
): string {
  return (m[key] as MessageFn)(params, { locale });
}

/**
 * The sentence a resident sees for a domain refusal: `err_<code>`, or `admin_<code>` for a refusal
 * only the admin meets (its forms' checks), whose sentences live in the admin's catalogue.
 */
export function localizeDomainError(error: DomainError, locale: Locale): string {
  const params = Object.fromEntries(
    Object.entries(error.params).map(([k, v]) => [k, formatParam(v, locale)]),
  );
  const key = `err_${error.code}` as ErrorKey;
  if (key in m) return localizeMessage(key, locale, params);
  const adminKey = `admin_${error.code}`;
  if (adminKey in m) {
    return (m[adminKey as keyof typeof m] as MessageFn)(params, { locale });
  }
  return localizeMessage('err_unexpected', locale);
}

/**
 * Instants, dates and times in params are shown in the one set of Korea-time shapes: an ISO
 * instant as '12월 10일(목) 오후 2:30', 'YYYY-MM-DD' as '12월 10일(목)', 'HH:MM' as '오후 2:30',
 * 'HH:MM–HH:MM' (en dash) as '오후 2:00~4:00'.
 */
function formatParam(value: string | number, locale: Locale): string {
  if (typeof value !== 'string') return String(value);
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value, locale);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, locale);
  if (/^\d{2}:\d{2}$/.test(value)) return formatTime(value, locale);
  const range = /^(\d{2}:\d{2})–(\d{2}:\d{2})$/.exec(value);
  if (range?.[1] && range[2]) return formatTimeRange(range[1], range[2], locale);
  return value;
}
