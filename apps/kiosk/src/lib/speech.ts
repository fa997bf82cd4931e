/**
 * Voice guidance through the browser's speech synthesis. Some kiosk builds ship without it (or
 * without a Korean voice); then speaking silently does nothing rather than failing.
 */
import type { Locale } from '@seoro/plugin-sdk';

export interface Speaker {
  readonly available: boolean;
  speak(text: string, locale: Locale): void;
  cancel(): void;
}

const LANG: Record<Locale, string> = { ko: 'ko-KR', en: 'en-US' };

export function createSpeaker(
  synth: SpeechSynthesis | undefined = globalThis.speechSynthesis,
): Speaker {
  const available =
    synth !== undefined && typeof globalThis.SpeechSynthesisUtterance === 'function';
  return {
    available,
    speak(text, locale) {
      if (!available || !synth || text.trim() === '') return;
      try {
        synth.cancel(); // the newest message matters; never queue stale ones
        const utterance = new SpeechSynthesisUtterance(text);
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
