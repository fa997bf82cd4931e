import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  consoleTransport,
  fileTransport,
  smtpTransport,
  transportsFromEnv,
  webhookTransport,
  type NotificationTransport,
  type OutgoingNotification,
} from './transports';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const sms: OutgoingNotification = {
  id: '5f0c7c1e-0000-4000-8000-000000000001',
  channel: 'sms',
  recipient: '+821012345678',
  text: '[서로서로학교] ‘캘리그라피’ 수강신청이 확정되었습니다. 확인 코드 AB12-CD34',
  subject: '[서로서로학교] 수강신청 확정 안내',
  template: 'enrolment_confirmed',
};
const email: OutgoingNotification = {
  ...sms,
  id: '5f0c7c1e-0000-4000-8000-000000000002',
  channel: 'email',
  recipient: 'resident@example.org',
  text: '[Seoroseoro School] Reminder: "Calligraphy" on Sun, Nov 29, 2:00-4:00 PM.',
  subject: '[Seoroseoro School] Class reminder',
  template: 'meeting_reminder',
};

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'seoro-notify-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function track(transport: NotificationTransport): NotificationTransport {
  cleanups.push(() => transport.close?.());
  return transport;
}

interface Captured {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingMessage['headers'];
  body: unknown;
}

/** A gateway on 127.0.0.1 that records each request and answers through `respond`. */
async function startGateway(respond: (res: ServerResponse) => void = (res) => res.end('{}')) {
  const requests: Captured[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      requests.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: JSON.parse(raw),
      });
      respond(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/v1/sms`, requests };
}

interface Mail {
  from: string;
  to: string[];
  data: string;
}

/** Just enough SMTP on 127.0.0.1 for one client: no TLS, no auth; RCPT with "reject" gets a 550. */
async function startSmtpServer() {
  const received: Mail[] = [];
  let connections = 0;
  const server: Server = createTcpServer((socket) => {
    connections++;
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let mail: Mail = { from: '', to: [], data: '' };
    socket.write('220 localhost ESMTP test\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let i = buffer.indexOf('\r\n'); i >= 0; i = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(mail);
            mail = { from: '', to: [], data: '' };
            socket.write('250 2.0.0 queued\r\n');
          } else {
            mail.data += `${line.startsWith('..') ? line.slice(1) : line}\n`;
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-localhost\r\n250 8BITMIME\r\n');
        else if (verb === 'MAIL') {
          mail.from = line;
          socket.write('250 2.1.0 ok\r\n');
        } else if (verb === 'RCPT') {
          if (line.includes('reject')) socket.write('550 5.1.1 mailbox unavailable\r\n');
          else {
            mail.to.push(line);
            socket.write('250 2.1.5 ok\r\n');
          }
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    connections: () => connections,
  };
}

describe('consoleTransport', () => {
  it('writes one line per message through the given log function', async () => {
    const lines: string[] = [];
    const transport = consoleTransport({ log: (line) => lines.push(line) });
    await transport.send(sms);
    await transport.send({ ...email, text: 'first line\nsecond line' });
    expect(transport.name).toBe('console');
    expect(lines).toEqual([
      `[notification] sms to +821012345678 (enrolment_confirmed, ${sms.id}): ${sms.text}`,
      `[notification] email to resident@example.org (meeting_reminder, ${email.id}): first line second line`,
    ]);
  });
});

describe('fileTransport', () => {
  it('appends JSON lines, creating the folder, readable by the owner only', async () => {
    const path = join(tempDir(), 'nested', 'deeper', 'outbox.jsonl');
    const at = new Date('2026-01-08T05:00:00Z');
    const transport = track(fileTransport({ path, clock: { now: () => at } }));
    await transport.send(sms);
    await transport.send(email);
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((l) => JSON.parse(l))).toEqual([
      {
        at: at.toISOString(),
        id: sms.id,
        channel: 'sms',
        to: sms.recipient,
        template: sms.template,
        subject: sms.subject,
        text: sms.text,
      },
      {
        at: at.toISOString(),
        id: email.id,
        channel: 'email',
        to: email.recipient,
        template: email.template,
        subject: email.subject,
        text: email.text,
      },
    ]);
    expect(statSync(path).mode & 0o077).toBe(0);
  });
});

describe('fileTransport under a burst', () => {
  it('writes every line once, in the order sent, and close waits for them', async () => {
    const path = join(tempDir(), 'outbox.jsonl');
    const transport = fileTransport({ path });
    const ids = Array.from(
      { length: 200 },
      (_, i) => `5f0c7c1e-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    const sends = ids.map((id) => transport.send({ ...sms, id }));
    await transport.close!();
    await Promise.all(sends);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(ids);
  });

  it('can be closed twice (both channels may share it) and writes again after', async () => {
    const path = join(tempDir(), 'outbox.jsonl');
    const transport = fileTransport({ path });
    await transport.send(sms);
    await transport.close!();
    await transport.close!();
    await transport.send(email);
    await transport.close!();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual([sms.id, email.id]);
  });
});

