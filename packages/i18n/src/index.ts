/** Korean first, English second: the locales every surface of the product speaks. */
export { locales, baseLocale, isLocale, type Locale } from './paraglide/runtime.js';
export * as m from './paraglide/messages.js';
