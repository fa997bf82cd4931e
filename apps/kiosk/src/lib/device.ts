/**
 * The kiosk's identity on this device: the token pairing gave it (the only secret it keeps) and
 * the last description the server gave of it (name, room, plugins — nothing personal), so the
 * shell can start with the network down. Both live in localStorage, which survives a power cut.
 */
import type { KioskDevice, PluginId } from '@seoro/plugin-sdk';
import { pluginIds } from '@seoro/plugin-sdk';

export const TOKEN_KEY = 'seoro.kiosk.token';
const DEVICE_KEY = 'seoro.kiosk.device';

/** What the shell needs to run: who it is, and which plugins staff enabled on it. */
export interface DeviceInfo extends KioskDevice {
  enabledPlugins: PluginId[];
}

const isPluginId = (id: string): id is PluginId => (pluginIds as readonly string[]).includes(id);

/** The server's answer, keeping only plugin ids this build knows. */
export function deviceInfo(answer: KioskDevice & { enabledPlugins: string[] }): DeviceInfo {
  return {
    id: answer.id,
    name: answer.name,
    venue: answer.venue,
    room: answer.room,
    enabledPlugins: answer.enabledPlugins.filter(isPluginId),
  };
}

export function readToken(storage: Storage): string | null {
  return storage.getItem(TOKEN_KEY);
}

export function savePairing(storage: Storage, token: string): void {
  storage.setItem(TOKEN_KEY, token);
  storage.removeItem(DEVICE_KEY);
}

export function saveDevice(storage: Storage, device: DeviceInfo): void {
  storage.setItem(DEVICE_KEY, JSON.stringify(device));
}

export function readDevice(storage: Storage): DeviceInfo | null {
  try {
    const raw = storage.getItem(DEVICE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as DeviceInfo;
    return typeof parsed.id === 'string' && Array.isArray(parsed.enabledPlugins)
      ? { ...parsed, enabledPlugins: parsed.enabledPlugins.filter(isPluginId) }
      : null;
  } catch {
    return null;
  }
}

/** Forgets the pairing (revoked, or re-paired elsewhere): the kiosk asks for a code again. */
export function forgetPairing(storage: Storage): void {
  storage.removeItem(TOKEN_KEY);
  storage.removeItem(DEVICE_KEY);
}

/**
 * A pairing code handed over in the address (`/kiosk/#pair=K7QP-3MWX`), as the demo start prints
 * it: the fragment never reaches the server's logs. Null when there is none.
 */
export function pairingCodeFromHash(hash: string): string | null {
  const match = /^#pair=([0-9A-Za-z-]{8,12})$/.exec(hash);
  return match ? match[1]! : null;
}
