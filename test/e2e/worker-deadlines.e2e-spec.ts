import { deleteKeysWithPrefix } from '../support/redis-keys';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { addDays, localDateOf } from '@jiyn/domain';
import { deadlineJobId, JOBS, QUEUES, reminderJobId } from '@jiyn/jobs';
import { verifyAuditChain, createDataSource } from '@jiyn/persistence';
import { createLogger } from '@jiyn/platform';
import { createWorkerApp } from '../../apps/worker/src/bootstrap';
import { startSmtpSink, SmtpSink } from '../../apps/worker/src/dev/smtp-sink';
import { loadWorkerSettings } from '../../apps/worker/src/worker-settings';
import { testConfig } from '../support/test-app';
import {
  ALMATY,
  ALMATY_OFFICER_IIN,
  ALMATY_TZ,
  almatyLocal,
  almatyMidnight,
  createPrivateDatabase,
  insertFilings,
  PrivateDatabase,
  sleep,
  statuses,
  waitFor,
} from '../chaos/harness';

jest.setTimeout(90_000);

const REDIS_URL = process.env.REDIS_URL!;

/** The worker in this process, on a private database, a private key prefix and a shifted clock. */
async function startTestWorker(db: PrivateDatabase, prefix: string, env: Record<string, string>) {
  const config = testConfig({ DATABASE_URL: db.url, REDIS_PREFIX: prefix, ...env });
  return createWorkerApp(config, createLogger('worker-test', 'fatal'), loadWorkerSettings({}));
}

const deleteKeys = (prefix: string) => deleteKeysWithPrefix(REDIS_URL, prefix);

