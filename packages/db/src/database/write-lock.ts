/**
 * Serialises async work: each call starts after the previous one settled. A failed task does not
 * break the chain.
 */
export function createWriteLock() {
  let tail: Promise<unknown> = Promise.resolve();
  return function withWriteLock<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
