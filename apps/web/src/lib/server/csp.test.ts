import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ANNOUNCER_STYLE_HASH,
  CSP_DIRECTIVES,
  contentSecurityPolicy,
  inlineScriptHashes,
} from './csp';

const sha = (text: string) => createHash('sha256').update(text).digest('base64');

describe('content security policy', () => {
  it('allows no inline scripts and no inline styles beyond the route announcer', () => {
    expect(CSP_DIRECTIVES['script-src']).toEqual(["'self'"]);
    expect(CSP_DIRECTIVES['style-src']).not.toContain("'unsafe-inline'");
    expect(CSP_DIRECTIVES['frame-ancestors']).toEqual(["'none'"]);
    expect(CSP_DIRECTIVES['default-src']).toEqual(["'self'"]);
  });

  it("matches the installed SvelteKit's announcer style", () => {
    const rootSource = readFileSync(
      fileURLToPath(
        new URL('../../../node_modules/@sveltejs/kit/src/core/sync/write_root.js', import.meta.url),
      ),
      'utf8',
    );
    const style = /id="svelte-announcer"[^>]*style="([^"]+)"/.exec(rootSource)?.[1];
    expect(style, 'announcer markup not found in SvelteKit').toBeTruthy();
    expect(`sha256-${sha(style ?? '')}`).toBe(ANNOUNCER_STYLE_HASH);
    expect(CSP_DIRECTIVES['style-src']).toContain(`'${ANNOUNCER_STYLE_HASH}'`);
  });

  it('hashes exactly the inline scripts a browser would run', () => {
    const boot = '\n\t{ __sveltekit_x = { base: "" }; }\n';
    const html = [
      '<!doctype html><html><head>',
      '<script type="module" src="/_app/start.js"></script>',
      `</head><body><div><script>${boot}</script>`,
      '<script type="application/json" data-sveltekit-fetched>{"a":"</div>"}</script>',
      "<script type='module'>import('/x.js')</script>",
      '</div></body></html>',
    ].join('');
    expect(inlineScriptHashes(html)).toEqual([sha(boot), sha("import('/x.js')")]);
    expect(inlineScriptHashes('<p>no scripts</p>')).toEqual([]);
  });

  it('puts the hashes in script-src and nowhere else', () => {
    const policy = contentSecurityPolicy(['abc=', 'def=']);
    expect(policy).toContain("script-src 'self' 'sha256-abc=' 'sha256-def='");
    expect(policy).toContain(`style-src 'self' 'unsafe-hashes' '${ANNOUNCER_STYLE_HASH}'`);
    expect(policy.match(/sha256-abc=/g)).toHaveLength(1);
    expect(policy).not.toContain('nonce');
  });
});
