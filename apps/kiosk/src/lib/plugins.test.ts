import { describe, expect, it } from 'vitest';
import { allKioskPlugins, enabledKioskPlugins, kioskPlugins, pluginForScan } from './plugins';

describe('kiosk plugin registry', () => {
  it('shows only what the kiosk enabled, in registry order; registration has no kiosk part', () => {
    expect(allKioskPlugins().map((p) => p.manifest.id)).toContain('checkin');
    expect(enabledKioskPlugins(new Set(['checkin'])).map((p) => p.manifest.id)).toEqual([
      'checkin',
    ]);
    expect(allKioskPlugins().map((p) => p.manifest.id)).toEqual([
      'checkin',
      'signup',
      'my-registrations',
      'notices',
      'wishes',
    ]);
    expect(kioskPlugins.notices.startPanel).toBeDefined();
    expect(kioskPlugins.registration).toBeNull();
  });

  it('honours a kiosk that switched check-in off', () => {
    expect(enabledKioskPlugins(new Set(['registration']))).toEqual([]);
  });

  it('routes confirmation-code scans to check-in and nothing else', () => {
    const plugins = allKioskPlugins();
    expect(pluginForScan(plugins, '7KQ2-M9XD')?.manifest.id).toBe('checkin');
    expect(
      pluginForScan(plugins, 'https://seoro.example/registrations/7KQ2-M9XD')?.manifest.id,
    ).toBe('checkin');
    expect(pluginForScan(plugins, 'WIFI:T:WPA;S:hall;;')).toBeUndefined();
  });
});
