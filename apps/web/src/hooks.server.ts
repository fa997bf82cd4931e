import type { Handle, HandleServerError } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { env } from '$env/dynamic/private';
import { paraglideMiddleware } from '@seoro/i18n/server';
import { m } from '@seoro/i18n';
import { createApiClient } from '$lib/server/api';
import { staffGate } from '$lib/server/staff-gate';

/** Decides the locale (URL first: `/en/...` is English, everything else Korean) and sets <html lang>. */
const i18n: Handle = ({ event, resolve }) =>
  paraglideMiddleware(event.request, ({ request, locale }) => {
    event.request = request;
    event.locals.locale = locale;
    return resolve(event, {
      transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale),
    });
  });

/** A typed API client per request, speaking the request's language. */
const api: Handle = ({ event, resolve }) => {
  event.locals.api = createApiClient(event, event.locals.locale, env.API_URL);
  return resolve(event);
};

export const handle = sequence(i18n, api, staffGate);

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
