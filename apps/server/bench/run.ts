/**
 * `pnpm bench`: the registration path measured against the transport's ceiling and against raw
 * libSQL write transactions, all in one run on this machine, over loopback only.
 *
 *   ping_rps      a tRPC query through the same server stack that touches no database
 *   raw_tx_per_s  registration-shaped write transactions straight on libSQL, no HTTP
 *   rps           the registration rush: 200 connections, unique residents, 10-seat courses
 *   p50/p99_ms    registration latency at a fixed arrival rate of 2,000 requests/s (open loop),
 *                 beside the ping's at the same rate
 *   ratio         rps / ping_rps
 *
 * Then the pages residents load before they register, on a second server over a fresh demo
 * database (its few courses, as on the site), each with its ratio to the same run's ping_rps:
 *
 *   catalogue_rps   `catalogue.currentTerm` over tRPC (HTTP GET)
 *   home_rps        `/`, server-rendered; course_rps: a course page, server-rendered; with the
 *                   in-process caches on, then with the page cache off (*_rendered: each page
 *                   rendered anew from data kept between writes), then with both off (*_uncached)
 *   checkin_p99_ms  a kiosk check-in at a fixed rate, beside the ping's p99 at that same rate
 *
 * Writes a report under bench/results/ and ends by printing one JSON line.
 */
import autocannon, { type Result } from 'autocannon';
import { createClient } from '@libsql/client';
import Libsql from 'libsql';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { Database } from '@seoro/db';
import { seedDemoData } from '@seoro/db/seed';
import { makeCourse, makeRoom, makeTerm } from '@seoro/db/test';
import { createServiceContext, pairNewKiosk } from '@seoro/services';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 200;
const FIXED_RATE = 2000;
/** Unmeasured seconds at the fixed rate before its latency is recorded. */
const WARMUP_S = 2;
const COURSES = 400;
const CAPACITY = 10;
/** Connections for the page and catalogue phases: visitors reading, not a rush. */
const READ_CONNECTIONS = 10;
/** Kiosk check-ins a second in the check-in phase (many kiosks' worth), and the ping beside it. */
const CHECKIN_RATE = 200;

const here = import.meta.dirname;
const dir = mkdtempSync(join(tmpdir(), 'seoro-bench-'));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** A fresh database with one open term and `COURSES` courses of `CAPACITY` seats. */
async function prepare(file: string): Promise<string[]> {
  const database = await Database.open({ url: `file:${file}` });
  await database.migrate();
  const { roomId } = await makeRoom(database);
  const term = await makeTerm(database, { perResidentLimit: null });
  const ids: string[] = [];
  for (let i = 0; i < COURSES; i++) {
    ids.push((await makeCourse(database, { termId: term.id, roomId }, { capacity: CAPACITY })).id);
  }
  await database.close();
  return ids;
}

let residentNo = 0;
/** A new resident each time: a Hangul name and a unique 010 number. */
function nextResident() {
  const n = residentNo++;
  const name = String.fromCharCode(
    0xac00 + (n % 11172),
    0xac00 + ((n * 7) % 11172),
    0xac00 + ((n * 13) % 11172),
  );
  const digits = String(20_000_000 + n).padStart(8, '0');
  return { name, phone: `010-${digits.slice(0, 4)}-${digits.slice(4)}` };
}

