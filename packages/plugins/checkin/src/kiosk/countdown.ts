/** A visible countdown in whole seconds, e.g. "returning to the start in 10 s". */
export interface Countdown {
  /** (Re)starts from the full duration. */
  restart(): void;
  stop(): void;
}

export function createCountdown(opts: {
  seconds: number;
  onTick: (secondsLeft: number) => void;
  onDone: () => void;
}): Countdown {
  let timer: ReturnType<typeof setInterval> | undefined;
  let left = opts.seconds;
  const stop = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };
  return {
    restart() {
      stop();
      left = opts.seconds;
      opts.onTick(left);
      timer = setInterval(() => {
        left -= 1;
        opts.onTick(left);
        if (left <= 0) {
          stop();
          opts.onDone();
        }
      }, 1000);
    },
    stop,
  };
}
