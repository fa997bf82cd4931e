/** The "my registrations" plugin's manifest: safe to import anywhere (no server code, no components). */
import { definePluginManifest } from '@seoro/plugin-sdk';

export const manifest = definePluginManifest({
  id: 'my-registrations',
  name: { ko: '내 신청 내역', en: 'My registrations' },
  description: {
    ko: '키오스크에서 휴대전화 인증번호로 내 신청 내역을 보고 취소',
    en: 'See and cancel your registrations at the kiosk after a code sent to your phone',
  },
  surfaces: { server: true, web: false, kiosk: true },
});