async function startServer(file: string, port: number, extraEnv: Record<string, string> = {}) {
  let output = '';
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=prof", profiles the server under load.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  // The flags scripts/start.sh starts the server with.
  const productionFlags = ['--max-semi-space-size=32'];
  const child = spawn(
    process.execPath,
    [...productionFlags, ...nodeArgs, join(here, '..', 'dist', 'index.js')],
    {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: `file:${file}`,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        NOTIFY_FILE: join(dir, 'notifications.jsonl'),
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, base, output: () => output };
}

type PoolRequest = Parameters<Pool['dispatch']>[0];

/** The n-th registration of the fixed-rate phase: a new resident, the courses in turn. */
function registrationAt(base: string, courseIds: string[]) {
  return (n: number): PoolRequest => {
    const r = nextResident();
    return {
      path: '/trpc/registration.register',
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({
        courseId: courseIds[n % courseIds.length]!,
        name: r.name,
        phone: r.phone,
        consent: true,
      }),
    };
  };
}

/** The rush for autocannon: the same registrations as `registrationAt`, 200 at a time. */
function registrationRequests(base: string, courseIds: string[]): autocannon.Options {
  const next = registrationAt(base, courseIds);
  let i = 0;
  return {
    url: base,
    requests: [
      {
        method: 'POST',
        path: '/trpc/registration.register',
        headers: { 'content-type': 'application/json', origin: base },
        setupRequest: (req: autocannon.Request) => ({ ...req, body: next(i++).body as string }),
      },
    ],
  };
}

/**
 * Requests at a fixed arrival rate, open loop: request i is due at start + i/rate and is sent
 * when due, whether or not earlier ones have been answered, over up to `CONNECTIONS` keep-alive
 * connections. Latency counts from when a request was due, so a server (or a load tool) that falls
 * behind shows in full, with no coordinated omission. The first `warmupSeconds` run at the same
 * rate and are not measured: they open the connections (a TCP handshake each) and let the server
 * settle at the rate. (autocannon's `overallRate` is not an arrival rate: each connection sends its
 * share of every second back to back as the second starts, a burst at full concurrency.)
 */
async function fixedRate(
  base: string,
  requestAt: (n: number) => PoolRequest,
  rate: number,
  seconds: number,
  warmupSeconds: number,
) {
  const pool = new Pool(base, { connections: CONNECTIONS, pipelining: 1 });
  const warmup = Math.round(rate * warmupSeconds);
  const total = warmup + Math.round(rate * seconds);
  const latencies: number[] = [];
  const status = { ok: 0, errors5xx: 0, otherStatus: 0, failed: 0 };
  let sent = 0;
  let answered = 0;
  let lastSentAt = 0;
  const start = performance.now() + 20;
  const dueAt = (n: number) => start + (n * 1000) / rate;
  await new Promise<void>((resolve) => {
    const settle = () => {
      answered++;
      if (answered === total) resolve();
    };
    const tick = () => {
      const now = performance.now();
      while (sent < total && dueAt(sent) <= now) {
        const n = sent++;
        const due = dueAt(n);
        lastSentAt = now;
        // The handler form of undici's API: no promise and no body stream per response, so the
        // load tool takes less of the CPU it shares with the server (about 100 µs a request
        // instead of 165 here).
        let statusCode = 0;
        pool.dispatch(requestAt(n), {
          onConnect() {},
          onHeaders(code) {
            statusCode = code;
            return true;
          },
          onData: () => true,
          onComplete() {
            if (n >= warmup) latencies.push(performance.now() - due);
            if (statusCode >= 200 && statusCode < 300) status.ok++;
            else if (statusCode >= 500) status.errors5xx++;
            else status.otherStatus++;
            settle();
          },
          onError() {
            status.failed++;
            settle();
          },
        });
      }
      if (sent < total) setTimeout(tick, 1);
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });
  await pool.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Number(
      (latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(1),
    );
  return {
    ...status,
    measured: latencies.length,
    sentRps: Math.round((total - warmup) / ((lastSentAt - dueAt(warmup)) / 1000 || 1)),
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: at(1),
  };
}

/** CPU time a process has used, in µs (Linux /proc; null elsewhere). Clock ticks are 1/100 s. */
function processCpuUs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return null;
  }
}

const run = (opts: autocannon.Options) =>
  new Promise<Result>((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });

const count5xx = (r: Result) =>
  Object.entries(r.statusCodeStats ?? {})
    .filter(([code]) => Number(code) >= 500)
    .reduce((sum, [, v]) => sum + (v as { count: number }).count, 0);

/**
 * Registration-shaped write transactions straight on libSQL, no HTTP: one connection, prepared
 * statements, one transaction (and so one fsync under synchronous=FULL) per registration.
 */
async function rawTransactions(seconds: number): Promise<number> {
  const file = join(dir, 'raw.db');
  const courseIds = await prepare(file);
  const db = new Libsql(file, { timeout: 5000 });
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  const statements = {
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    course: db.prepare(
      'select c.*, t.* from courses c join terms t on t.id = c.term_id where c.id = ?',
    ),
    resident: db.prepare('select id from residents where phone_e164 = ?'),
    insertResident: db.prepare(
      'insert into residents (id, name, phone_e164, consented_at, consent_version, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)',
    ),
    live: db.prepare(
      "select count(*) from enrolments where course_id = ? and resident_id = ? and status <> 'cancelled'",
    ),
    counts: db.prepare(
      "select sum(status = 'confirmed'), sum(status = 'waitlisted'), max(queue_no) from enrolments where course_id = ?",
    ),
    insertEnrolment: db.prepare(
      "insert into enrolments (id, course_id, resident_id, status, channel, code, queue_no, created_at, updated_at) values (?, ?, ?, 'confirmed', 'web', ?, ?, ?, ?)",
    ),
    outbox: db.prepare(
      "insert into outbox (id, template, channel, recipient, locale, payload, status, attempts, next_attempt_at, created_at) values (?, 'enrolment_confirmed', 'sms', ?, 'ko', '{}', 'pending', 0, ?, ?)",
    ),
    audit: db.prepare(
      "insert into audit_log (at, actor_type, action, subject_type, subject_id) values (?, 'resident', 'enrolment.create', 'enrolment', ?)",
    ),
  };
  let done = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  while (performance.now() < until) {
    const r = nextResident();
    const courseId = courseIds[done % courseIds.length]!;
    const residentId = randomUUID();
    const now = Date.now();
    const phone = `+82${r.phone.replace(/-/g, '').slice(1)}`;
    statements.begin.run();
    statements.course.get(courseId);
    statements.resident.get(phone);
    statements.insertResident.run(residentId, r.name, phone, now, 'bench', now, now);
    statements.live.get(courseId, residentId);
    statements.counts.get(courseId);
    const enrolmentId = randomUUID();
    statements.insertEnrolment.run(
      enrolmentId,
      courseId,
      residentId,
      randomUUID().slice(0, 9),
      done,
      now,
      now,
    );
    statements.outbox.run(randomUUID(), phone, now, now);
    statements.audit.run(now, enrolmentId);
    statements.commit.run();
    done++;
  }
  const elapsed = (performance.now() - started) / 1000;
  db.close();
  return done / elapsed;
}

/**
 * A fresh demo database (the site's terms and few courses, today's class in Lecture Room 3) with a
 * kiosk paired by that room. Returns a course to load, the kiosk's token, and the codes of today's
 * learners there to check in with.
 */
async function prepareDemo(file: string) {
  const database = await Database.open({ url: `file:${file}` });
  await database.migrate();
  await seedDemoData(database);
  const client = database.client;
  const room = await client.execute(
    "select r.id from rooms r where r.name_en = 'Lecture Room 3' limit 1",
  );
  const roomId = String(room.rows[0]!.id);
  const { token } = await pairNewKiosk(createServiceContext(database), {
    name: 'bench kiosk',
    roomId,
    enabledPlugins: ['checkin'],
  });
  const codes = await client.execute({
    sql: `select distinct e.code from enrolments e
            join meetings m on m.course_id = e.course_id
            join courses c on c.id = e.course_id
           where e.status = 'confirmed' and c.room_id = ? and m.date = ?`,
    args: [roomId, new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10)],
  });
  const course = await client.execute(
    "select c.id from courses c join terms t on t.id = c.term_id where t.status = 'published' and c.draft = 0 order by t.starts_on desc, c.sort_order limit 1",
  );
  await database.close();
  return {
    courseId: String(course.rows[0]!.id),
    token,
    codes: codes.rows.map((r) => String(r.code)),
  };
}

