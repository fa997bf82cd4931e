import type { PluginId, PluginRoutes, ServerPlugin } from '@seoro/plugin-sdk';
import { checkinServerPlugin } from '@seoro/plugin-checkin/server';
import { myRegistrationsServerPlugin } from '@seoro/plugin-my-registrations/server';
import { registrationServerPlugin } from '@seoro/plugin-registration/server';
import { signupServerPlugin } from '@seoro/plugin-signup/server';
import { noticesServerPlugin } from '@seoro/plugin-notices/server';
import { wishesServerPlugin } from '@seoro/plugin-wishes/server';

/**
 * The server's plugin registry. Every plugin id must appear: a server part or `null`. Order is the
 * order hooks run in (after the core).
 */
export const serverPlugins = {
  registration: registrationServerPlugin,
  checkin: checkinServerPlugin,
  signup: signupServerPlugin,
  'my-registrations': myRegistrationsServerPlugin,
  notices: noticesServerPlugin,
  wishes: wishesServerPlugin,
} satisfies Record<PluginId, ServerPlugin | null>;

/** Hook handlers of every plugin that has a server part, in registry order. */
export const pluginHookHandlers = Object.values(serverPlugins)
  .filter((p): p is NonNullable<typeof p> => p !== null)
  .map((p) => p.hooks ?? {});

type RoutesUnion<R> = {
  [K in keyof R]: R[K] extends { routes: infer T } ? T : never;
}[keyof R];
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;
/** Every route of a registry's server parts, as one object type (for `AppRouter`). */
export type RegistryRoutes<R> = Intersection<RoutesUnion<R>>;

/**
 * The routes of every server part in a registry, merged in registry order. Two parts adding the
 * same top-level key, or a part taking a key of the core (`reserved`), is a mistake that would
 * silently hide a procedure: it stops the server at start instead.
 */
export function routesOf<R extends Record<string, ServerPlugin | null>>(
  registry: R,
  reserved: readonly string[],
): RegistryRoutes<R>;
export function routesOf(
  registry: Record<string, ServerPlugin | null>,
  reserved: readonly string[],
): PluginRoutes {
  const routes: PluginRoutes = {};
  for (const [id, plugin] of Object.entries(registry)) {
    for (const [key, route] of Object.entries(plugin?.routes ?? {})) {
      if (key in routes || reserved.includes(key)) {
        throw new Error(`Plugin "${id}" adds the route "${key}", which is already taken`);
      }
      routes[key] = route;
    }
  }
  return routes;
}
