/**
 * USB/Bluetooth QR scanners are "keyboard wedges": they type the scanned text very fast and press
 * Enter. A person never types that fast, so a burst of printable keys each less than `maxGapMs`
 * apart, ended by Enter, is a scan. Pure and clock-free: the caller passes each key's timestamp.
 */

export interface ScanDetectorOptions {
  /** Longest pause between two keys of one scan. */
  maxGapMs?: number;
  /** Fewer characters than this is someone typing quickly, not a scan. */
  minLength?: number;
}

export interface ScanDetector {
  /**
   * Feed one keydown. Returns the scanned text when this key is the Enter that ends a burst,
   * otherwise null (the key then belongs to whoever else listens).
   */
  key(key: string, timeMs: number): string | null;
  reset(): void;
}

/** Keys a scanner may send around characters (Shift for capitals) that do not break a burst. */
const TRANSPARENT_KEYS = new Set(['Shift', 'CapsLock', 'Control', 'Alt', 'AltGraph', 'Meta']);

export function createScanDetector(options: ScanDetectorOptions = {}): ScanDetector {
  const maxGapMs = options.maxGapMs ?? 50;
  const minLength = options.minLength ?? 6;
  let buffer = '';
  let lastMs = Number.NEGATIVE_INFINITY;

  const reset = () => {
    buffer = '';
    lastMs = Number.NEGATIVE_INFINITY;
  };

  return {
    key(key, timeMs) {
      if (TRANSPARENT_KEYS.has(key)) return null;
      const inBurst = timeMs - lastMs < maxGapMs;
      if (key === 'Enter') {
        const text = buffer;
        reset();
        return inBurst && text.length >= minLength ? text : null;
      }
      if ([...key].length !== 1) {
        reset();
        return null;
      }
      buffer = inBurst ? buffer + key : key;
      lastMs = timeMs;
      return null;
    },
    reset,
  };
}

/** US layout, which is what scanners emulate: [unshifted, shifted] per physical key. */
const PUNCTUATION: Record<string, [string, string]> = {
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  Slash: ['/', '?'],
  Period: ['.', '>'],
  Comma: [',', '<'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Backquote: ['`', '~'],
};
const SHIFTED_DIGITS = ')!@#$%^&*(';

/**
 * The character a keydown stands for. With the OS input method in Korean mode a scanner's
 * letters arrive as Hangul jamo or 'Process'; the physical key (`code`) still tells us which
 * ASCII character the scanner meant, so scanning works whatever the IME state.
 */
export function keyOf(event: Pick<KeyboardEvent, 'key' | 'code' | 'shiftKey'>): string {
  const { key, code, shiftKey } = event;
  if (key.length === 1 && key >= ' ' && key <= '~') return key;
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  if (letter) return shiftKey ? letter : letter.toLowerCase();
  const digit = /^(Digit|Numpad)(\d)$/.exec(code);
  if (digit?.[2]) {
    const n = Number(digit[2]);
    return shiftKey && digit[1] === 'Digit' ? SHIFTED_DIGITS.charAt(n) : digit[2];
  }
  const punct = PUNCTUATION[code];
  if (punct) return shiftKey ? punct[1] : punct[0];
  return key;
}
