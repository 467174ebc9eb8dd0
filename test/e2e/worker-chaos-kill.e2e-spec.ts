import type { INestApplicationContext } from '@nestjs/common';
import { createDataSource, verifyAuditChain } from '@jiyn/persistence';
import { createLogger } from '@jiyn/platform';
import { createWorkerApp } from '../../apps/worker/src/bootstrap';
import { startSmtpSink, SmtpSink } from '../../apps/worker/src/dev/smtp-sink';
import { loadWorkerSettings } from '../../apps/worker/src/worker-settings';
import { testConfig } from '../support/test-app';
import {
  almatyMidnight,
  createPrivateDatabase,
  insertFilings,
  PrivateDatabase,
  PrivateRedis,
  sleep,
  spawnWorker,
  startPrivateRedis,
  waitFor,
  WorkerProcess,
} from '../chaos/harness';

jest.setTimeout(180_000);

const PREFIX = 'jiyn-chaos';

async function count(db: PrivateDatabase, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.pool.query(sql, params);
  return rows[0].n;
}

describe('the worker killed with SIGKILL in the middle of a sweep', () => {
  const N = 3000;
  let db: PrivateDatabase;
  let redis: PrivateRedis;
  let sink: SmtpSink;
  let worker: WorkerProcess | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createPrivateDatabase('chaos_kill');
    redis = await startPrivateRedis();
    sink = await startSmtpSink();
    env = {
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: PREFIX,
      SMTP_URL: sink.url,
      SWEEP_INTERVAL_MS: '60000',
      SWEEP_BATCH_SIZE: '10',
    };
  });

  afterAll(async () => {
    await worker?.kill('SIGKILL');
    await sink?.close();
    await redis?.stop();
    await db?.drop();
  });

  it('loses nothing and duplicates nothing', async () => {
    // Filings registered long ago (their registration already relayed), all overdue now.
    const ids = await insertFilings(db.pool, {
      count: N,
      deadline: new Date(Date.now() - 3_600_000),
      prefix: 'KL',
      outbox: false,
    });
    const decided = () => count(db, `SELECT count(*)::int AS n FROM filing WHERE status = 'deemed_approved'`);

    worker = spawnWorker(env);
    let atKill = 0;
    await waitFor(
      async () => {
        atKill = await decided();
        return atKill >= N / 5;
      },
      60_000,
      5,
      'the start-up sweep to be under way',
    );
    await worker.kill('SIGKILL');
    atKill = await decided();
    process.stdout.write(`SIGKILL with ${atKill} of ${N} decided\n`);
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(N);
    // Each transaction was all or nothing: one audit row and one outbox event per decided filing.
    expect(
      await count(db, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'filing.deemed_approved'`),
    ).toBe(atKill);
    expect(
      await count(db, `SELECT count(*)::int AS n FROM outbox_event WHERE topic = 'filing.deemed_approved'`),
    ).toBe(atKill);

    worker = spawnWorker(env);
    await waitFor(async () => (await decided()) === N, 60_000, 100, 'every filing decided');
    await waitFor(
      async () =>
        (await count(
          db,
          `SELECT count(*)::int AS n FROM message WHERE status = 'sent' AND channel = 'email'`,
        )) === N,
      90_000,
      250,
      'every message sent',
    );

    const perFiling = await db.pool.query(
      `SELECT f.id,
         (SELECT count(*)::int FROM audit_log a WHERE a.entity_id = f.id::text AND a.action = 'filing.deemed_approved') AS audit,
         (SELECT count(*)::int FROM outbox_event o WHERE o.aggregate_id = f.id::text AND o.topic = 'filing.deemed_approved') AS events,
         (SELECT count(*)::int FROM message m WHERE m.filing_id = f.id AND m.channel = 'email') AS emails,
         (SELECT count(*)::int FROM message m WHERE m.filing_id = f.id AND m.channel = 'sms') AS sms,
         f.version, f.deemed_approved_at = f.answer_deadline AS at_deadline
       FROM filing f WHERE f.id = ANY($1::uuid[])`,
      [ids],
    );
    const wrong = perFiling.rows.filter(
      (r) =>
        r.audit !== 1 || r.events !== 1 || r.emails !== 1 || r.sms !== 1 || r.version !== 2 || !r.at_deadline,
    );
    expect(wrong).toEqual([]);
    expect(await count(db, `SELECT count(*)::int AS n FROM outbox_event WHERE sent_at IS NULL`)).toBe(0);

    const ds = createDataSource({ databaseUrl: db.url });
    await ds.initialize();
    try {
      const chain = await verifyAuditChain(ds.manager, '750000000');
      expect(chain).toMatchObject({ valid: true, rows: N });
    } finally {
      await ds.destroy();
    }

    // The organizer's mailbox: one message per filing (a crash between sending and marking may
    // deliver the same message twice; it keeps its Message-ID, so it is still one message).
    await sink.waitFor((m) => m.length >= N, 30_000);
    const byRecipient = new Map<string, Set<string>>();
    for (const m of sink.messages) {
      const set = byRecipient.get(m.to[0]) ?? new Set<string>();
      set.add(m.messageId);
      byRecipient.set(m.to[0], set);
    }
    expect(byRecipient.size).toBe(N);
    expect([...byRecipient.values()].every((s) => s.size === 1)).toBe(true);
    process.stdout.write(`${sink.messages.length} e-mails delivered for ${N} filings\n`);
  });
});

describe('the database drops the worker connections at the deadline', () => {
  const LEAD_MS = 5000;
  let db: PrivateDatabase;
  let redis: PrivateRedis;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    db = await createPrivateDatabase('chaos_pg');
    redis = await startPrivateRedis();
  });

  afterAll(async () => {
    await worker?.close();
    await redis?.stop();
    await db?.drop();
  });

  it('still decides on time', async () => {
    const deadline = almatyMidnight(new Date(), 3);
    const ids = await insertFilings(db.pool, { count: 20, deadline, prefix: 'PG' });
    const anchor = Date.now() + 1000;
    const deadlineReal = anchor + LEAD_MS;
    worker = await createWorkerApp(
      testConfig({
        DATABASE_URL: db.url,
        REDIS_URL: redis.url,
        REDIS_PREFIX: PREFIX,
        CLOCK_START: new Date(deadline.getTime() - LEAD_MS).toISOString(),
        CLOCK_ANCHOR: new Date(anchor).toISOString(),
        SWEEP_INTERVAL_MS: '3000',
      }),
      createLogger('worker-test', 'fatal'),
      loadWorkerSettings({}),
    );
    const terminate = () =>
      db.pool.query(
        `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
         WHERE datname = $1 AND application_name = 'jiyn-worker'`,
        [db.name],
      );
    await sleep(deadlineReal - 300 - Date.now());
    const { rows } = await terminate();
    expect(rows[0].n).toBeGreaterThan(0);
    await sleep(deadlineReal + 30 - Date.now());
    await terminate();
    await waitFor(
      async () =>
        (await count(
          db,
          `SELECT count(*)::int AS n FROM filing WHERE id = ANY($1::uuid[]) AND status = 'deemed_approved'`,
          [ids],
        )) === ids.length,
      10_000,
      20,
      'the decisions',
    );
    const lateness = Date.now() - deadlineReal;
    process.stdout.write(`decided ${lateness} ms after the deadline despite dropped connections\n`);
    expect(lateness).toBeLessThan(3000);
    const { rows: early } = await db.pool.query(
      `SELECT count(*)::int AS n FROM filing WHERE id = ANY($1::uuid[]) AND updated_at < answer_deadline`,
      [ids],
    );
    expect(early[0].n).toBe(0);
  });
});
