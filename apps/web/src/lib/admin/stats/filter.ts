/** The statistics page's filter as it travels in the address: `?term=&from=&to=`. */
export interface StatsFilter {
  /** A term id, or null for the newest term that has started. */
  termId: string | null;
  fromYear: number | null;
  toYear: number | null;
  /** `?only=term`: the cumulative record counts the chosen term only, not the years. */
  termOnly: boolean;
}

const year = (value: string | null): number | null => {
  if (!value || !/^\d{4}$/.test(value.trim())) return null;
  const n = Number(value.trim());
  return n >= 2000 && n <= 2100 ? n : null;
};

/** Reads the filter from a URL; anything malformed is left out rather than refused. */
export function readStatsFilter(url: URL): StatsFilter {
  const term = url.searchParams.get('term')?.trim().slice(0, 64) || null;
  return {
    termId: term,
    fromYear: year(url.searchParams.get('from')),
    toYear: year(url.searchParams.get('to')),
    termOnly: url.searchParams.get('only') === 'term',
  };
}

/** The query string of a filter (empty parts left out), for links that keep the view. */
export function statsQuery(filter: {
  termId?: string | null;
  fromYear?: number | null;
  toYear?: number | null;
  termOnly?: boolean;
}): string {
  const query = new URLSearchParams();
  if (filter.termId) query.set('term', filter.termId);
  if (filter.fromYear) query.set('from', String(filter.fromYear));
  if (filter.toYear) query.set('to', String(filter.toYear));
  if (filter.termOnly && filter.termId) query.set('only', 'term');
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** A share as a whole percentage ("83%"), or the dash when there is nothing to measure. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}
