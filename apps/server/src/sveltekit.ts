import { existsSync, createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { Context, MiddlewareHandler } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

/** What the server hands SvelteKit as `event.platform`. */
export type KitPlatform = Record<string, unknown>;

export interface KitHandlers {
  /** Immutable client assets (hashed, cached for a year) and other static files. */
  assets: MiddlewareHandler;
  /** Server-side rendering and form actions. */
  render: (c: Context, platform: KitPlatform, clientAddress: string) => Promise<Response>;
}

/**
 * Loads the SvelteKit build (written by the web app's adapter as `build/kit`) and serves it through
 * Hono, so one fetch pipeline carries logging and security headers for every page.
 */
export async function loadSvelteKit(buildDir: string): Promise<KitHandlers> {
  const kitDir = join(buildDir, 'kit');
  if (!existsSync(join(kitDir, 'index.js'))) {
    throw new Error(`No SvelteKit build at ${kitDir}. Run the build first (pnpm build).`);
  }
  const { Server } = (await import(pathToFileURL(join(kitDir, 'index.js')).href)) as {
    Server: new (manifest: unknown) => {
      init(opts: {
        env: Record<string, string>;
        read: (file: string) => ReadableStream;
      }): Promise<void>;
      respond(
        request: Request,
        opts: { getClientAddress: () => string; platform: unknown },
      ): Promise<Response>;
    };
  };
  const { manifest } = (await import(pathToFileURL(join(kitDir, 'manifest.js')).href)) as {
    manifest: unknown;
  };
  const server = new Server(manifest);
  const clientDir = join(buildDir, 'client');
  await server.init({
    env: process.env as Record<string, string>,
    read: (file) => Readable.toWeb(createReadStream(join(clientDir, file))) as ReadableStream,
  });
  // adapter-node wrote .br and .gz copies of the client files: sent as they are, never compressed
  // per request.
  const assets = serveStatic({
    root: clientDir,
    precompressed: true,
    onFound: (path, c) => {
      c.header(
        'Cache-Control',
        path.includes('/_app/immutable/')
          ? 'public, max-age=31536000, immutable'
          : 'public, max-age=3600',
      );
    },
  });
  return {
    assets,
    render: (c, platform, clientAddress) =>
      server.respond(c.req.raw, { getClientAddress: () => clientAddress, platform }),
  };
}
