import type { PluginId, ServerPlugin } from '@seoro/plugin-sdk';
import { checkinServerPlugin } from '@seoro/plugin-checkin/server';
import { registrationServerPlugin } from '@seoro/plugin-registration/server';

/**
 * The server's plugin registry. Every plugin id must appear: a server part or `null`. Order is the
 * order hooks run in (after the core).
 */
export const serverPlugins = {
  registration: registrationServerPlugin,
  checkin: checkinServerPlugin,
} satisfies Record<PluginId, ServerPlugin | null>;

/** Hook handlers of every plugin that has a server part, in registry order. */
export const pluginHookHandlers = Object.values(serverPlugins)
  .filter((p): p is NonNullable<typeof p> => p !== null)
  .map((p) => p.hooks ?? {});
