import { describe, expect, it } from 'vitest';
import { createSpeakerWith } from './speech';

class Utterance {
  lang = '';
  rate = 1;
  voice: SpeechSynthesisVoice | null = null;
  constructor(readonly text: string) {}
}

/** The browser's speech synthesis, as far as the speaker uses it: what was said, and stops. */
function recordingSynth() {
  const said: Array<{ text: string; lang: string }> = [];
  let cancels = 0;
  const synth = {
    speak: (u: Utterance) => void said.push({ text: u.text, lang: u.lang }),
    cancel: () => void cancels++,
    getVoices: (): SpeechSynthesisVoice[] => [],
  };
  const speaker = createSpeakerWith(synth, (text) => new Utterance(text));
  return { speaker, said, cancels: () => cancels };
}

describe('voice guidance', () => {
  it('speaks in the screen’s language and says the last message again on replay', () => {
    const { speaker, said } = recordingSynth();
    speaker.speak('코드를 입력해 주세요', 'ko');
    speaker.speak('Please type your code', 'en');
    speaker.replay();
    expect(said).toEqual([
      { text: '코드를 입력해 주세요', lang: 'ko-KR' },
      { text: 'Please type your code', lang: 'en-US' },
      { text: 'Please type your code', lang: 'en-US' },
    ]);
  });

  it('stops at once, and after a reset has nothing of the last person to replay', () => {
    const { speaker, said, cancels } = recordingSynth();
    speaker.speak('김*로 님, 출석했습니다', 'ko');
    const before = cancels();
    speaker.cancel();
    expect(cancels()).toBe(before + 1);
    speaker.forget();
    speaker.replay();
    expect(said).toHaveLength(1);
  });
});