type ReadPhase = { rps: number; non2xx: number; errors: number };

/** GETs of one address at `READ_CONNECTIONS` connections for the phase's length. */
async function readPhase(url: string): Promise<ReadPhase> {
  await run({ url, connections: READ_CONNECTIONS, duration: 1 }); // JIT for this route
  const r = await run({ url, connections: READ_CONNECTIONS, duration: DURATION_S });
  return { rps: Math.round(r.requests.average), non2xx: r.non2xx, errors: r.errors };
}

/**
 * The read phases on a server over the demo database: catalogue, home and course page; with
 * `checkin`, also kiosk check-ins at a fixed rate beside the ping at the same rate. Every
 * check-in comes from its own address (the server trusts one proxy hop here), as the per-address
 * limit is meant for one kiosk, not for many at once.
 */
async function readPhases(
  file: string,
  demo: Awaited<ReturnType<typeof prepareDemo>>,
  caches: { page: boolean; read: boolean },
  checkin: boolean,
) {
  const server = await startServer(file, await freePort(), {
    PAGE_CACHE: String(caches.page),
    READ_CACHE: String(caches.read),
    TRUST_PROXY: '1',
  });
  try {
    const catalogue = await readPhase(`${server.base}/trpc/catalogue.currentTerm`);
    const home = await readPhase(`${server.base}/`);
    const course = await readPhase(`${server.base}/courses/${demo.courseId}`);
    if (!checkin) return { catalogue, home, course, checkin: null };
    const ping = await fixedRate(
      server.base,
      () => ({ path: '/trpc/system.ping', method: 'GET' }),
      CHECKIN_RATE,
      DURATION_S,
      WARMUP_S,
    );
    const checkins = await fixedRate(
      server.base,
      (n) => ({
        path: '/trpc/checkin.checkIn',
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: server.base,
          'x-seoro-kiosk-token': demo.token,
          'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
        },
        body: JSON.stringify({ code: demo.codes[n % demo.codes.length], method: 'keypad' }),
      }),
      CHECKIN_RATE,
      DURATION_S,
      WARMUP_S,
    );
    return { catalogue, home, course, checkin: { ping, checkins } };
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
  }
}

