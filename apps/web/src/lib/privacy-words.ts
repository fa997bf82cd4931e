import type { Locale } from '@seoro/domain';
import { m } from '@seoro/i18n';

type Opts = { locale: Locale };

/** A registration's status, as the data pages name it. */
export function statusText(
  status: 'confirmed' | 'waitlisted' | 'lottery_pending' | 'cancelled',
  opts: Opts,
): string {
  switch (status) {
    case 'confirmed':
      return m.privacy_held_status_confirmed({}, opts);
    case 'waitlisted':
      return m.privacy_held_status_waitlisted({}, opts);
    case 'lottery_pending':
      return m.privacy_held_status_lottery_pending({}, opts);
    case 'cancelled':
      return m.privacy_held_status_cancelled({}, opts);
  }
}

/** Where a registration was made. */
export function channelText(channel: 'web' | 'kiosk' | 'staff', opts: Opts): string {
  switch (channel) {
    case 'web':
      return m.privacy_held_channel_web({}, opts);
    case 'kiosk':
      return m.privacy_held_channel_kiosk({}, opts);
    case 'staff':
      return m.privacy_held_channel_staff({}, opts);
  }
}

/** A data request's kind. */
export function kindText(kind: 'access' | 'correction' | 'deletion', opts: Opts): string {
  switch (kind) {
    case 'access':
      return m.privacy_kind_access({}, opts);
    case 'correction':
      return m.privacy_kind_correction({}, opts);
    case 'deletion':
      return m.privacy_kind_deletion({}, opts);
  }
}

/** Who recorded a data request. */
export function sourceText(source: 'resident' | 'staff', opts: Opts): string {
  return source === 'resident'
    ? m.privacy_source_resident({}, opts)
    : m.privacy_source_staff({}, opts);
}

/** Where a data request stands. */
export function requestStatusText(status: 'open' | 'done' | 'refused', opts: Opts): string {
  switch (status) {
    case 'open':
      return m.privacy_status_open({}, opts);
    case 'done':
      return m.privacy_status_done({}, opts);
    case 'refused':
      return m.privacy_status_refused({}, opts);
  }
}
