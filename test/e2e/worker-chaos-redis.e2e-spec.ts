import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { deadlineJobId, QUEUES } from '@jiyn/jobs';
import { createLogger } from '@jiyn/platform';
import { createWorkerApp } from '../../apps/worker/src/bootstrap';
import { startSmtpSink, SmtpSink } from '../../apps/worker/src/dev/smtp-sink';
import { loadWorkerSettings } from '../../apps/worker/src/worker-settings';
import { get, PEOPLE, post, signBody, signIn } from '../support/auth';
import { filingBody, GANDHI_PARK, hourSlot } from '../support/filings';
import { RunningApi, startApi, testConfig } from '../support/test-app';
import {
  almatyMidnight,
  createPrivateDatabase,
  insertFilings,
  PrivateDatabase,
  PrivateRedis,
  sleep,
  startPrivateRedis,
  statuses,
  waitFor,
} from '../chaos/harness';

jest.setTimeout(120_000);

const PREFIX = 'jiyn-chaos';

function startWorker(db: PrivateDatabase, redis: PrivateRedis, env: Record<string, string>) {
  return createWorkerApp(
    testConfig({ DATABASE_URL: db.url, REDIS_URL: redis.url, REDIS_PREFIX: PREFIX, ...env }),
    createLogger('worker-test', 'fatal'),
    loadWorkerSettings({}),
  );
}

/** Polls until every filing left `submitted`; answers when each was first seen decided (real ms). */
async function watchDecisions(db: PrivateDatabase, ids: string[], untilMs: number) {
  const seen = new Map<string, number>();
  while (Date.now() < untilMs && seen.size < ids.length) {
    const { rows } = await db.pool.query(
      `SELECT id FROM filing WHERE id = ANY($1::uuid[]) AND status <> 'submitted'`,
      [ids],
    );
    const now = Date.now();
    for (const r of rows) if (!seen.has(r.id)) seen.set(r.id, now);
    await sleep(20);
  }
  return seen;
}

