import { m } from '@seoro/i18n';
import type { Locale } from '@seoro/domain';

/** A retention period in words: whole years as years ("1년", "2 years"), else months. */
export function retentionPeriodText(months: number, opts: { locale: Locale }): string {
  if (months % 12 === 0) {
    const years = String(months / 12);
    return months === 12
      ? m.retention_period_year({ years }, opts)
      : m.retention_period_years({ years }, opts);
  }
  return months === 1
    ? m.retention_period_month({ months: '1' }, opts)
    : m.retention_period_months({ months: String(months) }, opts);
}
