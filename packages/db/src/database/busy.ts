/** True when the error, or any error in its cause chain, is SQLite's "database is locked". */
export function isBusyError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 8; depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT') return true;
    if (/SQLITE_BUSY|database is locked/.test(String((e as { message?: unknown }).message ?? '')))
      return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Runs `attempt`; if another process held the lock past the busy timeout, `replace`s the
 * connection and runs it once more. A libSQL connection that reported SQLITE_BUSY can be left on
 * a stale snapshot where every later write fails, so it is closed and opened anew rather than
 * reused; after a second busy it is replaced again before the error is thrown, so the next
 * attempt starts fresh.
 */
export function retryOnFreshConnection<T>(attempt: () => T, replace: () => void): T {
  try {
    return attempt();
  } catch (error) {
    if (!isBusyError(error)) throw error;
  }
  replace();
  try {
    return attempt();
  } catch (again) {
    if (isBusyError(again)) replace();
    throw again;
  }
}

/** Closes a connection that is being replaced; one already broken may throw and is dropped. */
export function closeReplaced(connection: { close(): void }): void {
  try {
    connection.close();
  } catch {
    // Already broken; its replacement is opened by the caller.
  }
}
