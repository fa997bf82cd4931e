/**
 * The "my registrations" plugin's kiosk part: a start-screen tile and the screen.
 * Browser code: never import `./server` from here, except with `import type`.
 */
import { defineKioskPlugin, type LocalizedText } from '@seoro/plugin-sdk';
import { m } from '@seoro/i18n';
import MyRegistrationsScreen from './kiosk/MyRegistrationsScreen.svelte';
import { manifest } from './manifest';

export type { MyRegistrationsRouter, Registration, RegistrationsView } from './kiosk/types';

const both = (
  message: (inputs: object, options: { locale: 'ko' | 'en' }) => string,
): LocalizedText => ({
  ko: message({}, { locale: 'ko' }),
  en: message({}, { locale: 'en' }),
});

export const myRegistrationsKioskPlugin = defineKioskPlugin({
  manifest,
  tile: {
    // A clipboard with a list (24×24, drawn as a stroke).
    icon: 'M9 4h6a1 1 0 0 1 1 1v1H8V5a1 1 0 0 1 1-1z M8 5H6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2h-2 M8 11h8 M8 15h5',
    label: both(m.kiosk_my_label),
    hint: both(m.kiosk_my_hint),
  },
  screen: MyRegistrationsScreen,
});
