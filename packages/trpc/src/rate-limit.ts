import { DomainError } from '@seoro/domain';

/**
 * Fixed-window counters in memory, per bucket and key (an IP, a phone). One process serves the
 * product, so memory is the right place; a restart forgives everyone, which is acceptable.
 */
export interface RateLimiter {
  /** Counts one hit; false when the key is over its limit in the current window. */
  hit(bucket: string, key: string, limit: number, windowMs: number, now?: number): boolean;
  /** Takes back one hit of the current window (an attempt that turned out to be no threat). */
  forgive(bucket: string, key: string): void;
}

export function createRateLimiter(): RateLimiter {
  const windows = new Map<string, { resetAt: number; count: number }>();
  let lastSweep = 0;
  return {
    hit(bucket, key, limit, windowMs, now = Date.now()) {
      if (now - lastSweep > 60_000) {
        for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
        lastSweep = now;
      }
      const id = `${bucket}\u0000${key}`;
      const current = windows.get(id);
      if (!current || current.resetAt <= now) {
        windows.set(id, { resetAt: now + windowMs, count: 1 });
        return true;
      }
      current.count += 1;
      return current.count <= limit;
    },
    forgive(bucket, key) {
      const current = windows.get(`${bucket}\u0000${key}`);
      if (current && current.count > 0) current.count -= 1;
    },
  };
}

/** Throws the `rate_limited` refusal (HTTP 429, localized) when over the limit. */
export function enforceRateLimit(
  limiter: RateLimiter,
  bucket: string,
  key: string | null,
  limit: number,
  windowMs = 60_000,
) {
  if (!limiter.hit(bucket, key ?? 'unknown', limit, windowMs)) {
    throw new DomainError('rate_limited');
  }
}
