/**
 * The wishes plugin's kiosk part: a tile "배우고 싶어요 / I wish to learn" and its screen (pick a
 * topic, type a wish or not, thanks, and a QR code to apply to teach). Browser code: never import
 * `./server` from here, except with `import type`.
 */
import { defineKioskPlugin, type LocalizedText } from '@seoro/plugin-sdk';
import { m } from '@seoro/i18n';
import WishesScreen from './kiosk/WishesScreen.svelte';
import { manifest } from './manifest';

export type { WishesRouter } from './kiosk/contract';

const both = (
  message: (inputs: object, options: { locale: 'ko' | 'en' }) => string,
): LocalizedText => ({
  ko: message({}, { locale: 'ko' }),
  en: message({}, { locale: 'en' }),
});

export const wishesKioskPlugin = defineKioskPlugin({
  manifest,
  tile: {
    // A light bulb (24×24, drawn as a stroke).
    icon: 'M9 18h6 M10 21h4 M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z',
    label: both(m.kiosk_wishes_label),
    hint: both(m.kiosk_wishes_hint),
  },
  screen: WishesScreen,
});