async function main() {
  mkdirSync(join(here, 'results'), { recursive: true });
  const file = join(dir, 'bench.db');
  const courseIds = await prepare(file);
  const server = await startServer(file, await freePort());
  try {
    // Warm up the JIT and the page cache.
    await run({ url: `${server.base}/trpc/system.ping`, connections: 50, duration: 2 });

    const pingCpuBefore = processCpuUs(server.child.pid);
    const ping = await run({
      url: `${server.base}/trpc/system.ping`,
      connections: CONNECTIONS,
      duration: DURATION_S,
    });
    const pingCpuAfter = processCpuUs(server.child.pid);
    // The transport alone at the fixed rate, before any registration: the latency of a call that
    // touches no database, with no notifications being sent beside it.
    const fixedPing = await fixedRate(
      server.base,
      () => ({ path: '/trpc/system.ping', method: 'GET' }),
      FIXED_RATE,
      DURATION_S,
      WARMUP_S,
    );
    // Where the CPU goes during the rush: the server (both threads) and this process (the load tool).
    const serverCpuBefore = processCpuUs(server.child.pid);
    const toolCpuBefore = process.cpuUsage();
    const rush = await run({
      ...registrationRequests(server.base, courseIds),
      connections: CONNECTIONS,
      duration: DURATION_S,
    });
    const serverCpuAfter = processCpuUs(server.child.pid);
    const toolCpu = process.cpuUsage(toolCpuBefore);
    const rushRequests = rush.requests.total || 1;
    const cpu = {
      ping_server_cpu_us_per_req:
        pingCpuBefore === null || pingCpuAfter === null
          ? null
          : Math.round((pingCpuAfter - pingCpuBefore) / (ping.requests.total || 1)),
      server_cpu_us_per_req:
        serverCpuBefore === null || serverCpuAfter === null
          ? null
          : Math.round((serverCpuAfter - serverCpuBefore) / rushRequests),
      load_tool_cpu_us_per_req: Math.round((toolCpu.user + toolCpu.system) / rushRequests),
    };
    const fixed = await fixedRate(
      server.base,
      registrationAt(server.base, courseIds),
      FIXED_RATE,
      DURATION_S,
      WARMUP_S,
    );

    const db = createClient({ url: `file:${file}` });
    const perCourse = await db.execute(
      "select course_id, sum(status = 'confirmed') as confirmed, count(*) as n from enrolments group by course_id",
    );
    db.close();
    // The mode the server's writer runs with: the same Database class, opened on the same file.
    const probe = await Database.open({ url: `file:${file}` });
    const synchronous = probe.synchronous;
    await probe.close();
    const confirmed = perCourse.rows.reduce((s, r) => s + Number(r.confirmed), 0);
    const offered = courseIds.length * CAPACITY;
    const overbooked = perCourse.rows.filter((r) => Number(r.confirmed) > CAPACITY).length;
    const underfilled = perCourse.rows.filter(
      (r) => Number(r.confirmed) < Math.min(CAPACITY, Number(r.n)),
    ).length;

    const raw_tx_per_s = await rawTransactions(Math.min(DURATION_S, 5));

    // The pages before the registration: a demo database, the page cache on, then off.
    const demoFile = join(dir, 'demo.db');
    const demo = await prepareDemo(demoFile);
    if (demo.codes.length === 0) throw new Error('The demo has no learner in class today');
    const cached = await readPhases(demoFile, demo, { page: true, read: true }, true);
    // Every page rendered anew from data kept between writes; then from the database each time.
    const rendered = await readPhases(demoFile, demo, { page: false, read: true }, false);
    const uncached = await readPhases(demoFile, demo, { page: false, read: false }, false);
    const pingRps = ping.requests.average;
    const ofPing = (rps: number) => Number((rps / pingRps).toFixed(3));
    const checkinFixed = cached.checkin!;
    const reads = {
      catalogue_rps: cached.catalogue.rps,
      catalogue_ratio: ofPing(cached.catalogue.rps),
      home_rps: cached.home.rps,
      home_ratio: ofPing(cached.home.rps),
      course_rps: cached.course.rps,
      course_ratio: ofPing(cached.course.rps),
      home_rendered_rps: rendered.home.rps,
      home_rendered_ratio: ofPing(rendered.home.rps),
      course_rendered_rps: rendered.course.rps,
      course_rendered_ratio: ofPing(rendered.course.rps),
      home_uncached_rps: uncached.home.rps,
      home_uncached_ratio: ofPing(uncached.home.rps),
      course_uncached_rps: uncached.course.rps,
      course_uncached_ratio: ofPing(uncached.course.rps),
      catalogue_uncached_rps: uncached.catalogue.rps,
      checkin_p99_ms: checkinFixed.checkins.p99,
      checkin_ping_p99_ms: checkinFixed.ping.p99,
      checkin_p99_ratio: Number(
        (checkinFixed.checkins.p99 / (checkinFixed.ping.p99 || 1)).toFixed(2),
      ),
      checkin_rate: CHECKIN_RATE,
    };
    const readPhasesOf = [cached, rendered, uncached].flatMap((r) => [
      r.catalogue,
      r.home,
      r.course,
    ]);
    const readFailures =
      readPhasesOf.reduce((sum, p) => sum + p.non2xx + p.errors, 0) +
      checkinFixed.checkins.errors5xx +
      checkinFixed.checkins.otherStatus +
      checkinFixed.checkins.failed;

    const summary = {
      rps: Math.round(rush.requests.average),
      ping_rps: Math.round(ping.requests.average),
      raw_tx_per_s: Math.round(raw_tx_per_s),
      ratio: Number((rush.requests.average / ping.requests.average).toFixed(3)),
      p50_ms: fixed.p50,
      p99_ms: fixed.p99,
      fixed_rate: {
        sent_rps: fixed.sentRps,
        measured: fixed.measured,
        warmup_s: WARMUP_S,
        p90_ms: fixed.p90,
        max_ms: fixed.max,
        ping_p50_ms: fixedPing.p50,
        ping_p99_ms: fixedPing.p99,
      },
      ...reads,
      read_failures: readFailures,
      ...cpu,
      errors_5xx: count5xx(ping) + count5xx(rush) + fixed.errors5xx + fixedPing.errors5xx,
      errors_other:
        rush.errors +
        ping.errors +
        fixed.failed +
        fixed.otherStatus +
        fixedPing.failed +
        fixedPing.otherStatus,
      busy_errors: (server.output().match(/SQLITE_BUSY/g) ?? []).length,
      confirmed,
      capacity: offered,
      overbooked_courses: overbooked,
      underfilled_courses: underfilled,
      synchronous,
      cpus: cpus().length,
      node: process.version,
      duration_s: DURATION_S,
    };
    const report = join(
      here,
      'results',
      `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    );
    writeFileSync(
      report,
      JSON.stringify(
        { summary, ping, rush, fixed, reads: { cached, rendered, uncached } },
        null,
        2,
      ),
    );
    console.error(`report: ${report}`);
    console.log(JSON.stringify(summary));
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
