import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const paths = { webBuildDir: '/web', kioskDistDir: '/kiosk' };
const trustProxyOf = (value: string | undefined) =>
  loadConfig({ TRUST_PROXY: value }, paths).trustProxy;

describe('loadConfig', () => {
  it('TRUST_PROXY is a number of proxy hops, and a value that is not one is refused', () => {
    expect(trustProxyOf(undefined)).toBe(0);
    expect(trustProxyOf('')).toBe(0);
    expect(trustProxyOf('false')).toBe(0);
    expect(trustProxyOf('0')).toBe(0);
    expect(trustProxyOf('1')).toBe(1);
    expect(trustProxyOf('true')).toBe(1);
    expect(trustProxyOf('2')).toBe(2);
    for (const bad of ['yes please', '-1', '1.5', 'all', '99']) {
      expect(() => trustProxyOf(bad), bad).toThrow(/TRUST_PROXY/);
    }
  });
});
