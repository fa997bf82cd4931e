/** What a `ReadCache` asks of the database: a mark that changes whenever the data may have. */
export interface ChangeMarked {
  /** Null when changes cannot be seen happen (a libSQL server): nothing is kept then. */
  changeMark(): string | null;
}

interface Entry {
  mark: string;
  at: number;
  value: unknown;
}

/**
 * Read results kept in memory for the public pages' readers (the catalogue, a course), so that a
 * crowd loading the same page costs one read. An entry serves only while the database's change
 * mark (SQLite's `data_version`, which moves with every commit by any connection) is the one it
 * was read at, and for at most `maxAgeMs`, since what a page shows also moves with the clock
 * (registration opens at a given second). So a seat count is never older than the last write, nor
 * than `maxAgeMs`: a resident who has just registered sees their seat taken.
 *
 * Values are shared between callers and must not be changed by them.
 */
export class ReadCache {
  #database: ChangeMarked;
  #maxAgeMs: number;
  #now: () => number;
  #entries = new Map<string, Entry>();
  /** Keys kept at most; past it the cache starts again (course ids come from the address). */
  static readonly limit = 1000;
  hits = 0;
  misses = 0;

  constructor(database: ChangeMarked, options: { maxAgeMs?: number; now?: () => number } = {}) {
    this.#database = database;
    this.#maxAgeMs = options.maxAgeMs ?? 1000;
    this.#now = options.now ?? (() => performance.now());
  }

  /** The kept value for `key`, or `load()`'s, kept if nothing changed while it loaded. */
  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const mark = this.#database.changeMark();
    if (mark === null) return load();
    const at = this.#now();
    const entry = this.#entries.get(key);
    if (entry && entry.mark === mark && at - entry.at < this.#maxAgeMs) {
      this.hits += 1;
      return entry.value as T;
    }
    this.misses += 1;
    const value = await load();
    if (this.#database.changeMark() === mark) {
      if (this.#entries.size >= ReadCache.limit) this.#entries.clear();
      this.#entries.set(key, { mark, at, value });
    }
    return value;
  }
}
