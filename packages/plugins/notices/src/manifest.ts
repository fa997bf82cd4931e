/** The notices plugin's manifest: safe to import anywhere (no server code, no components). */
import { definePluginManifest } from '@seoro/plugin-sdk';

export const manifest = definePluginManifest({
  id: 'notices',
  name: { ko: '공지', en: 'Notices' },
  description: {
    ko: '직원이 올린 공지를 키오스크 첫 화면에 크게 표시',
    en: "Staff announcements, shown large on the kiosk's start screen",
  },
  surfaces: { server: true, web: false, kiosk: true },
});
