/**
 * The kiosk's plugin registry: one entry per plugin id, a kiosk part or null. Adding an id to
 * `pluginIds` in the SDK fails this file's type check until the kiosk says yes or no. The shell
 * shows tiles and screens only through this object.
 */
import { pluginIds, type KioskPlugin, type PluginId } from '@seoro/plugin-sdk';
import { checkinKioskPlugin } from '@seoro/plugin-checkin/kiosk';
import { signupKioskPlugin } from '@seoro/plugin-signup/kiosk';
import { myRegistrationsKioskPlugin } from '@seoro/plugin-my-registrations/kiosk';
import { noticesKioskPlugin } from '@seoro/plugin-notices/kiosk';
import { wishesKioskPlugin } from '@seoro/plugin-wishes/kiosk';

export const kioskPlugins = {
  checkin: checkinKioskPlugin,
  // The web registration form; on-site signup at the kiosk is its own plugin.
  registration: null,
  signup: signupKioskPlugin,
  'my-registrations': myRegistrationsKioskPlugin,
  notices: noticesKioskPlugin,
  wishes: wishesKioskPlugin,
} satisfies Record<PluginId, KioskPlugin | null>;

/** Every plugin with a kiosk part, enabled here or not (their offline work is still sent). */
export function allKioskPlugins(): KioskPlugin[] {
  return enabledKioskPlugins(new Set(pluginIds));
}

/** The plugins this kiosk's staff enabled that have a kiosk part, in the SDK's registry order. */
export function enabledKioskPlugins(enabled: ReadonlySet<PluginId>): KioskPlugin[] {
  return pluginIds.flatMap((id) => {
    const plugin: KioskPlugin | null = kioskPlugins[id];
    return plugin !== null && enabled.has(id) ? [plugin] : [];
  });
}

/** The first enabled plugin that claims a scanned text, if any. */
export function pluginForScan(
  plugins: readonly KioskPlugin[],
  text: string,
): KioskPlugin | undefined {
  return plugins.find((p) => p.acceptsScan?.(text) === true);
}
