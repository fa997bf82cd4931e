/**
 * The built server (`dist/index.js`) as a child process on a free loopback port, with its output
 * captured, plus a plain `node:http` JSON client that can hold hundreds of connections open at once.
 * Every test that starts a process ends it by its PID (`endServer`) in `afterAll`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request, Agent } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const SERVER_ENTRY = join(import.meta.dirname, '..', '..', 'dist', 'index.js');

/** A port nobody listens on right now: bind port 0, read what the OS chose, let it go. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  /** `http://127.0.0.1:<port>`, also the origin mutations must be sent from. */
  base: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Settles when the process has exited. */
  exited: Promise<Exit>;
}

export interface StartOptions {
  databaseUrl: string;
  /** Extra environment (e.g. `SEED_DEMO: 'false'`, `LOG_LEVEL`). */
  env?: Record<string, string>;
  healthTimeoutMs?: number;
}

/** Spawns the built server and resolves once `/healthz` answers 200. */
export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  if (child.pid === undefined) throw new Error(`could not spawn ${SERVER_ENTRY}`);
  const server: ServerProcess = { child, pid: child.pid, port, base, output: () => output, exited };
  try {
    await waitForHealth(server, options.healthTimeoutMs ?? 20_000);
  } catch (error) {
    await endServer(server);
    throw error;
  }
  return server;
}

async function waitForHealth(server: ServerProcess, ms: number) {
  const until = Date.now() + ms;
  let exitedEarly = false;
  void server.exited.then(() => (exitedEarly = true));
  while (Date.now() < until && !exitedEarly) {
    try {
      if ((await fetch(`${server.base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `server did not become healthy${exitedEarly ? ' (it exited)' : ''}:\n${server.output()}`,
  );
}

/** True while the process has neither exited nor been reaped after a signal. */
export function isRunning(server: ServerProcess): boolean {
  return server.child.exitCode === null && server.child.signalCode === null;
}

/**
 * Ends the process by its PID: SIGTERM and a grace period first (the server exits 0 after
 * finishing requests), SIGKILL after that. Resolves once it has exited.
 */
export async function endServer(server: ServerProcess | undefined, graceMs = 5_000) {
  if (!server || !isRunning(server)) return;
  process.kill(server.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (isRunning(server)) process.kill(server.pid, 'SIGKILL');
  }, graceMs);
  await server.exited;
  clearTimeout(timer);
}

export interface JsonResponse {
  status: number;
  body: unknown;
}

/**
 * POSTs JSON as a same-origin browser would, over plain `node:http` with a keep-alive agent that
 * allows `maxSockets` connections at once (the global fetch would queue beyond its pool size).
 */
export function createJsonClient(base: string, maxSockets = 300) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const url = new URL(base);
  return {
    post(path: string, payload: unknown): Promise<JsonResponse> {
      const data = Buffer.from(JSON.stringify(payload));
      return new Promise((resolve, reject) => {
        const req = request(
          {
            agent,
            host: url.hostname,
            port: url.port,
            method: 'POST',
            path,
            headers: {
              'content-type': 'application/json',
              'content-length': data.length,
              origin: url.origin,
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('error', reject);
            res.on('aborted', () => reject(new Error('response aborted')));
            res.on('end', () => {
              if (!res.complete) return reject(new Error('response incomplete'));
              const text = Buffer.concat(chunks).toString('utf8');
              try {
                resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown });
              } catch {
                resolve({ status: res.statusCode ?? 0, body: text });
              }
            });
          },
        );
        req.on('error', reject);
        req.end(data);
      });
    },
    close() {
      agent.destroy();
    },
  };
}

/** One resident, unique by index: a Hangul name and a phone `010-<prefix>xxx-xxxx`. */
export function resident(i: number, prefix = 2) {
  return {
    name: `김${String.fromCharCode(0xac00 + (i % 11_172))}`,
    phone: `010-${prefix}${String(Math.floor(i / 10_000) % 1000).padStart(3, '0')}-${String(i % 10_000).padStart(4, '0')}`,
  };
}

export interface Registration {
  code: string;
  status: 'confirmed' | 'waitlisted';
  waitlistPosition: number | null;
  courseId: string;
}

/** The registration result from a successful `registration.register` response body. */
export function registrationOf(body: unknown): Registration {
  return (body as { result: { data: Registration } }).result.data;
}
