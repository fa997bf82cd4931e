/**
 * The notices plugin's kiosk part: the notices on the start screen (`startPanel`), and a tile and
 * screen that show them in full. Browser code: never import `./server` from here, except with
 * `import type`.
 */
import { defineKioskPlugin, type LocalizedText } from '@seoro/plugin-sdk';
import { m } from '@seoro/i18n';
import NoticesPanel from './kiosk/NoticesPanel.svelte';
import NoticesScreen from './kiosk/NoticesScreen.svelte';
import { manifest } from './manifest';

export type { CurrentResult, KioskNotice, NoticesRouter } from './kiosk/types';

const both = (
  message: (inputs: object, options: { locale: 'ko' | 'en' }) => string,
): LocalizedText => ({
  ko: message({}, { locale: 'ko' }),
  en: message({}, { locale: 'en' }),
});

export const noticesKioskPlugin = defineKioskPlugin({
  manifest,
  tile: {
    // A megaphone (24×24, drawn as a stroke).
    icon: 'M3 10v4a1 1 0 0 0 1 1h2l6 4V5L6 9H4a1 1 0 0 0-1 1z M16 9.5a3.5 3.5 0 0 1 0 5 M19 6.5a8 8 0 0 1 0 11',
    label: both(m.kiosk_notices_label),
    hint: both(m.kiosk_notices_hint),
  },
  screen: NoticesScreen,
  startPanel: NoticesPanel,
});
