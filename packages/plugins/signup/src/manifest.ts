/** The on-site signup plugin's manifest: safe to import anywhere (no server code, no components). */
import { definePluginManifest } from '@seoro/plugin-sdk';

export const manifest = definePluginManifest({
  id: 'signup',
  name: { ko: '현장 수강신청', en: 'On-site signup' },
  description: {
    ko: '키오스크에서 자리가 남은 강좌에 바로 신청',
    en: 'Sign up at the kiosk for a course that still has seats',
  },
  surfaces: { server: true, web: false, kiosk: true },
});
