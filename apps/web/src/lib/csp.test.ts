import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import config, { ANNOUNCER_STYLE_HASH } from '../../svelte.config.js';

const directives = config.kit?.csp?.directives ?? {};

describe('content security policy', () => {
  it('allows no inline scripts and no inline styles beyond the route announcer', () => {
    expect(directives['script-src']).toEqual(['self']);
    expect(directives['style-src']).not.toContain('unsafe-inline');
    expect(directives['frame-ancestors']).toEqual(['none']);
    expect(directives['default-src']).toEqual(['self']);
  });

  it("matches the installed SvelteKit's announcer style", () => {
    const rootSource = readFileSync(
      fileURLToPath(
        new URL('../../node_modules/@sveltejs/kit/src/core/sync/write_root.js', import.meta.url),
      ),
      'utf8',
    );
    const style = /id="svelte-announcer"[^>]*style="([^"]+)"/.exec(rootSource)?.[1];
    expect(style, 'announcer markup not found in SvelteKit').toBeTruthy();
    const hash = `sha256-${createHash('sha256')
      .update(style ?? '')
      .digest('base64')}`;
    expect(hash).toBe(ANNOUNCER_STYLE_HASH);
    expect(directives['style-src']).toContain(ANNOUNCER_STYLE_HASH);
  });
});
