import { describe, expect, it } from 'vitest';
import { createScanDetector, keyOf } from './scanner';

/** Types `text` then Enter, `gapMs` apart, starting at `t0`; returns what the detector said at Enter. */
function typeAll(
  detector: ReturnType<typeof createScanDetector>,
  text: string,
  gapMs: number,
  t0 = 1000,
) {
  let t = t0;
  for (const ch of text) {
    expect(detector.key(ch, t)).toBeNull();
    t += gapMs;
  }
  return detector.key('Enter', t);
}

describe('createScanDetector', () => {
  it('recognises a fast burst ended by Enter as a scan', () => {
    const d = createScanDetector();
    expect(typeAll(d, '7KQ2-M9XD', 8)).toBe('7KQ2-M9XD');
  });

  it('passes a scanned URL through unchanged', () => {
    const d = createScanDetector();
    const url = 'https://seoro.example/registrations/7KQ2-M9XD';
    expect(typeAll(d, url, 5)).toBe(url);
  });

  it('does not treat human typing as a scan', () => {
    const d = createScanDetector();
    expect(typeAll(d, '7KQ2M9XD', 180)).toBeNull();
  });

  it('needs every gap under 50 ms: a pause starts a new burst', () => {
    const d = createScanDetector();
    // A person typed "AB" slowly, then a scan arrived.
    expect(d.key('A', 0)).toBeNull();
    expect(d.key('B', 300)).toBeNull();
    expect(typeAll(d, '7KQ2-M9XD', 10, 900)).toBe('7KQ2-M9XD');
    // 49 ms apart is a burst, 50 ms is not.
    expect(typeAll(d, 'ABCDEFGH', 49, 5000)).toBe('ABCDEFGH');
    expect(typeAll(d, 'ABCDEFGH', 50, 9000)).toBeNull();
  });

  it('requires the Enter itself to follow quickly', () => {
    const d = createScanDetector();
    let t = 0;
    for (const ch of '7KQ2M9XD') d.key(ch, (t += 5));
    expect(d.key('Enter', t + 400)).toBeNull();
  });

  it('ignores short bursts (a quick double key press) ', () => {
    const d = createScanDetector();
    expect(typeAll(d, 'AB', 10)).toBeNull();
  });

  it('lets Shift pass inside a burst and resets on other special keys', () => {
    const d = createScanDetector();
    let t = 0;
    for (const key of ['Shift', 'A', 'Shift', 'B', 'C', 'D', 'E', 'F']) d.key(key, (t += 4));
    expect(d.key('Enter', t + 4)).toBe('ABCDEF');

    for (const key of ['A', 'B', 'C', 'Backspace', 'D', 'E', 'F']) d.key(key, (t += 4));
    expect(d.key('Enter', t + 4)).toBeNull();
  });

  it('starts clean after each scan and after reset()', () => {
    const d = createScanDetector();
    expect(typeAll(d, 'AAAAAAAA', 5, 0)).toBe('AAAAAAAA');
    expect(typeAll(d, 'BBBBBBBB', 5, 100)).toBe('BBBBBBBB');
    d.key('C', 1000);
    d.reset();
    expect(d.key('Enter', 1001)).toBeNull();
  });

  it('respects custom thresholds', () => {
    const d = createScanDetector({ maxGapMs: 20, minLength: 3 });
    expect(typeAll(d, 'ABC', 15)).toBe('ABC');
    expect(typeAll(d, 'ABC', 25, 9000)).toBeNull();
  });
});

describe('keyOf', () => {
  const ev = (key: string, code: string, shiftKey = false) => ({ key, code, shiftKey });

  it('keeps ordinary ASCII keys', () => {
    expect(keyOf(ev('a', 'KeyA'))).toBe('a');
    expect(keyOf(ev('/', 'Slash'))).toBe('/');
    expect(keyOf(ev('Enter', 'Enter'))).toBe('Enter');
  });

  it('recovers ASCII from the physical key when a Korean IME is on', () => {
    expect(keyOf(ev('ㅅ', 'KeyT'))).toBe('t');
    expect(keyOf(ev('ㅆ', 'KeyT', true))).toBe('T');
    expect(keyOf(ev('Process', 'KeyK', true))).toBe('K');
    expect(keyOf(ev('Process', 'Digit7'))).toBe('7');
    expect(keyOf(ev('Process', 'Minus'))).toBe('-');
    expect(keyOf(ev('Process', 'Semicolon', true))).toBe(':');
    expect(keyOf(ev('Process', 'Numpad4'))).toBe('4');
  });
});
