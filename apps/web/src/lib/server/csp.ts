import { createHash } from 'node:crypto';
import type { Handle } from '@sveltejs/kit';

/**
 * SvelteKit's route announcer (a visually hidden live region it adds after hydration) carries a
 * fixed `style` attribute. 'unsafe-hashes' plus its hash allows exactly that attribute and nothing
 * else; `csp.test.ts` recomputes the hash from the installed SvelteKit so an upgrade that changes
 * it fails the tests instead of silently breaking the CSP.
 */
export const ANNOUNCER_STYLE_HASH = 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo=';

/**
 * The site's policy. No 'unsafe-inline' anywhere: we use no Svelte transitions and no style
 * attributes, and the only inline scripts are SvelteKit's own, allowed one by one by their hash.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-hashes'", `'${ANNOUNCER_STYLE_HASH}'`],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
  'base-uri': ["'self'"],
};

/** The policy with these inline-script hashes added to `script-src`. */
export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  return Object.entries(CSP_DIRECTIVES)
    .map(([name, sources]) =>
      [
        name,
        ...sources,
        ...(name === 'script-src' ? scriptHashes.map((h) => `'sha256-${h}'`) : []),
      ].join(' '),
    )
    .join('; ');
}

const OPEN = '<script';
const CLOSE = '</script>';

/**
 * The sha256 (base64) of every inline script in a page: each `<script>` with no `src` whose type,
 * if any, is one a browser runs. JSON data blocks are never executed, so need no hash.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  let at = html.indexOf(OPEN);
  while (at !== -1) {
    const tagEnd = html.indexOf('>', at);
    if (tagEnd === -1) break;
    const close = html.indexOf(CLOSE, tagEnd);
    if (close === -1) break;
    const attributes = html.slice(at + OPEN.length, tagEnd);
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    const runs = type === undefined || type === 'module' || type.includes('javascript');
    if (runs && !/\bsrc\s*=/i.test(attributes)) {
      hashes.push(
        createHash('sha256')
          .update(html.slice(tagEnd + 1, close))
          .digest('base64'),
      );
    }
    at = html.indexOf(OPEN, close + CLOSE.length);
  }
  return hashes;
}

/**
 * Sets the page's CSP with a hash for each inline script, never a nonce: a public page may be
 * served again from the server's page cache or a proxy, and a nonce must not be seen twice, while
 * a page's hash stays true of the page it was computed for. SvelteKit's own `csp` option would do
 * the same with a sha256 written in JavaScript; Node's native one costs a tenth. We stream no
 * page, so the one chunk SvelteKit hands over is the whole document.
 */
export const csp: Handle = async ({ event, resolve }) => {
  let hashes: string[] | undefined;
  const response = await resolve(event, {
    transformPageChunk: ({ html }) => {
      hashes = [...(hashes ?? []), ...inlineScriptHashes(html)];
      return html;
    },
  });
  if (hashes !== undefined) {
    response.headers.set('content-security-policy', contentSecurityPolicy(hashes));
  }
  return response;
};
