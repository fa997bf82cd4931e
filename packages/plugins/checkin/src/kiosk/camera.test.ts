import { describe, expect, it, vi } from 'vitest';
import { cameraProblemOf, stopStream } from './camera';

const named = (name: string) => Object.assign(new Error(name), { name });

describe('camera problems', () => {
  it('tell a refusal from a missing camera from anything else', () => {
    expect(cameraProblemOf(named('NotAllowedError'))).toBe('denied');
    expect(cameraProblemOf(named('SecurityError'))).toBe('denied');
    expect(cameraProblemOf(named('NotFoundError'))).toBe('missing');
    expect(cameraProblemOf(named('NotReadableError'))).toBe('missing');
    expect(cameraProblemOf(new TypeError('failed to fetch the reader'))).toBe('failed');
    expect(cameraProblemOf('nonsense')).toBe('failed');
    expect(cameraProblemOf(null)).toBe('failed');
  });

  it('stopping a stream stops every track, and no stream is no error', () => {
    const tracks = [{ stop: vi.fn() }, { stop: vi.fn() }];
    stopStream({ getTracks: () => tracks });
    for (const track of tracks) expect(track.stop).toHaveBeenCalledOnce();
    expect(() => stopStream(null)).not.toThrow();
  });
});
