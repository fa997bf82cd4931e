/**
 * The check-in plugin's kiosk part: a start-screen tile and the check-in screen.
 * Browser code: never import `./server` from here, except with `import type`.
 */
import { defineKioskPlugin, type LocalizedText } from '@seoro/plugin-sdk';
import { m } from '@seoro/i18n';
import CheckInScreen from './kiosk/CheckInScreen.svelte';
import { looksLikeCheckinScan } from './kiosk/code';
import { offlinePart } from './kiosk/offline';
import { manifest } from './manifest';

export type { TodayMeeting, TodayResult, CheckInResult, CheckinRouter } from './kiosk/types';

const both = (
  message: (inputs: object, options: { locale: 'ko' | 'en' }) => string,
): LocalizedText => ({
  ko: message({}, { locale: 'ko' }),
  en: message({}, { locale: 'en' }),
});

export const checkinKioskPlugin = defineKioskPlugin({
  manifest,
  tile: {
    // A scanner's viewfinder corners around a check mark (24×24, drawn as a stroke).
    icon: 'M3 8V5a2 2 0 0 1 2-2h3 M16 3h3a2 2 0 0 1 2 2v3 M21 16v3a2 2 0 0 1-2 2h-3 M8 21H5a2 2 0 0 1-2-2v-3 M7.5 12.5l3 3 6-7',
    label: both(m.kiosk_checkin_label),
    hint: both(m.kiosk_checkin_hint),
  },
  screen: CheckInScreen,
  acceptsScan: looksLikeCheckinScan,
  // Check-ins taken while the network was down, sent when it returns.
  offline: offlinePart(),
});