describe('fileTransport when its folder cannot be made', () => {
  it('fails the send, then recovers once the folder can be made', async () => {
    const dir = tempDir();
    const blocker = join(dir, 'spool');
    writeFileSync(blocker, 'a file where the folder should be');
    const transport = track(fileTransport({ path: join(blocker, 'outbox.jsonl') }));
    await expect(transport.send(sms)).rejects.toThrow(/EEXIST|ENOTDIR/);
    rmSync(blocker);
    await transport.send(sms);
    expect(readFileSync(join(blocker, 'outbox.jsonl'), 'utf8')).toContain(sms.id);
  });
});

describe('webhookTransport', () => {
  it('POSTs the message as JSON with the bearer token and the outbox id as idempotency key', async () => {
    const gateway = await startGateway();
    await webhookTransport({ url: gateway.url, token: 's3cret-token', timeoutMs: 2000 }).send(sms);
    expect(gateway.requests).toHaveLength(1);
    const [request] = gateway.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/sms');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.authorization).toBe('Bearer s3cret-token');
    expect(request?.headers['idempotency-key']).toBe(sms.id);
    expect(request?.body).toEqual({
      id: sms.id,
      to: '+821012345678',
      text: sms.text,
      template: 'enrolment_confirmed',
    });
  });

  it('sends no Authorization header without a token', async () => {
    const gateway = await startGateway((res) => {
      res.statusCode = 202;
      res.end();
    });
    await webhookTransport({ url: gateway.url }).send(sms);
    expect(gateway.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('treats a 500 as a failure, without echoing the answer', async () => {
    const gateway = await startGateway((res) => {
      res.statusCode = 500;
      res.end('internal error: token s3cret-token rejected');
    });
    const send = webhookTransport({ url: gateway.url, token: 's3cret-token' }).send(sms);
    await expect(send).rejects.toThrow('SMS gateway answered HTTP 500');
    await send.catch((error: Error) => expect(error.message).not.toContain('s3cret'));
  });

  it('treats a redirect as a failure instead of following it', async () => {
    const gateway = await startGateway((res) => {
      res.writeHead(307, { location: 'http://127.0.0.1:9/elsewhere' });
      res.end();
    });
    await expect(webhookTransport({ url: gateway.url }).send(sms)).rejects.toThrow('HTTP 307');
    expect(gateway.requests).toHaveLength(1);
  });

  it('treats a gateway that does not answer in time as a failure', async () => {
    const gateway = await startGateway(() => {
      // never answers
    });
    const started = Date.now();
    await expect(webhookTransport({ url: gateway.url, timeoutMs: 200 }).send(sms)).rejects.toThrow(
      'SMS gateway did not answer within 200 ms',
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(gateway.requests).toHaveLength(1);
  });

  it('treats a refused connection as a failure', async () => {
    const gateway = await startGateway();
    await cleanups.pop()!(); // closes the gateway: nothing listens on its port any more
    await expect(webhookTransport({ url: gateway.url }).send(sms)).rejects.toThrow(
      'SMS gateway unreachable: ECONNREFUSED',
    );
  });

  it('refuses e-mail rows and URLs that are not http(s)', async () => {
    const gateway = await startGateway();
    await expect(webhookTransport({ url: gateway.url }).send(email)).rejects.toThrow(
      'sends SMS only',
    );
    expect(gateway.requests).toHaveLength(0);
    expect(() => webhookTransport({ url: 'ftp://127.0.0.1/sms' })).toThrow(
      'must be an http or https URL',
    );
  });
});

describe('smtpTransport', () => {
  it('delivers an e-mail row with the outbox id as its Message-ID', async () => {
    const smtp = await startSmtpServer();
    const transport = track(
      smtpTransport({
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        from: 'Seoroseoro School <noreply@example.org>',
        timeoutMs: 5000,
      }),
    );
    await transport.send(email);
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.from).toBe('MAIL FROM:<noreply@example.org>');
    expect(mail?.to).toEqual(['RCPT TO:<resident@example.org>']);
    expect(mail?.data).toContain('Subject: [Seoroseoro School] Class reminder\n');
    expect(mail?.data).toContain(`Message-ID: <${email.id}@example.org>\n`);
    expect(mail?.data).toContain(`X-Outbox-ID: ${email.id}\n`);
    expect(mail?.data).toContain(email.text);
  });

  it('sends one message after another over the same connection', async () => {
    const smtp = await startSmtpServer();
    const transport = track(
      smtpTransport({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'a@example.org' }),
    );
    for (const to of ['one@example.org', 'two@example.org', 'three@example.org']) {
      await transport.send({ ...email, id: randomUUID(), recipient: to });
    }
    expect(smtp.received.map((m) => m.to)).toEqual([
      ['RCPT TO:<one@example.org>'],
      ['RCPT TO:<two@example.org>'],
      ['RCPT TO:<three@example.org>'],
    ]);
    expect(smtp.connections()).toBe(1);
  });

  it('reports a rejected recipient as a failure', async () => {
    const smtp = await startSmtpServer();
    const transport = track(
      smtpTransport({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'a@example.org' }),
    );
    await expect(transport.send({ ...email, recipient: 'reject@example.org' })).rejects.toThrow(
      /^SMTP delivery failed \(EENVELOPE\): .*550/,
    );
    expect(smtp.received).toHaveLength(0);
  });

  it('refuses an sms row before connecting', async () => {
    const transport = track(
      smtpTransport({ host: '127.0.0.1', port: 9, secure: false, from: 'a@example.org' }),
    );
    await expect(transport.send(sms)).rejects.toThrow(
      'The SMTP transport sends e-mail only; it cannot deliver a sms message',
    );
  });
});

describe('transportsFromEnv', () => {
  const pick = (env: Record<string, string | undefined>) => {
    const transports = transportsFromEnv(env);
    cleanups.push(() => transports.email.close?.());
    return { sms: transports.sms.name, email: transports.email.name };
  };

  it('writes to the console when nothing is configured', async () => {
    expect(pick({})).toEqual({ sms: 'console', email: 'console' });
    const lines: string[] = [];
    await transportsFromEnv({}, { log: (l) => lines.push(l) }).sms.send(sms);
    expect(lines).toHaveLength(1);
  });

  it('uses NOTIFY_FILE for every channel without its own transport', () => {
    expect(pick({ NOTIFY_FILE: '/tmp/outbox.jsonl' })).toEqual({ sms: 'file', email: 'file' });
  });

  it('sends SMS to the webhook and e-mail over SMTP when configured', async () => {
    const gateway = await startGateway();
    expect(
      pick({
        NOTIFY_SMS_WEBHOOK_URL: gateway.url,
        NOTIFY_SMS_WEBHOOK_TOKEN: 'tok',
        NOTIFY_FILE: '/tmp/outbox.jsonl',
      }),
    ).toEqual({ sms: 'webhook', email: 'file' });
    expect(
      pick({
        SMTP_HOST: 'smtp.example.org',
        SMTP_PORT: '465',
        SMTP_USER: 'u',
        SMTP_PASS: 'p',
        SMTP_FROM: 'noreply@example.org',
      }),
    ).toEqual({ sms: 'console', email: 'smtp' });

    const { sms: webhook } = transportsFromEnv({
      NOTIFY_SMS_WEBHOOK_URL: gateway.url,
      NOTIFY_SMS_WEBHOOK_TOKEN: 'tok',
    });
    await webhook.send(sms);
    expect(gateway.requests[0]?.headers.authorization).toBe('Bearer tok');
  });

  it('refuses incomplete or invalid settings without repeating secret values', () => {
    expect(() => pick({ SMTP_HOST: 'smtp.example.org' })).toThrow(
      'SMTP_FROM is required when SMTP_HOST is set',
    );
    expect(() => pick({ SMTP_HOST: 'h', SMTP_FROM: 'a@b.c', SMTP_USER: 'u' })).toThrow(
      'SMTP_USER and SMTP_PASS must be set together',
    );
    expect(() => pick({ SMTP_HOST: 'h', SMTP_FROM: 'a@b.c', SMTP_PORT: '25x' })).toThrow(
      'SMTP_PORT must be a positive integer',
    );
    expect(() => pick({ SMTP_HOST: 'h', SMTP_FROM: 'a@b.c', SMTP_SECURE: 'yes' })).toThrow(
      'SMTP_SECURE must be true or false',
    );
    expect(() => pick({ NOTIFY_SMS_WEBHOOK_URL: 'not a url?token=abc' })).toThrow(
      'NOTIFY_SMS_WEBHOOK_URL is not a valid URL',
    );
    try {
      pick({ NOTIFY_SMS_WEBHOOK_URL: 'not a url?token=abc' });
    } catch (error) {
      expect((error as Error).message).not.toContain('abc');
    }
    expect(() =>
      pick({ NOTIFY_SMS_WEBHOOK_URL: 'http://127.0.0.1/', NOTIFY_SMS_WEBHOOK_TIMEOUT_MS: '0' }),
    ).toThrow('NOTIFY_SMS_WEBHOOK_TIMEOUT_MS must be a positive integer');
  });
});
