import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { createIdleTimer, type IdleState } from './idle';

let states: IdleState[];
let onTimeout: Mock<() => void>;

const make = () =>
  createIdleTimer({
    idleMs: 60_000,
    warnMs: 20_000,
    onChange: (s) => states.push(s),
    onTimeout,
  });

beforeEach(() => {
  vi.useFakeTimers();
  states = [];
  onTimeout = vi.fn<() => void>();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createIdleTimer', () => {
  it('does nothing until started', () => {
    const t = make();
    vi.advanceTimersByTime(10 * 60_000);
    expect(t.state.phase).toBe('stopped');
    expect(onTimeout).not.toHaveBeenCalled();
  });

  it('warns after 60 s idle, counts 20 s down visibly, then times out', () => {
    const t = make();
    t.start();
    vi.advanceTimersByTime(59_999);
    expect(t.state.phase).toBe('active');
    vi.advanceTimersByTime(1);
    expect(t.state).toEqual({ phase: 'warning', secondsLeft: 20 });
    vi.advanceTimersByTime(1000);
    expect(t.state.secondsLeft).toBe(19);
    vi.advanceTimersByTime(18_000);
    expect(t.state.secondsLeft).toBe(1);
    expect(onTimeout).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(onTimeout).toHaveBeenCalledOnce();
    expect(t.state.phase).toBe('stopped');
    const countdown = states.filter((s) => s.phase === 'warning').map((s) => s.secondsLeft);
    expect(countdown).toEqual([
      20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1,
    ]);
    vi.advanceTimersByTime(10 * 60_000);
    expect(onTimeout).toHaveBeenCalledOnce();
  });

  it('a touch restarts the idle period', () => {
    const t = make();
    t.start();
    vi.advanceTimersByTime(50_000);
    t.touch();
    vi.advanceTimersByTime(50_000);
    expect(t.state.phase).toBe('active');
    vi.advanceTimersByTime(10_000);
    expect(t.state.phase).toBe('warning');
  });

  it('during the warning only "continue" extends; a stray touch does not dismiss it', () => {
    const t = make();
    t.start();
    vi.advanceTimersByTime(65_000);
    expect(t.state.phase).toBe('warning');
    t.touch();
    expect(t.state.phase).toBe('warning');
    t.extend();
    expect(t.state).toEqual({ phase: 'active', secondsLeft: 0 });
    vi.advanceTimersByTime(59_000);
    expect(t.state.phase).toBe('active');
    vi.advanceTimersByTime(1000 + 20_000);
    expect(onTimeout).toHaveBeenCalledOnce();
  });

  it('stop() cancels everything, including a running warning', () => {
    const t = make();
    t.start();
    vi.advanceTimersByTime(70_000);
    t.stop();
    expect(t.state.phase).toBe('stopped');
    vi.advanceTimersByTime(10 * 60_000);
    expect(onTimeout).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('touch and extend are ignored while stopped', () => {
    const t = make();
    t.touch();
    t.extend();
    expect(t.state.phase).toBe('stopped');
    expect(vi.getTimerCount()).toBe(0);
  });
});
