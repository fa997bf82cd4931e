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

describe('notification settings', () => {
  const load = (env: Record<string, string>) => loadConfig(env, paths).notifications;

  it('are read at start: none means the log, NOTIFY_FILE a file, SMTP and the gateway their own', () => {
    expect(load({})).toEqual({
      file: null,
      sms: null,
      email: null,
      siteOrigin: 'http://127.0.0.1:3000',
    });
    const all = load({
      NOTIFY_FILE: '/var/log/seoro/notifications.jsonl',
      NOTIFY_SMS_WEBHOOK_URL: 'https://sms.example.org/send',
      SMTP_HOST: 'smtp.example.org',
      SMTP_PORT: '465',
      SMTP_FROM: '서로서로학교 <noreply@example.org>',
    });
    expect(all.file).toBe('/var/log/seoro/notifications.jsonl');
    expect(all.sms).toMatchObject({ url: 'https://sms.example.org/send', timeoutMs: 10_000 });
    expect(all.email).toMatchObject({ host: 'smtp.example.org', port: 465, secure: true });
    // Plain data: it crosses to the writer thread by structured clone.
    expect(structuredClone(all)).toEqual(all);
  });

  it('link texts to the public origin, or else to the server itself', () => {
    expect(load({ PUBLIC_ORIGIN: 'https://school.example.org' }).siteOrigin).toBe(
      'https://school.example.org',
    );
    expect(load({ HOST: '0.0.0.0', PORT: '8080' }).siteOrigin).toBe('http://localhost:8080');
  });

  it('stop the start with the variable named when one is wrong', () => {
    const smtp = { SMTP_HOST: 'smtp.example.org', SMTP_FROM: 'a@example.org' };
    expect(() => load({ SMTP_HOST: 'smtp.example.org' })).toThrow(/SMTP_FROM/);
    expect(() => load({ ...smtp, SMTP_PORT: 'abc' })).toThrow(/SMTP_PORT/);
    expect(() => load({ ...smtp, SMTP_PORT: '70000' })).toThrow(/SMTP_PORT/);
    expect(() => load({ ...smtp, SMTP_USER: 'staff' })).toThrow(/SMTP_USER and SMTP_PASS/);
    expect(() => load({ NOTIFY_SMS_WEBHOOK_URL: 'ftp://x?token=secret' })).toThrow(
      /^NOTIFY_SMS_WEBHOOK_URL must be an http or https URL$/,
    );
    expect(() =>
      load({ NOTIFY_SMS_WEBHOOK_URL: 'https://x', NOTIFY_SMS_WEBHOOK_TIMEOUT_MS: '0' }),
    ).toThrow(/NOTIFY_SMS_WEBHOOK_TIMEOUT_MS/);
  });
});