describe('Redis loses its data (FLUSHALL)', () => {
  const SWEEP_MS = 3000;
  const LEAD_MS = 6000;
  let db: PrivateDatabase;
  let redis: PrivateRedis;
  let worker: INestApplicationContext;
  let queue: Queue;

  beforeAll(async () => {
    db = await createPrivateDatabase('chaos_flush');
    redis = await startPrivateRedis();
    queue = new Queue(QUEUES.deadlines, {
      connection: { url: redis.url, maxRetriesPerRequest: null },
      prefix: `${PREFIX}:bull`,
    });
  });

  afterAll(async () => {
    await worker?.close();
    await queue?.close();
    await redis?.stop();
    await db?.drop();
  });

  it('still decides every due filing within one sweep interval, and restores the timely jobs', async () => {
    const deadline = almatyMidnight(new Date(), 3);
    const due = await insertFilings(db.pool, { count: 30, deadline, prefix: 'FL-D' });
    const later = await insertFilings(db.pool, {
      count: 5,
      deadline: new Date(deadline.getTime() + 8000),
      prefix: 'FL-L',
    });
    const anchor = Date.now() + 1000;
    const deadlineReal = anchor + LEAD_MS;
    worker = await startWorker(db, redis, {
      CLOCK_START: new Date(deadline.getTime() - LEAD_MS).toISOString(),
      CLOCK_ANCHOR: new Date(anchor).toISOString(),
      SWEEP_INTERVAL_MS: String(SWEEP_MS),
    });
    await waitFor(
      async () =>
        (await Promise.all([...due, ...later].map((id) => queue.getJob(deadlineJobId(id))))).every(Boolean),
      4000,
      50,
      'the delayed jobs',
    );

    await sleep(deadlineReal - 2500 - Date.now());
    await redis.flushAll();
    expect(await queue.getJob(deadlineJobId(later[0]))).toBeUndefined();

    const seen = await watchDecisions(db, due, deadlineReal + SWEEP_MS + 1500);
    expect(seen.size).toBe(due.length);
    const lateness = [...seen.values()].map((t) => t - deadlineReal);
    process.stdout.write(`after FLUSHALL: lateness ${Math.min(...lateness)}..${Math.max(...lateness)} ms\n`);
    expect(Math.min(...lateness)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...lateness)).toBeLessThan(SWEEP_MS);

    // The sweep re-created the lost delayed jobs of the filings still ahead: they fire on time.
    expect(await queue.getJob(deadlineJobId(later[0]))).toBeDefined();
    const laterReal = deadlineReal + 8000;
    const seenLater = await watchDecisions(db, later, laterReal + 2500);
    for (const t of seenLater.values()) {
      expect(t).toBeGreaterThanOrEqual(laterReal);
      expect(t - laterReal).toBeLessThan(2000);
    }
    expect(await statuses(db.pool, [...due, ...later])).toEqual({ deemed_approved: 35 });
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'filing.deemed_approved'`,
    );
    expect(rows[0].n).toBe(35);
  });
});

describe('Redis down', () => {
  // The api registers on 1 December 2026, 10:00 in Almaty (deadline 5 December 00:00 +05:00); the
  // worker's clock starts shortly before that deadline.
  const API_CLOCK = '2026-12-01T05:00:00.000Z';
  const DEADLINE = new Date('2026-12-05T00:00:00+05:00');
  const LEAD_MS = 9000;
  const SWEEP_MS = 2000;
  let db: PrivateDatabase;
  let redis: PrivateRedis;
  let sink: SmtpSink;
  let api: RunningApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    db = await createPrivateDatabase('chaos_down');
    redis = await startPrivateRedis();
    sink = await startSmtpSink();
    api = await startApi({
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: PREFIX,
      CLOCK_START: API_CLOCK,
    });
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink?.close();
    await redis?.stop();
    await db?.drop();
  });

  it('accepts filings while Redis is down, and approvals and messages catch up when it returns', async () => {
    const organizer = await signIn(api.baseUrl, PEOPLE.organizer);
    const anchor = Date.now() + 1000;
    const deadlineReal = anchor + LEAD_MS;
    worker = await startWorker(db, redis, {
      CLOCK_START: new Date(DEADLINE.getTime() - LEAD_MS).toISOString(),
      CLOCK_ANCHOR: new Date(anchor).toISOString(),
      SWEEP_INTERVAL_MS: String(SWEEP_MS),
      SMTP_URL: sink.url,
    });
    await waitFor(async () => (await get(api.baseUrl, '/api/v1/health')).body?.worker?.queueDepth, 10_000);

    await redis.stop();
    const health = await get(api.baseUrl, '/api/v1/health');
    expect(health.status).toBe(503);
    expect(health.body.redis).toBe('down');
    const filed = await post(
      api.baseUrl,
      '/api/v1/filings',
      organizer,
      signBody(filingBody({ ...hourSlot('2026-12-15', 11, 2), venueId: GANDHI_PARK }), PEOPLE.organizer),
    );
    expect(filed.status).toBe(201);
    expect(filed.body.deadlines.deemedApprovedAt).toBe('2026-12-05T00:00:00+05:00');
    const id = filed.body.id;

    // Deadlines are the database's: the worker decides it on time even without Redis...
    const seen = await watchDecisions(db, [id], deadlineReal + SWEEP_MS + 2000);
    expect(seen.get(id)).toBeGreaterThanOrEqual(deadlineReal);
    expect(seen.get(id)! - deadlineReal).toBeLessThan(SWEEP_MS + 1000);
    const { rows: before } = await db.pool.query(
      `SELECT topic FROM outbox_event WHERE aggregate_id = $1 AND sent_at IS NULL ORDER BY id`,
      [id],
    );
    // ...but nothing could be published: the events wait in PostgreSQL.
    expect(before.map((r) => r.topic)).toEqual(['filing.registered', 'filing.deemed_approved']);
    expect(sink.messages).toHaveLength(0);

    await redis.start(); // empty: it runs without persistence
    const returned = Date.now();
    await sink.waitFor((m) => m.length >= 2, 20_000);
    process.stdout.write(`messages delivered ${Date.now() - returned} ms after Redis returned\n`);
    expect(sink.messages.map((m) => m.subject).sort()).toEqual(
      [
        `Jiyn: ${filed.body.number} хабарламаңыз тіркелді`,
        `Jiyn: ${filed.body.number} келісілген болып есептеледі`,
      ].sort(),
    );
    const { rows: after } = await db.pool.query(
      `SELECT count(*)::int AS n FROM outbox_event WHERE sent_at IS NULL`,
    );
    expect(after[0].n).toBe(0);
    const { rows: audit } = await db.pool.query(
      `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq`,
      [id],
    );
    expect(audit.map((r) => r.action)).toEqual(['filing.registered', 'filing.deemed_approved']);
    const back = await waitFor(async () => {
      const h = await get(api.baseUrl, '/api/v1/health');
      return h.status === 200 && h.body.worker?.queueDepth ? h : undefined;
    }, 20_000);
    expect(back.body).toMatchObject({ status: 'ok', redis: 'up' });
  });
});
