import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { JobSpec, OUTBOX_TOPICS } from '@jiyn/jobs';
import { CLOCK, Clock, LOGGER } from '@jiyn/platform';
import { DeadlineDecider } from '../deadlines/deadline-decider';
import { DeadlineJobs, PENDING_DEADLINE_SQL, toPendingDeadline } from '../deadlines/deadline-jobs';
import { QueueRegistry } from '../queue-registry';
import { errorMessage, sleep, throttledWarn } from '../util';
import { WORKER_SETTINGS, WorkerSettings } from '../worker-settings';
import { ANSWER_TOPICS, filingIdOf, messageJobOf, OutboxEvent } from './event-routes';

/**
 * The outbox relay. Events are written in the same transaction as the change they announce; the
 * relay takes unsent ones in batches (FOR UPDATE SKIP LOCKED, so several workers share them),
 * publishes their jobs to BullMQ and marks them sent in that transaction: at least once, and every
 * job id is derived from the event or the filing, so a second publish adds nothing. While Redis
 * is down nothing is marked sent, and the events wait in PostgreSQL.
 *
 * `filing.registered` schedules the filing's deadline job and the officers' reminders (the api
 * never talks to BullMQ, so it accepts filings while Redis is down); every topic becomes a
 * message to the organizer.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private stopped = false;
  private loop: Promise<void> | undefined;
  private readonly warn: ReturnType<typeof throttledWarn>;
  relayed = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: QueueRegistry,
    private readonly jobs: DeadlineJobs,
    private readonly decider: DeadlineDecider,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.warn = throttledWarn(logger);
  }

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let relayed = 0;
      try {
        relayed = await this.relayOnce();
      } catch (error) {
        this.warn('outbox relay failed; retrying', { err: errorMessage(error) });
        await sleep(1000);
      }
      if (relayed < this.settings.relayBatchSize) {
        await sleep(this.registry.ready ? this.settings.relayPollMs : 1000);
      }
    }
  }

  /** One batch; answers how many events it published. */
  async relayOnce(): Promise<number> {
    // While thousands of filings are being decided at one instant, their decisions go first.
    if (!this.registry.ready || this.decider.busy) return 0;
    const removals: string[] = [];
    const count = await this.dataSource.transaction(async (m) => {
      const rows: any[] = await m.query(
        `SELECT id, topic, aggregate_id, payload FROM outbox_event WHERE sent_at IS NULL
         ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.settings.relayBatchSize],
      );
      if (rows.length === 0) return 0;
      const events: OutboxEvent[] = rows.map((r) => ({
        id: String(r.id),
        topic: r.topic,
        aggregateId: r.aggregate_id,
        payload: r.payload ?? {},
      }));
      const now = this.clock.now();
      const registered = events.filter((e) => e.topic === OUTBOX_TOPICS.registered).map(filingIdOf);
      const pending = new Map<string, any>();
      if (registered.length > 0) {
        const filings: any[] = await m.query(
          `${PENDING_DEADLINE_SQL} WHERE f.id = ANY($1::uuid[]) AND f.status = 'submitted'`,
          [registered.filter((id) => /^[0-9a-f-]{36}$/i.test(id))],
        );
        for (const f of filings) pending.set(f.id, f);
      }
      const specs: JobSpec[] = [];
      for (const event of events) {
        if (event.topic === OUTBOX_TOPICS.registered) {
          const filing = pending.get(filingIdOf(event));
          if (filing) specs.push(...this.jobs.specsFor(toPendingDeadline(filing), now));
        }
        if (ANSWER_TOPICS.has(event.topic)) removals.push(filingIdOf(event));
        const message = messageJobOf(event);
        if (message) specs.push(message);
        else this.logger.debug({ topic: event.topic, id: event.id }, 'outbox event without a consumer');
      }
      await this.registry.publish(specs);
      await m.query(
        `UPDATE outbox_event SET sent_at = $2, attempts = attempts + 1 WHERE id = ANY($1::bigint[])`,
        [events.map((e) => e.id), now],
      );
      return events.length;
    });
    // The deadline and reminder jobs of answered filings are moot (they would find nothing to do).
    for (const filingId of removals) {
      for (const { queue, ids } of this.jobs.jobIdsOf(filingId)) await this.registry.remove(queue, ids);
    }
    this.relayed += count;
    return count;
  }

  /** Unsent events and the real age of the oldest (created_at is the database's time), for health. */
  async backlog(): Promise<{ unsent: number; oldestSeconds: number | null }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS unsent, min(created_at) AS oldest FROM outbox_event WHERE sent_at IS NULL`,
    );
    return {
      unsent: row?.unsent ?? 0,
      oldestSeconds: row?.oldest
        ? Math.max(0, Math.round((Date.now() - new Date(row.oldest).getTime()) / 1000))
        : null,
    };
  }
}
