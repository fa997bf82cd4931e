import type { Handle, HandleServerError } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { env } from '$env/dynamic/private';
import { AsyncLocalStorage } from 'node:async_hooks';
import { localeOfPath, m } from '@seoro/i18n';
import { getServerAsyncLocalStorage, overwriteServerAsyncLocalStorage } from '@seoro/i18n/runtime';
import { createApiClient } from '$lib/server/api';
import { csp } from '$lib/server/csp';
import { staffGate } from '$lib/server/staff-gate';

type LocaleStore = Parameters<NonNullable<ReturnType<typeof getServerAsyncLocalStorage>>['run']>[0];
/** Where messages called without a locale find the request's (paraglide's `getLocale`). */
const localeStorage = new AsyncLocalStorage<LocaleStore>();
overwriteServerAsyncLocalStorage(localeStorage);

/**
 * Decides the locale from the URL (`/en/...` is English, everything else Korean: the only rule
 * there is, so no cookie or header can change a page) and sets <html lang>. `reroute` (hooks.ts)
 * routes `/en/x` as `/x`. Paraglide's own middleware would also clone every request to
 * de-localize its URL and match URL patterns twice, for the same answer.
 */
const i18n: Handle = ({ event, resolve }) => {
  const locale = localeOfPath(event.url.pathname);
  event.locals.locale = locale;
  // app.html says lang="ko"; only an English page is rewritten (its first tag), the rest go as
  // rendered.
  return localeStorage.run({ locale, origin: event.url.origin, messageCalls: new Set() }, () =>
    resolve(
      event,
      locale === 'ko'
        ? undefined
        : {
            transformPageChunk: ({ html }) =>
              html.replace('<html lang="ko"', `<html lang="${locale}"`),
          },
    ),
  );
};

/** A typed API client per request, speaking the request's language. */
const api: Handle = ({ event, resolve }) => {
  event.locals.api = createApiClient(event, event.locals.locale, env.API_URL);
  return resolve(event);
};

export const handle = sequence(i18n, csp, api, staffGate);

/**
 * Logs the cause of a failure of ours; the resident only ever sees a sentence in their language,
 * never a stack trace. A request SvelteKit itself refused (4xx: a form posted as JSON, a bad
 * body) is the client's mistake, not an error to log.
 */
export const handleError: HandleServerError = ({ error, event, status }) => {
  if (status === 404) return { message: m.web_error_not_found_title() };
  if (status >= 400 && status < 500) return { message: m.web_form_unreadable() };
  console.error(`[web] ${event.request.method} ${event.url.pathname} failed (${status})`, error);
  return {
    message: m.web_error_generic_body({ operator: m.common_operator() }),
    kind: 'unavailable',
  };
};
