/** When a resident checked in, in the words of @seoro/ui's `formatTime`. */
import { kstTimeOf } from '@seoro/domain';
import type { Locale } from '@seoro/plugin-sdk';
import { formatTime } from '@seoro/ui/format';

/** The KST wall-clock time of an ISO instant, e.g. the first check-in: '오후 1:52'. */
export function formatInstantTime(iso: string, locale: Locale): string {
  return formatTime(kstTimeOf(new Date(iso)), locale);
}
