/**
 * The on-site signup plugin's kiosk part: a start-screen tile and the signup screen.
 * Browser code: never import `./server` from here, except with `import type`.
 */
import { defineKioskPlugin, type LocalizedText } from '@seoro/plugin-sdk';
import { m } from '@seoro/i18n';
import SignupScreen from './kiosk/SignupScreen.svelte';
import { manifest } from './manifest';

export type { CoursesResult, SignupCourse, SignupResult, SignupRouter } from './kiosk/types';

const both = (
  message: (inputs: object, options: { locale: 'ko' | 'en' }) => string,
): LocalizedText => ({
  ko: message({}, { locale: 'ko' }),
  en: message({}, { locale: 'en' }),
});

export const signupKioskPlugin = defineKioskPlugin({
  manifest,
  tile: {
    // A person with a plus beside them (24×24, drawn as a stroke).
    icon: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z M2 21v-1a6 6 0 0 1 6-6h2a6 6 0 0 1 6 6v1 M19 8v6 M16 11h6',
    label: both(m.kiosk_signup_label),
    hint: both(m.kiosk_signup_hint),
  },
  screen: SignupScreen,
});
