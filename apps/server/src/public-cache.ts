import { createHash } from 'node:crypto';
import { getCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { RESIDENT_COOKIE, STAFF_COOKIE } from './session-cookies';

/**
 * How a public answer may be kept outside the server. Browsers keep it but ask again every time
 * (`max-age=0`), with the ETag, so a repeat costs a 304 and a resident never sees a page older
 * than their own registration; a shared cache (a proxy in front) may serve it for a second, and
 * a little longer while it asks again in the background.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=1, stale-while-revalidate=5';

/** The public pages: the home page and a course page, in Korean and in English. */
const PUBLIC_PAGE = /^(?:\/en)?(?:\/|\/courses\/[A-Za-z0-9_-]{1,64})?$/;

/** The public tRPC queries: the current catalogue and a course, alone or batched together. */
const PUBLIC_QUERIES = new Set(['catalogue.currentTerm', 'catalogue.course']);

/** True for a request that carries a resident's or a staff member's session cookie. */
function hasSession(c: Context): boolean {
  const cookie = c.req.header('cookie');
  if (!cookie) return false;
  for (const name of [RESIDENT_COOKIE, STAFF_COOKIE]) {
    if (getCookie(c, name) !== undefined || getCookie(c, name, 'host') !== undefined) return true;
  }
  return false;
}

/** True for a GET (or HEAD) of a public page by a visitor with no session. */
export function isPublicPageRequest(c: Context): boolean {
  const method = c.req.method;
  if (method !== 'GET' && method !== 'HEAD') return false;
  const url = new URL(c.req.url);
  if (url.search !== '' || !PUBLIC_PAGE.test(url.pathname)) return false;
  return !hasSession(c);
}

/** True for a tRPC GET, by a visitor with no session, whose every procedure is a public query. */
export function isPublicQueryRequest(c: Context): boolean {
  if (c.req.method !== 'GET') return false;
  const path = c.req.path.slice('/trpc/'.length);
  return path.split(',').every((procedure) => PUBLIC_QUERIES.has(procedure)) && !hasSession(c);
}

/** A weak validator for a body: any change to it changes the tag. */
export function etagOf(body: Uint8Array<ArrayBuffer>): string {
  return `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/** The tag without its weakness mark: If-None-Match compares tags weakly. */
const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/** True when the request's If-None-Match names `etag`. */
function matches(c: Context, etag: string): boolean {
  const header = c.req.header('if-none-match');
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/** A kept answer: the response as sent, with the data's change mark it was made at. */
interface Kept {
  mark: string;
  at: number;
  status: number;
  headers: [string, string][];
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

/**
 * The response to send for a public answer `body` with `headers`: 304 when the request already
 * has it, else the body, either way with its ETag and `PUBLIC_CACHE_CONTROL`.
 */
function answer(c: Context, kept: Omit<Kept, 'mark' | 'at'>): Response {
  const headers = new Headers(kept.headers);
  headers.set('etag', kept.etag);
  headers.set('cache-control', PUBLIC_CACHE_CONTROL);
  if (matches(c, kept.etag)) {
    for (const name of ['content-type', 'content-length', 'content-security-policy'])
      headers.delete(name);
    return new Response(null, { status: 304, headers });
  }
  headers.set('content-length', String(kept.body.byteLength));
  return new Response(c.req.method === 'HEAD' ? null : kept.body, {
    status: kept.status,
    headers,
  });
}

/** Whether a fresh response may be kept and tagged: a whole 200 that sets no cookie. */
function keepable(response: Response): boolean {
  return response.status === 200 && !response.headers.has('set-cookie');
}

export interface PublicCacheOptions {
  /** The data's change mark (`Database.changeMark`); null: nothing is kept. */
  changeMark: () => string | null;
  /** False: answers are tagged and marked cacheable, but none is kept in the process. */
  keep: boolean;
  /** How long a kept answer serves while the data does not change (default 1000 ms). */
  maxAgeMs?: number;
  now?: () => number;
}

/**
 * The public answers (home and course pages, the catalogue queries) for visitors with no session:
 * each with an ETag and `PUBLIC_CACHE_CONTROL`, a repeat answered 304, and, with `keep`, the
 * answer kept in the process and sent again to the next visitors until the data changes (any
 * commit to the database moves its change mark) or `maxAgeMs` passes, whichever comes first.
 * Pages for a signed-in resident or staff member, and every other address, are never kept here:
 * they go straight to `make`.
 */
export function createPublicCache(options: PublicCacheOptions) {
  const maxAgeMs = options.maxAgeMs ?? 1000;
  const now = options.now ?? (() => performance.now());
  const kept = new Map<string, Kept>();
  const limit = 1000;
  const stats = { hits: 0, misses: 0 };

  return {
    stats,
    /** `make`'s response for `c`, or a kept one; `key` names what the request asks for. */
    async serve(c: Context, key: string, make: () => Promise<Response>): Promise<Response> {
      const mark = options.keep ? options.changeMark() : null;
      const at = now();
      const entry = mark === null ? undefined : kept.get(key);
      if (entry && entry.mark === mark && at - entry.at < maxAgeMs) {
        stats.hits += 1;
        return answer(c, entry);
      }
      stats.misses += 1;
      const response = await make();
      if (response.status === 304) {
        // SvelteKit answered the request's own tag: still say how it may be kept.
        response.headers.set('cache-control', PUBLIC_CACHE_CONTROL);
        return response;
      }
      if (!keepable(response)) return response;
      if (mark === null && response.headers.has('etag')) {
        // Not kept, and already tagged (SvelteKit tags its pages and answers a matching
        // If-None-Match itself): sent as it is, its body never read here.
        response.headers.set('cache-control', PUBLIC_CACHE_CONTROL);
        return response;
      }
      const body = new Uint8Array(await response.arrayBuffer());
      const headers = [...response.headers.entries()].filter(([name]) => name !== 'content-length');
      // SvelteKit tags the pages it renders; a tRPC answer is tagged here.
      const etag = response.headers.get('etag') ?? etagOf(body);
      const made = { status: response.status, headers, body, etag };
      // Kept only if nothing was written while it was made, so it is not older than its mark.
      if (mark !== null && options.changeMark() === mark && c.req.method === 'GET') {
        if (kept.size >= limit) kept.clear();
        kept.set(key, { ...made, mark, at });
      }
      return answer(c, made);
    },
  };
}

export type PublicCache = ReturnType<typeof createPublicCache>;