describe('the worker at answer deadlines', () => {
  const LEAD_MS = 6000;
  const prefix = `${process.env.REDIS_PREFIX}:deadlines`;
  let db: PrivateDatabase;
  let sink: SmtpSink;
  let worker: INestApplicationContext;
  let deadlinesQueue: Queue;
  let deadline: Date;
  let anchorMs: number;
  const ids = {
    notifications: [] as string[],
    application: [] as string[],
    answered: [] as string[],
    later: [] as string[],
  };
  const firstSeenDecided = new Map<string, number>();
  let earlyTransitions: string[] = [];

  beforeAll(async () => {
    db = await createPrivateDatabase('worker_deadlines');
    sink = await startSmtpSink();
    anchorMs = Date.now() + 1500; // the worker's clock reads CLOCK_START at this real instant
    deadline = almatyMidnight(new Date(), 3);
    ids.notifications = await insertFilings(db.pool, { count: 3, deadline, prefix: 'DL-N' });
    ids.application = await insertFilings(db.pool, {
      count: 1,
      deadline,
      prefix: 'DL-A',
      procedure: 'application',
    });
    ids.answered = await insertFilings(db.pool, { count: 1, deadline, prefix: 'DL-X', status: 'approved' });
    // Two filings due two seconds later, whose job will fire early (added by hand, with no delay).
    ids.later = await insertFilings(db.pool, {
      count: 2,
      deadline: new Date(deadline.getTime() + 2000),
      prefix: 'DL-L',
      outbox: false,
    });
    deadlinesQueue = new Queue(QUEUES.deadlines, {
      connection: { url: REDIS_URL, maxRetriesPerRequest: null },
      prefix: `${prefix}:bull`,
    });
    await deadlinesQueue.add(
      JOBS.deadlineReached,
      { filingId: ids.later[0], deadline: new Date(deadline.getTime() + 2000).toISOString() },
      { jobId: deadlineJobId(ids.later[0]) },
    );
    worker = await startTestWorker(db, prefix, {
      CLOCK_START: new Date(deadline.getTime() - LEAD_MS).toISOString(),
      CLOCK_ANCHOR: new Date(anchorMs).toISOString(),
      SWEEP_INTERVAL_MS: '60000',
      SMTP_URL: sink.url,
      PUBLIC_BASE_URL: 'https://jiyn.example.kz',
    });
  });

  afterAll(async () => {
    await worker?.close();
    await deadlinesQueue?.close();
    await sink?.close();
    await db?.drop();
    await deleteKeys(prefix);
  });

  it('schedules one delayed job per filing from the outbox, within a second', async () => {
    const job = await waitFor(
      async () => {
        const jobs = await Promise.all(
          ids.notifications.map((id) => deadlinesQueue.getJob(deadlineJobId(id))),
        );
        return jobs.every(Boolean) ? jobs : undefined;
      },
      3000,
      50,
      'deadline jobs',
    );
    for (const j of job) expect(await j!.getState()).toBe('delayed');
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM outbox_event WHERE sent_at IS NULL`);
    expect(rows[0].n).toBe(0);
  });

  it('deems notifications approved within 2 s of the deadline and never before it', async () => {
    const all = [...ids.notifications, ...ids.application, ...ids.answered, ...ids.later];
    const deadlineRealMs = anchorMs + LEAD_MS;
    const laterRealMs = deadlineRealMs + 2000;
    earlyTransitions = [];
    while (Date.now() < laterRealMs + 2500) {
      const { rows } = await db.pool.query(`SELECT id, status FROM filing WHERE id = ANY($1::uuid[])`, [all]);
      const now = Date.now();
      for (const r of rows) {
        if (r.status === 'submitted' || firstSeenDecided.has(r.id) || ids.answered.includes(r.id)) continue;
        firstSeenDecided.set(r.id, now);
        const due = ids.later.includes(r.id) ? laterRealMs : deadlineRealMs;
        if (now < due) earlyTransitions.push(r.id);
      }
      await sleep(20);
    }
    expect(earlyTransitions).toEqual([]);
    const lateness = [...firstSeenDecided].map(
      ([id, at]) => at - (ids.later.includes(id) ? laterRealMs : deadlineRealMs),
    );
    process.stdout.write(`observed lateness (ms, 20 ms polling): ${lateness.join(', ')}\n`);
    for (const id of [...ids.notifications, ...ids.application]) {
      const lateness = firstSeenDecided.get(id)! - deadlineRealMs;
      expect(lateness).toBeGreaterThanOrEqual(0);
      expect(lateness).toBeLessThan(2000);
    }
    for (const id of ids.later) {
      const lateness = firstSeenDecided.get(id)! - laterRealMs;
      expect(lateness).toBeGreaterThanOrEqual(0);
      expect(lateness).toBeLessThan(2000);
    }
  });

  it('records each transition once, with the deadline, its audit row and its outbox event', async () => {
    const { rows } = await db.pool.query(
      `SELECT id, status, deemed_approved_at, answer_deadline, updated_at, version FROM filing WHERE id = ANY($1::uuid[])`,
      [[...ids.notifications, ...ids.later]],
    );
    for (const r of rows) {
      expect(r.status).toBe('deemed_approved');
      expect(new Date(r.deemed_approved_at).getTime()).toBe(new Date(r.answer_deadline).getTime());
      // The transition happened at or after the deadline by the system clock, never before.
      expect(new Date(r.updated_at).getTime()).toBeGreaterThanOrEqual(new Date(r.answer_deadline).getTime());
      expect(r.version).toBe(2);
    }
    expect(await statuses(db.pool, ids.application)).toEqual({ answer_overdue: 1 });
    expect(await statuses(db.pool, ids.answered)).toEqual({ approved: 1 });
    const { rows: app } = await db.pool.query(`SELECT deemed_approved_at FROM filing WHERE id = $1`, [
      ids.application[0],
    ]);
    expect(app[0].deemed_approved_at).toBeNull();

    const decided = [...ids.notifications, ...ids.later, ...ids.application];
    const { rows: audit } = await db.pool.query(
      `SELECT entity_id, action, actor, chain, before, after FROM audit_log WHERE entity_id = ANY($1::text[])`,
      [[...decided, ...ids.answered]],
    );
    expect(audit).toHaveLength(decided.length);
    for (const a of audit) {
      expect(a.actor).toBe('system:worker');
      expect(a.chain).toBe(ALMATY);
      expect(a.before).toEqual({ status: 'submitted' });
      expect(a.action).toBe(
        ids.application.includes(a.entity_id) ? 'filing.answer_overdue' : 'filing.deemed_approved',
      );
    }
    const { rows: events } = await db.pool.query(
      `SELECT aggregate_id, topic, payload FROM outbox_event WHERE topic IN ('filing.deemed_approved', 'filing.answer_overdue')`,
    );
    expect(events.map((e) => e.aggregate_id).sort()).toEqual([...decided].sort());
    const ds = createDataSource({ databaseUrl: db.url });
    await ds.initialize();
    try {
      expect((await verifyAuditChain(ds.manager, ALMATY)).valid).toBe(true);
    } finally {
      await ds.destroy();
    }
  });

  it('tells the organizer by e-mail and SMS, one message per event, channel and recipient', async () => {
    // Registered: 3 notifications + 1 application (the hand-made filings have no outbox event);
    // decided: 5 notifications + 1 application.
    await sink.waitFor((m) => m.length >= 10, 15_000);
    await sleep(500);
    const subjects = sink.messages.map((m) => m.subject);
    expect(subjects.filter((s) => s.includes('тіркелді'))).toHaveLength(4);
    expect(subjects.filter((s) => s.includes('келісілген болып есептеледі'))).toHaveLength(5);
    expect(subjects.filter((s) => s.includes('жауап жоқ'))).toHaveLength(1);
    expect(sink.messages).toHaveLength(10);
    const deemed = sink.messages.find((m) => m.subject.includes('келісілген болып есептеледі'))!;
    expect(deemed.text).toContain('https://jiyn.example.kz/api/v1/certificates/');
    expect(deemed.text).toContain('— Русский —');
    expect(deemed.text).toContain('считается согласованным');
    expect(deemed.text).toContain('— English —');
    expect(deemed.text).toContain('is deemed approved as of');
    expect(deemed.messageId).toMatch(/^<[0-9a-f-]{36}@jiyn\.kz>$/);

    const { rows } = await db.pool.query(
      `SELECT event_id, channel, recipient, template, status, locale FROM message ORDER BY template, channel`,
    );
    expect(rows).toHaveLength(20); // every event by e-mail and by SMS
    expect(rows.every((r) => r.status === 'sent' && r.locale === 'kk')).toBe(true);
    const keys = rows.map((r) => `${r.event_id}|${r.channel}|${r.recipient}`);
    expect(new Set(keys).size).toBe(rows.length);
    expect(rows.filter((r) => r.channel === 'sms')).toHaveLength(10);
  });
});

describe('reminders to the officers before an answer deadline', () => {
  const prefix = `${process.env.REDIS_PREFIX}:reminders`;
  let db: PrivateDatabase;
  let sink: SmtpSink;
  let worker: INestApplicationContext;
  let filingId: string;
  let answeredId: string;
  let queue: Queue;

  beforeAll(async () => {
    db = await createPrivateDatabase('worker_reminders');
    sink = await startSmtpSink();
    const deadline = almatyMidnight(new Date(), 4);
    const dueBy = addDays(localDateOf(deadline, ALMATY_TZ), -1);
    const reminderAt = almatyLocal(dueBy, 9, 0);
    [filingId] = await insertFilings(db.pool, { count: 1, deadline, prefix: 'RM-N' });
    [answeredId] = await insertFilings(db.pool, { count: 1, deadline, prefix: 'RM-A' });
    await db.pool.query(
      `INSERT INTO staff_contact (iin, email, phone, locale, updated_at) VALUES
         ($1, 'aigerim.sultanova@almaty.gov.kz', '+77010000001', 'ru', now()),
         ('920701400009', 'dana@astana.gov.kz', '+77010000002', 'kk', now())
       ON CONFLICT (iin) DO UPDATE SET email = EXCLUDED.email, phone = EXCLUDED.phone, locale = EXCLUDED.locale`,
      [ALMATY_OFFICER_IIN],
    );
    worker = await startTestWorker(db, prefix, {
      CLOCK_START: new Date(reminderAt.getTime() - 4000).toISOString(),
      CLOCK_ANCHOR: new Date().toISOString(),
      SWEEP_INTERVAL_MS: '60000',
      SMTP_URL: sink.url,
    });
    queue = new Queue(QUEUES.messages, {
      connection: { url: REDIS_URL, maxRetriesPerRequest: null },
      prefix: `${prefix}:bull`,
    });
  });

  afterAll(async () => {
    await worker?.close();
    await queue?.close();
    await sink?.close();
    await db?.drop();
    await deleteKeys(prefix);
  });

  it('reminds the officers of the jurisdiction on the last working day, in their language', async () => {
    await waitFor(() => queue.getJob(reminderJobId(filingId, 'day_before')), 3000, 50, 'reminder job');
    // The akimat answers one of the two before the reminder is due: it gets no reminder.
    await db.pool.query(`UPDATE filing SET status = 'approved' WHERE id = $1`, [answeredId]);
    const messages = await sink.waitFor(
      (m) => m.some((x) => x.to.includes('aigerim.sultanova@almaty.gov.kz')),
      10_000,
    );
    await sleep(1000);
    const reminders = messages.filter((m) => m.to.includes('aigerim.sultanova@almaty.gov.kz'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0].subject).toMatch(/^Jiyn: ответьте на RM-N-000001 до \d\d\.\d\d\.\d{4} 00:00$/);
    expect(reminders[0].text).toContain('последний рабочий день');
    expect(reminders[0].text).toContain('— Қазақша —');
    expect(messages.some((m) => m.to.includes('dana@astana.gov.kz'))).toBe(false);
    const { rows } = await db.pool.query(
      `SELECT event_id, channel, recipient, status FROM message WHERE template = 'reminder.day_before' ORDER BY channel`,
    );
    expect(rows).toEqual([
      {
        event_id: `reminder-day_before-${filingId}`,
        channel: 'email',
        recipient: 'aigerim.sultanova@almaty.gov.kz',
        status: 'sent',
      },
      {
        event_id: `reminder-day_before-${filingId}`,
        channel: 'sms',
        recipient: '+77010000001',
        status: 'sent',
      },
    ]);
    // The second reminder, a few hours before the end of the day, waits in Redis.
    const later = await queue.getJob(reminderJobId(filingId, 'hours_before'));
    expect(await later?.getState()).toBe('delayed');
  });
});
