/**
 * 10,000 notifications whose answer deadlines fall at the same instant (midnight after a holiday):
 * how long the worker takes to decide them all, and how late each one is. Not a test: run it with
 *
 *   node -r @swc-node/register test/bench/deemed-approval.bench.ts [filings] [lead-seconds]
 *
 * It creates its own database (migrations, demo data) and Redis key prefix, writes the filings
 * and their `filing.registered` outbox events as the api does, starts the worker as its own
 * process with the clock set `lead` seconds before the deadline (the relay schedules the 10,000
 * delayed jobs meanwhile), watches the decisions, prints the figures, and removes all it made.
 *
 * Lateness is measured two ways: by the system clock written with each transition (updated_at,
 * the instant passed into the conditional UPDATE) and as observed by polling the database every
 * 25 ms (when the transition was committed and visible, in real time). Goal: all within 10 s,
 * none early.
 */
import { deleteKeysWithPrefix } from '../support/redis-keys';
import 'reflect-metadata';
import { cpus } from 'node:os';
import {
  almatyMidnight,
  createPrivateDatabase,
  insertFilings,
  PrivateDatabase,
  sleep,
  spawnWorker,
  WorkerProcess,
} from '../chaos/harness';

const FILINGS = Number(process.argv[2] ?? 10_000);
const LEAD_S = Number(process.argv[3] ?? 60);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `jiyn-bench-${Date.now().toString(36)}`;

const say = (line: string) => process.stdout.write(`${line}\n`);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(label: string, values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  say(
    `${label.padEnd(34)} min ${sorted[0]} ms  p50 ${percentile(sorted, 50)} ms  p99 ${percentile(sorted, 99)} ms  max ${sorted[sorted.length - 1]} ms`,
  );
}

const deleteKeys = () => deleteKeysWithPrefix(REDIS_URL, PREFIX);

async function main() {
  let db: PrivateDatabase | undefined;
  let worker: WorkerProcess | undefined;
  try {
    say(`deemed approval benchmark: ${FILINGS} notifications due at one instant; ${cpus().length} CPUs`);
    db = await createPrivateDatabase('bench');
    const deadline = almatyMidnight(new Date(), 3);
    let t = Date.now();
    const ids = await insertFilings(db.pool, { count: FILINGS, deadline, prefix: 'BN' });
    say(`wrote ${ids.length} filings and their outbox events in ${Date.now() - t} ms`);

    const anchor = Date.now() + 1000;
    const deadlineReal = anchor + LEAD_S * 1000;
    worker = spawnWorker({
      DATABASE_URL: db.url,
      REDIS_URL,
      REDIS_PREFIX: PREFIX,
      CLOCK_START: new Date(deadline.getTime() - LEAD_S * 1000).toISOString(),
      CLOCK_ANCHOR: new Date(anchor).toISOString(),
      LOG_LEVEL: 'error',
    });
    t = Date.now();
    for (;;) {
      const { rows } = await db.pool.query(
        `SELECT count(*)::int AS n FROM outbox_event WHERE sent_at IS NULL`,
      );
      if (rows[0].n === 0) break;
      if (Date.now() > deadlineReal)
        throw new Error('the relay did not publish the events before the deadline');
      await sleep(50);
    }
    say(
      `worker started and relayed ${FILINGS} registrations (delayed jobs scheduled) in ${Date.now() - t} ms`,
    );
    // The organizer's "registered" messages of those days are long sent when the midnight comes.
    for (;;) {
      const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM message WHERE status = 'sent'`);
      if (rows[0].n >= 2 * FILINGS) break;
      if (Date.now() > deadlineReal - 2000) {
        say(`only ${rows[0].n} registration messages sent before the deadline`);
        break;
      }
      await sleep(200);
    }
    say(`registration messages (e-mail and SMS, logged) sent ${Date.now() - t} ms after start`);
    say(`deadline in ${((deadlineReal - Date.now()) / 1000).toFixed(1)} s; watching`);

    const seen = new Map<string, number>();
    let earlyObserved = 0;
    while (seen.size < FILINGS && Date.now() < deadlineReal + 120_000) {
      const { rows } = await db.pool.query(
        `SELECT id FROM filing WHERE status <> 'submitted' AND id <> ALL($1::uuid[])`,
        [[...seen.keys()]],
      );
      const now = Date.now();
      for (const r of rows) {
        seen.set(r.id, now);
        if (now < deadlineReal) earlyObserved += 1;
      }
      await sleep(25);
    }
    if (seen.size < FILINGS)
      say(`only ${seen.size} of ${FILINGS} decided within two minutes of the deadline`);

    const { rows } = await db.pool.query(
      `SELECT status, extract(epoch FROM (updated_at - answer_deadline)) * 1000 AS late_ms,
         deemed_approved_at = answer_deadline AS at_deadline
       FROM filing WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const clockLateness = rows
      .filter((r) => r.status !== 'submitted')
      .map((r) => Math.round(Number(r.late_ms)));
    const observed = [...seen.values()].map((at) => at - deadlineReal);
    const last = Math.max(...observed);
    say('');
    say(
      `decided: ${clockLateness.length} of ${FILINGS} (${rows.filter((r) => r.status === 'deemed_approved').length} deemed approved)`,
    );
    say(`all decided ${last} ms after the deadline (observed)`);
    summary('lateness by the clock (updated_at)', clockLateness);
    summary('lateness observed (25 ms polling)', observed);
    say(
      `early: ${clockLateness.filter((l) => l < 0).length} by the clock, ${earlyObserved} observed; ` +
        `deemed_approved_at = deadline for ${rows.filter((r) => r.at_deadline).length}`,
    );
    const { rows: audit } = await db.pool.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'filing.deemed_approved'`,
    );
    say(`audit rows: ${audit[0].n}`);
    say(
      last <= 10_000 && clockLateness.every((l) => l >= 0)
        ? 'goal met: all within 10 s, none early'
        : 'goal NOT met',
    );
  } finally {
    if (worker) {
      await worker.kill('SIGTERM');
      if (worker.child.exitCode !== 0 && worker.output().trim()) say(worker.output().slice(-2000));
    }
    await db?.drop();
    await deleteKeys();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
