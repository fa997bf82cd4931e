/** The wishes plugin's manifest: safe to import anywhere (no server code, no components). */
import { definePluginManifest } from '@seoro/plugin-sdk';

export const manifest = definePluginManifest({
  id: 'wishes',
  name: { ko: '배우고 싶어요', en: 'I wish to learn' },
  description: {
    ko: '키오스크에서 배우고 싶은 것을 남기고, 가르치고 싶은 분은 휴대폰으로 신청하도록 안내',
    en: 'Residents leave what they wish to learn at the kiosk; would-be teachers are shown where to apply',
  },
  surfaces: { server: true, web: false, kiosk: true },
});
