import type { PluginId, WebPlugin } from '@seoro/plugin-sdk';
import { registrationWebPlugin } from '@seoro/plugin-registration/web';

/**
 * The public site's one plugin registry. Typed over every `PluginId`, so adding a plugin to the SDK
 * fails this build until the site says yes (its web part) or no (`null`). Order is render order.
 */
export const webPlugins = {
  registration: registrationWebPlugin,
  checkin: null, // check-in happens at the kiosk; nothing on the public site
  signup: null, // on-site signup is the kiosk's; the site has its own registration form
  'my-registrations': null, // the site's /my belongs to the registration plugin
  notices: null, // kiosk announcements; nothing on the public site yet
  wishes: null, // the site's /wishes page and /admin/wishes are the site's own
} satisfies Record<PluginId, WebPlugin | null>;
