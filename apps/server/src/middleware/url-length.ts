import type { Context, MiddlewareHandler } from 'hono';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import type { Locale } from '@seoro/domain';
import { localizeMessage } from '@seoro/trpc';

/**
 * The longest request target (path and query string) served: 8 KiB. Longer ones get 414. Node
 * itself refuses a request whose start line and headers together pass 16 KiB (431, see
 * `answerClientErrors`), so this answers the range between with a sentence.
 */
export const MAX_URL_LENGTH = 8 * 1024;

export interface UrlLengthOptions {
  /** Longest request target served, in bytes (URLs on the wire are ASCII); default 8 KiB. */
  maxLength?: number;
  /** Where the tRPC API is mounted: its callers get a tRPC-shaped JSON error; default `/trpc`. */
  apiPrefix?: string;
  /** The caller's language, for the API's message (pages say it in both). */
  locale: (c: Context) => Locale;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A short page in Korean and English, for browsers and anything else that is not the API. */
export function bilingualPage(title: string, ko: string, en: string): string {
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body><p>${escapeHtml(ko)}</p><p lang="en">${escapeHtml(en)}</p></body></html>`;
}

/**
 * Refuses a URL longer than `maxLength` with 414 before anything parses it: a tRPC error (the
 * shape tRPC clients read, `data.httpStatus` 414) under the API, a bilingual page elsewhere. A
 * GET query carries its input in the URL, so this is also the limit on a query's input.
 */
export function urlLength(options: UrlLengthOptions): MiddlewareHandler {
  const maxLength = options.maxLength ?? MAX_URL_LENGTH;
  const apiPrefix = options.apiPrefix ?? '/trpc';
  return async function urlLengthMiddleware(c, next) {
    const href = c.req.url;
    // The target is shorter than the whole URL, so most requests stop at the first comparison.
    if (href.length <= maxLength || href.length - new URL(href).origin.length <= maxLength) {
      return next();
    }
    if (c.req.path === apiPrefix || c.req.path.startsWith(`${apiPrefix}/`)) {
      return c.json(
        {
          error: {
            message: localizeMessage('err_url_too_long', options.locale(c)),
            code: TRPC_ERROR_CODES_BY_KEY.BAD_REQUEST,
            data: { code: 'BAD_REQUEST', httpStatus: 414, domainCode: null, field: null },
          },
        },
        414,
      );
    }
    return c.html(
      bilingualPage(
        '414',
        localizeMessage('err_url_too_long', 'ko'),
        localizeMessage('err_url_too_long', 'en'),
      ),
      414,
    );
  };
}
