/** What a resident can change on the kiosk; reset for the next person when a session is abandoned. */
import type { Locale } from '@seoro/plugin-sdk';

export const TEXT_SCALES = [1, 1.5, 2] as const;
export type TextScale = (typeof TEXT_SCALES)[number];

export class KioskSettings {
  locale = $state<Locale>('ko');
  textScale = $state<TextScale>(1);
  /** Interactive area in the lower part of the screen, for wheelchair users and children. */
  lowScreen = $state(false);
  highContrast = $state(false);
  voice = $state(false);

  reset(): void {
    this.locale = 'ko';
    this.textScale = 1;
    this.lowScreen = false;
    this.highContrast = false;
    this.voice = false;
  }
}
