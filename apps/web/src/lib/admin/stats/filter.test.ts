import { describe, expect, it } from 'vitest';
import { percent, readStatsFilter, statsQuery } from './filter';

describe('statistics filter', () => {
  it('reads term and years from the address, leaving malformed parts out', () => {
    const url = new URL('http://x/admin/stats?term=abc&from=2015&to=20x6');
    expect(readStatsFilter(url)).toEqual({
      termId: 'abc',
      fromYear: 2015,
      toYear: null,
      termOnly: false,
    });
    expect(readStatsFilter(new URL('http://x/admin/stats?from=1999&only=term'))).toEqual({
      termId: null,
      fromYear: null,
      toYear: null,
      termOnly: true,
    });
  });

  it('writes the same filter back as a query string', () => {
    expect(statsQuery({ termId: 't 1', fromYear: 2015, toYear: 2025 })).toBe(
      '?term=t+1&from=2015&to=2025',
    );
    expect(statsQuery({})).toBe('');
    const url = new URL(
      `http://x/admin/stats${statsQuery({ termId: 'a', toYear: 2020, termOnly: true })}`,
    );
    expect(readStatsFilter(url)).toEqual({
      termId: 'a',
      fromYear: null,
      toYear: 2020,
      termOnly: true,
    });
  });

  it('shows shares as whole percentages and nothing measured as a dash', () => {
    expect(percent(0.625)).toBe('63%');
    expect(percent(1)).toBe('100%');
    expect(percent(null)).toBe('—');
  });
});
