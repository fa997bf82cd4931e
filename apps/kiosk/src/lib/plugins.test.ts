import { describe, expect, it } from 'vitest';
import { enabledKioskPlugins, kioskPlugins, pluginForScan } from './plugins';

describe('kiosk plugin registry', () => {
  it('shows the check-in and notices tiles; registration has no kiosk part yet', () => {
    const ids = enabledKioskPlugins().map((p) => p.manifest.id);
    expect(ids).toEqual(['checkin', 'notices']);
    expect(kioskPlugins.notices.startPanel).toBeDefined();
    expect(kioskPlugins.registration).toBeNull();
  });

  it('honours a kiosk that switched check-in off', () => {
    expect(enabledKioskPlugins(new Set(['registration']))).toEqual([]);
  });

  it('routes confirmation-code scans to check-in and nothing else', () => {
    const plugins = enabledKioskPlugins();
    expect(pluginForScan(plugins, '7KQ2-M9XD')?.manifest.id).toBe('checkin');
    expect(
      pluginForScan(plugins, 'https://seoro.example/registrations/7KQ2-M9XD')?.manifest.id,
    ).toBe('checkin');
    expect(pluginForScan(plugins, 'WIFI:T:WPA;S:hall;;')).toBeUndefined();
  });
});
