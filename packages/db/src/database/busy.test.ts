import { describe, expect, it } from 'vitest';
import { retryOnFreshConnection } from './busy';

const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

describe('retryOnFreshConnection', () => {
  it('replaces the connection after SQLITE_BUSY and tries once more', () => {
    const events: string[] = [];
    let attempts = 0;
    const result = retryOnFreshConnection(
      () => {
        events.push(`attempt ${++attempts}`);
        if (attempts === 1) throw busy();
        return 'begun';
      },
      () => events.push('replaced'),
    );
    expect(result).toBe('begun');
    expect(events).toEqual(['attempt 1', 'replaced', 'attempt 2']);
  });

  it('replaces it again after a second busy, so the next attempt starts fresh', () => {
    let replaced = 0;
    expect(() =>
      retryOnFreshConnection(
        () => {
          throw busy();
        },
        () => replaced++,
      ),
    ).toThrow('database is locked');
    expect(replaced).toBe(2);
  });

  it('keeps the connection after any other error', () => {
    let replaced = 0;
    expect(() =>
      retryOnFreshConnection(
        () => {
          throw new Error('disk I/O error');
        },
        () => replaced++,
      ),
    ).toThrow('disk I/O error');
    expect(replaced).toBe(0);
  });
});
