/** The check-in plugin's manifest: safe to import anywhere (no server code, no components). */
import { definePluginManifest } from '@seoro/plugin-sdk';

export const manifest = definePluginManifest({
  id: 'checkin',
  name: { ko: '출석 체크인', en: 'Check-in' },
  description: {
    ko: '키오스크에서 확인 코드나 QR 코드로 오늘 수업에 출석',
    en: "Check in to today's class at the kiosk with a confirmation code or QR code",
  },
  surfaces: { server: true, web: false, kiosk: true },
});
