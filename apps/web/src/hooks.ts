import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '@seoro/i18n/runtime';

/** `/en/courses/x` is routed as `/courses/x`; the locale itself is read from the URL by paraglide. */
export const reroute: Reroute = ({ url }) => deLocalizeUrl(url).pathname;
