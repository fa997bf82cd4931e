/** Meeting times for residents: 'HH:MM' (KST, from the API) → "오후 2:00" / "2:00 PM". */
import { kstTimeOf } from '@seoro/domain';
import type { Locale } from '@seoro/plugin-sdk';
import { formatTime } from '@seoro/ui/format';

export { formatTimeRange } from '@seoro/ui/format';

/** The KST wall-clock time of an ISO instant, e.g. the first check-in: '오후 1:52'. */
export function formatInstantTime(iso: string, locale: Locale): string {
  return formatTime(kstTimeOf(new Date(iso)), locale);
}
