import { m } from '@seoro/i18n';
import type { Locale } from '@seoro/domain';

/** A term's status in words, with the badge tone that goes with it. */
export function termStatus(
  status: 'draft' | 'published' | 'archived',
  opts: { locale: Locale },
): { tone: 'warning' | 'success' | 'neutral'; text: string } {
  switch (status) {
    case 'draft':
      return { tone: 'warning', text: m.admin_term_status_draft({}, opts) };
    case 'published':
      return { tone: 'success', text: m.admin_term_status_published({}, opts) };
    case 'archived':
      return { tone: 'neutral', text: m.admin_term_status_archived({}, opts) };
  }
}
