/**
 * Voice guidance through the browser's speech synthesis. Some kiosk builds ship without it (or
 * without a Korean voice); then speaking silently does nothing rather than failing.
 */
import type { Locale } from '@seoro/plugin-sdk';

export interface Speaker {
  readonly available: boolean;
  speak(text: string, locale: Locale): void;
  /** Says the last thing spoken again (the "다시 듣기" button). */
  replay(): void;
  cancel(): void;
  /** Forgets the last thing spoken (a reset: the next person must not hear it). */
  forget(): void;
}

const LANG: Record<Locale, string> = { ko: 'ko-KR', en: 'en-US' };

/** What the speaker needs of an utterance: its language, pace and voice. */
interface Utterance {
  lang: string;
  rate: number;
  voice: SpeechSynthesisVoice | null;
}

/** What the speaker needs of the browser's `speechSynthesis`. */
export interface SpeechEngine<U extends Utterance> {
  speak(utterance: U): void;
  cancel(): void;
  getVoices(): SpeechSynthesisVoice[];
}

/** The browser's voice, or a silent speaker where there is none. */
export function createSpeaker(): Speaker {
  const synth: SpeechSynthesis | undefined = globalThis.speechSynthesis;
  return typeof globalThis.SpeechSynthesisUtterance === 'function' && synth
    ? createSpeakerWith(synth, (text) => new SpeechSynthesisUtterance(text))
    : createSpeakerWith<Utterance>(undefined, undefined);
}

export function createSpeakerWith<U extends Utterance>(
  synth: SpeechEngine<U> | undefined,
  utter: ((text: string) => U) | undefined,
): Speaker {
  const available = synth !== undefined && utter !== undefined;
  let last: { text: string; locale: Locale } | null = null;
  const speaker: Speaker = {
    available,
    replay() {
      if (last) speaker.speak(last.text, last.locale);
    },
    forget() {
      last = null;
    },
    speak(text, locale) {
      if (!synth || !utter || text.trim() === '') return;
      last = { text, locale };
      try {
        synth.cancel(); // the newest message matters; never queue stale ones
        const utterance = utter(text);
        utterance.lang = LANG[locale];
        utterance.rate = 0.9; // a little slower than default, for older listeners
        const voice = synth
          .getVoices()
          .find((v) => v.lang.replace('_', '-').startsWith(LANG[locale]));
        if (voice) utterance.voice = voice;
        synth.speak(utterance);
      } catch (error) {
        console.warn('speech synthesis failed', error);
      }
    },
    cancel() {
      try {
        synth?.cancel();
      } catch {
        // nothing to stop
      }
    },
  };
  return speaker;
}

/**
 * Speaks what a screen reader would announce: text changes inside `aria-live` regions, plus
 * elements marked `data-voice` when they appear (e.g. a screen's instructions). Plugins need no
 * API for this — accessible markup is the contract. Returns a function that stops watching.
 */
export function watchForSpeech(
  root: Element,
  say: (text: string) => void,
  settleMs = 150,
): () => void {
  const pending = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    const texts = [...pending]
      .filter((el) => el.isConnected)
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
      .map((el) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '')
      .filter((t) => t !== '');
    pending.clear();
    if (texts.length > 0) say(texts.join('. '));
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const target = record.target instanceof Element ? record.target : record.target.parentElement;
      const region = target?.closest('[aria-live]:not([aria-live="off"])');
      if (region) pending.add(region);
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches('[data-voice]')) pending.add(node);
        for (const el of node.querySelectorAll('[data-voice]')) pending.add(el);
      }
    }
    if (pending.size > 0) {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(flush, settleMs);
    }
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true });
  return () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  };
}
