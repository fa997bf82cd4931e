import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { securityHeaders } from './security-headers';
import { kioskHeaders } from './kiosk-headers';
import { sameOriginMutations } from './same-origin';
import { redactPath, requestLog } from './request-log';
import { urlLength } from './url-length';

describe('securityHeaders', () => {
  it('adds a CSP unless the response has one, and always frame-ancestors', async () => {
    const app = new Hono();
    app.use('*', securityHeaders());
    app.get('/plain', (c) => c.text('x'));
    app.get('/own', (c) => {
      c.header('Content-Security-Policy', "script-src 'self' 'sha256-abc'");
      return c.text('x');
    });
    const plain = await app.request('/plain');
    expect(plain.headers.get('content-security-policy')).toContain("default-src 'self'");
    const own = await app.request('/own');
    expect(own.headers.get('content-security-policy')).toBe(
      "script-src 'self' 'sha256-abc'; frame-ancestors 'none'",
    );
    expect(own.headers.get('x-frame-options')).toBe('DENY');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const tls = await app.request('https://example.test/plain');
    expect(tls.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('sends the rest of the set on every response', async () => {
    const app = new Hono();
    app.use('*', securityHeaders());
    app.get('/', (c) => c.text('x'));
    const res = await app.request('/');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('permissions-policy')).toBe(
      'camera=(), microphone=(), geolocation=(), payment=()',
    );
  });
});

describe('kioskHeaders', () => {
  it('lets only the kiosk use the camera and compile its QR reader', async () => {
    const app = new Hono();
    app.use('/kiosk/*', kioskHeaders());
    app.use('*', securityHeaders());
    app.get('*', (c) => c.text('x'));
    const kiosk = await app.request('/kiosk/');
    expect(kiosk.headers.get('permissions-policy')).toBe(
      'camera=(self), microphone=(), geolocation=(), payment=()',
    );
    const csp = kiosk.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp.replace("'wasm-unsafe-eval'", '')).not.toContain('unsafe');
    const site = await app.request('/courses');
    expect(site.headers.get('permissions-policy')).toContain('camera=()');
    expect(site.headers.get('content-security-policy')).not.toContain('wasm');
  });
});

describe('sameOriginMutations', () => {
  const app = new Hono();
  app.use('*', sameOriginMutations({ origin: 'https://school.example' }));
  app.post('/m', (c) => c.text('done'));
  app.get('/q', (c) => c.text('read'));
  const post = (headers: Record<string, string>) =>
    app.request('/m', { method: 'POST', headers, body: '{}' });

  it('lets same-origin JSON and queries through', async () => {
    expect(
      (await post({ 'content-type': 'application/json', origin: 'https://school.example' })).status,
    ).toBe(200);
    expect((await post({ 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
    expect((await app.request('/q', { headers: { origin: 'https://evil.example' } })).status).toBe(
      200,
    );
  });
  it('refuses other origins, cross-site fetches and non-JSON bodies', async () => {
    expect(
      (await post({ 'content-type': 'application/json', origin: 'https://evil.example' })).status,
    ).toBe(403);
    expect(
      (await post({ 'content-type': 'application/json', 'sec-fetch-site': 'same-site' })).status,
    ).toBe(403);
    expect((await post({ 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
  });
});

describe('requestLog', () => {
  it('logs one JSON line per request without confirmation codes', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(JSON.parse(String(chunk)));
        cb();
      },
    });
    const app = new Hono();
    app.use('*', requestLog({ logger: pino({ level: 'info' }, sink) }));
    app.get('/registrations/:code', (c) => c.text('ok'));
    app.get('/healthz', (c) => c.text('ok'));
    const res = await app.request('/registrations/7KQ2-M9XD', {
      headers: { 'x-request-id': 'abcdef123456' },
    });
    await app.request('/healthz');
    expect(res.headers.get('x-request-id')).toBe('abcdef123456');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      method: 'GET',
      path: '/registrations/:code',
      status: 200,
      requestId: 'abcdef123456',
    });
    expect(JSON.stringify(lines)).not.toContain('7KQ2');
    expect(redactPath('/a/ABCD-EFGH/b')).toBe('/a/:code/b');
    expect(redactPath('/registrations/abcdefgh')).toBe('/registrations/:code');
    // Ids that merely contain such a run stay readable.
    const id = '/courses/eedae4a0-ab08-41da-9365-ed2b408346df';
    expect(redactPath(id)).toBe(id);
  });
});

describe('urlLength', () => {
  const app = new Hono();
  app.use(
    '*',
    urlLength({ maxLength: 100, locale: (c) => (c.req.header('x-lang') === 'en' ? 'en' : 'ko') }),
  );
  app.get('*', (c) => c.text('served'));

  it('serves a URL up to the limit and refuses a longer one with 414 and a sentence', async () => {
    const at = (target: string) => `http://school.example${target}`;
    expect((await app.request(at(`/p?q=${'x'.repeat(100 - 5)}`))).status).toBe(200);
    const page = await app.request(at(`/p?q=${'x'.repeat(100 - 4)}`));
    expect(page.status).toBe(414);
    const html = await page.text();
    expect(html).toContain('주소가 너무 깁니다');
    expect(html).toContain('This address is too long');

    const api = await app.request(at(`/trpc/a.b?input=${'x'.repeat(100)}`), {
      headers: { 'x-lang': 'en' },
    });
    expect(api.status).toBe(414);
    expect(await api.json()).toEqual({
      error: {
        message: 'This address is too long. Please start again from the home page.',
        code: -32600,
        data: { code: 'BAD_REQUEST', httpStatus: 414, domainCode: null, field: null },
      },
    });
  });
});
