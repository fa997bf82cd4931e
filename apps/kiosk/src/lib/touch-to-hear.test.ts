import { describe, expect, it } from 'vitest';
import { SECOND_TAP_MS, tapDecision, type Armed } from './touch-to-hear';

describe('tapDecision', () => {
  it('hears on the first tap and acts on the second tap of the same control', () => {
    const first = tapDecision(null, 'check-in', 1_000);
    expect(first).toEqual({ act: false, armed: { control: 'check-in', at: 1_000 } });
    expect(tapDecision(first.armed, 'check-in', 3_000)).toEqual({ act: true, armed: null });
  });

  it('hears again after a pause, or when another control is tapped', () => {
    const armed = { control: 'check-in', at: 1_000 };
    expect(tapDecision(armed, 'check-in', 1_000 + SECOND_TAP_MS + 1).act).toBe(false);
    expect(tapDecision(armed, 'signup', 2_000)).toEqual({
      act: false,
      armed: { control: 'signup', at: 2_000 },
    });
  });

  it('never acts on a control that was not heard just before', () => {
    const times = [0, 1, SECOND_TAP_MS - 1, SECOND_TAP_MS, SECOND_TAP_MS + 1, 60_000];
    const arms: Array<Armed<string> | null> = [null];
    for (const control of ['a', 'b']) for (const at of times) arms.push({ control, at });
    for (const armed of arms) {
      for (const control of ['a', 'b']) {
        for (const now of times) {
          const { act } = tapDecision(armed, control, now);
          const heardJustBefore =
            armed !== null &&
            armed.control === control &&
            now >= armed.at &&
            now - armed.at <= SECOND_TAP_MS;
          expect(act, JSON.stringify({ armed, control, now })).toBe(heardJustBefore);
        }
      }
    }
  });
});
