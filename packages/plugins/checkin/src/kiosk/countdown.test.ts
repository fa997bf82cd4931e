import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCountdown } from './countdown';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createCountdown', () => {
  it('ticks every second and finishes once', () => {
    const ticks: number[] = [];
    const onDone = vi.fn();
    const c = createCountdown({ seconds: 3, onTick: (s) => ticks.push(s), onDone });
    c.restart();
    vi.advanceTimersByTime(3000);
    expect(ticks).toEqual([3, 2, 1, 0]);
    expect(onDone).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(5000);
    expect(onDone).toHaveBeenCalledOnce();
  });

  it('restart begins again from the full duration; stop cancels', () => {
    const onDone = vi.fn();
    const c = createCountdown({ seconds: 10, onTick: () => {}, onDone });
    c.restart();
    vi.advanceTimersByTime(9000);
    c.restart();
    vi.advanceTimersByTime(9000);
    expect(onDone).not.toHaveBeenCalled();
    c.stop();
    vi.advanceTimersByTime(60_000);
    expect(onDone).not.toHaveBeenCalled();
  });
});
