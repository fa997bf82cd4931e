import { m } from '@seoro/i18n';
import type { ApplicationStatus, Locale } from '@seoro/domain';

/** An application's status in words (검토 중 / 수정 요청 / 승인 / 반려 / 철회). */
export function applicationStatusText(status: ApplicationStatus, locale: Locale): string {
  const opts = { locale };
  switch (status) {
    case 'submitted':
      return m.teach_status_submitted({}, opts);
    case 'changes_requested':
      return m.teach_status_changes_requested({}, opts);
    case 'accepted':
      return m.teach_status_accepted({}, opts);
    case 'rejected':
      return m.teach_status_rejected({}, opts);
    case 'withdrawn':
      return m.teach_status_withdrawn({}, opts);
  }
}

/** The badge's tone for a status. */
export function applicationStatusTone(
  status: ApplicationStatus,
): 'success' | 'warning' | 'neutral' | 'brand' | 'danger' {
  switch (status) {
    case 'submitted':
      return 'brand';
    case 'changes_requested':
      return 'warning';
    case 'accepted':
      return 'success';
    case 'rejected':
      return 'danger';
    case 'withdrawn':
      return 'neutral';
  }
}
