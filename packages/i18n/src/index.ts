/** Korean first, English second: the locales every surface of the product speaks. */
export { locales, baseLocale, isLocale, type Locale } from './paraglide/runtime.js';
export * as m from './paraglide/messages.js';

/**
 * The locale an address is in, by its path: `/en` and below are English, everything else Korean.
 * The same answer as the compiled URL patterns give (`/en/:path*` for English, the rest for the
 * base locale), without building URL patterns for every request.
 */
export function localeOfPath(pathname: string): 'ko' | 'en' {
  return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'ko';
}
