/**
 * The kiosk's session time-out (Korean kiosk accessibility rules: warn at least 20 s ahead and let
 * the person extend). After `idleMs` without a touch the warning phase begins with a visible
 * countdown of `warnMs`; if nobody continues, `onTimeout` ends the session.
 */

export type IdlePhase = 'stopped' | 'active' | 'warning';

export interface IdleState {
  phase: IdlePhase;
  /** Whole seconds left in the warning; 0 outside it. */
  secondsLeft: number;
}

export interface IdleTimerOptions {
  idleMs: number;
  warnMs: number;
  onChange: (state: IdleState) => void;
  onTimeout: () => void;
}

export interface IdleTimer {
  /** Begin a session (entering any screen but the start screen). */
  start(): void;
  /** The person touched or typed: restart the idle period. Ignored during the warning, which only `extend()` ends. */
  touch(): void;
  /** "Continue" in the warning: back to a full idle period. */
  extend(): void;
  /** Session over (back on the start screen): no timers left running. */
  stop(): void;
  readonly state: IdleState;
}

export function createIdleTimer(options: IdleTimerOptions): IdleTimer {
  const { idleMs, warnMs, onChange, onTimeout } = options;
  let state: IdleState = { phase: 'stopped', secondsLeft: 0 };
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let tickTimer: ReturnType<typeof setInterval> | undefined;

  const set = (next: IdleState) => {
    state = next;
    onChange(next);
  };
  const clear = () => {
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    if (tickTimer !== undefined) clearInterval(tickTimer);
    idleTimer = tickTimer = undefined;
  };

  const warn = () => {
    let left = Math.ceil(warnMs / 1000);
    set({ phase: 'warning', secondsLeft: left });
    tickTimer = setInterval(() => {
      left -= 1;
      if (left > 0) {
        set({ phase: 'warning', secondsLeft: left });
        return;
      }
      clear();
      set({ phase: 'stopped', secondsLeft: 0 });
      onTimeout();
    }, 1000);
  };

  const activate = () => {
    clear();
    if (state.phase !== 'active') set({ phase: 'active', secondsLeft: 0 });
    idleTimer = setTimeout(warn, idleMs);
  };

  return {
    start: activate,
    extend: () => {
      if (state.phase !== 'stopped') activate();
    },
    touch: () => {
      if (state.phase === 'active') activate();
    },
    stop: () => {
      clear();
      if (state.phase !== 'stopped') set({ phase: 'stopped', secondsLeft: 0 });
    },
    get state() {
      return state;
    },
  };
}
