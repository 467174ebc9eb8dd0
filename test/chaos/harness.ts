/**
 * Tools of the worker's timing and chaos tests and of the deadline benchmark: a private database
 * (migrations and demo data), a private redis-server that can be flushed, stopped and restarted,
 * the worker as a child process that can be killed, and filings written straight to the database
 * the way the api writes them (the filing and its `filing.registered` outbox event).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client, Pool } from 'pg';
import { addDays, instantOfLocal, localDateOf, startOfLocalDay } from '@jiyn/domain';
import { createDataSource, seedDemoData } from '@jiyn/persistence';

export const ROOT = join(__dirname, '../..');
export const ALMATY = '750000000';
export const ALMATY_TZ = 'Asia/Almaty';
export const ORGANIZER_IIN = '880808300004';
export const ALMATY_OFFICER_IIN = '870302400008';

const ADMIN_URL = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it answers something truthy; throws after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => Promise<T> | T,
  timeoutMs = 30_000,
  everyMs = 50,
  what = 'condition',
): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`,
      );
    }
    await sleep(everyMs);
  }
}

export interface PrivateDatabase {
  name: string;
  url: string;
  pool: Pool;
  drop(): Promise<void>;
}

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh database with the migrations applied and the demo data loaded. */
export async function createPrivateDatabase(label: string): Promise<PrivateDatabase> {
  const name = `jiyn_${label}_${Date.now().toString(36)}_${process.pid}`
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(name);
  const ds = createDataSource({ databaseUrl: url });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    await seedDemoData(ds);
  } finally {
    await ds.destroy();
  }
  const pool = new Pool({ connectionString: url, max: 5 });
  pool.on('error', () => undefined);
  return {
    name,
    url,
    pool,
    async drop() {
      await pool.end().catch(() => undefined);
      if (process.env.JIYN_KEEP_TEST_DATABASE) return;
      const client = new Client({ connectionString: ADMIN_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface PrivateRedis {
  port: number;
  url: string;
  /** Kills the server (its data is gone: it runs without persistence). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  flushAll(): Promise<void>;
  client(): Redis;
}

/** A redis-server of our own (no persistence), so that it may be flushed and killed. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const clients: Redis[] = [];
  const ping = async () => {
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      return (await redis.ping()) === 'PONG';
    } finally {
      redis.disconnect();
    }
  };
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await waitFor(ping, 10_000, 50, 'redis-server to answer');
  };
  const stop = async () => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((resolve) => c.once('exit', resolve));
    c.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    port,
    url,
    start,
    stop: async () => {
      for (const c of clients.splice(0)) c.disconnect();
      await stop();
    },
    async flushAll() {
      const redis = new Redis(url);
      try {
        await redis.flushall();
      } finally {
        redis.disconnect();
      }
    },
    client() {
      const redis = new Redis(url, { maxRetriesPerRequest: 1 });
      redis.on('error', () => undefined);
      clients.push(redis);
      return redis;
    },
  };
}

export interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  kill(signal: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
}

/** The worker as production runs it: its own process, configured by the environment. */
export function spawnWorker(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    exited,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Local midnight in Almaty `days` days after the local date of `after`: what a deadline looks like. */
export function almatyMidnight(after: Date, days: number): Date {
  return startOfLocalDay(addDays(localDateOf(after, ALMATY_TZ), days), ALMATY_TZ);
}

export function almatyLocal(date: string, hour: number, minute = 0): Date {
  return instantOfLocal(date, hour, minute, ALMATY_TZ);
}

export interface FilingSeed {
  count: number;
  deadline: Date;
  procedure?: 'notification' | 'application';
  status?: string;
  /** Number prefix; numbers are <prefix>-000001... */
  prefix: string;
  /** Also write the `filing.registered` outbox event, as the api does (default true). */
  outbox?: boolean;
  /** `{n}` is replaced by the filing's ordinal. */
  email?: string;
  phone?: string;
}

/**
 * Filings of the Almaty demo organizer, straight into the database: pickets at a point (no venue
 * booking) registered a few days before their answer deadline. Answers their ids in order.
 */
export async function insertFilings(db: Pool | Client, seed: FilingSeed): Promise<string[]> {
  const deadline = seed.deadline;
  const dueBy = addDays(localDateOf(deadline, ALMATY_TZ), -1);
  const registered = new Date(deadline.getTime() - 3 * 86_400_000);
  const assemblyDate = addDays(localDateOf(deadline, ALMATY_TZ), 10);
  const startsAt = instantOfLocal(assemblyDate, 11, 0, ALMATY_TZ);
  const endsAt = instantOfLocal(assemblyDate, 12, 0, ALMATY_TZ);
  const { rows } = await db.query(
    `INSERT INTO filing (number, jurisdiction_kato, form, procedure, status, channel, policy_id, organizer_iin, organizer,
       purpose, starts_at, ends_at, assembly_date, location, object, expected_participants, equipment, regulations,
       financing, personal_data_consent, registered_at, registered_by, registration_date, file_by, answer_due_by,
       answer_deadline, created_at, updated_at)
     SELECT $1::text || '-' || lpad(g::text, 6, '0'), $2::text, 'picket', $3::text, $4::text, 'electronic', 'KZ-2020',
       $5::text,
       jsonb_build_object('iin', $5::text, 'fullName', 'ERMEKOV TIMUR', 'address', 'Almaty, Abay avenue 1',
         'phone', $6::text, 'email', replace($7::text, '{n}', g::text)),
       'Picket for cleaner air, no. ' || g, $8::timestamptz, $9::timestamptz, $10::date,
       ST_SetSRID(ST_MakePoint(76.90 + g * 0.00001, 43.24), 4326), 'Akimat building', 1,
       '{"sound":false,"vehicles":false,"structures":false,"visualAids":true}'::jsonb, NULL, 'own funds', true,
       $11::timestamptz, $5::text, $12::date, $10::date, $13::date, $14::timestamptz, $11::timestamptz, $11::timestamptz
     FROM generate_series(1, $15::int) AS g
     ORDER BY g
     RETURNING id, number`,
    [
      seed.prefix,
      ALMATY,
      seed.procedure ?? 'notification',
      seed.status ?? 'submitted',
      ORGANIZER_IIN,
      seed.phone ?? '+77011234567',
      seed.email ?? 'organizer+{n}@example.kz',
      startsAt,
      endsAt,
      assemblyDate,
      registered,
      localDateOf(registered, ALMATY_TZ),
      dueBy,
      deadline,
      seed.count,
    ],
  );
  const ids = rows.sort((a, b) => a.number.localeCompare(b.number)).map((r) => r.id as string);
  if (seed.outbox !== false && (seed.status ?? 'submitted') === 'submitted') {
    await db.query(
      `INSERT INTO outbox_event (topic, aggregate_id, payload)
       SELECT 'filing.registered', id::text, jsonb_build_object('filingId', id, 'status', 'submitted', 'answerDeadline', $2::text)
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n) ORDER BY n`,
      [ids, deadline.toISOString()],
    );
  }
  return ids;
}

/** Status counts of filings by id. */
export async function statuses(db: Pool | Client, ids: string[]): Promise<Record<string, number>> {
  const { rows } = await db.query(
    `SELECT status, count(*)::int AS n FROM filing WHERE id = ANY($1::uuid[]) GROUP BY status`,
    [ids],
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
