import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import type { Logger } from 'pino';
import { HEARTBEAT_EVERY_MS, JOBS, QUEUES, workerSentinelKey } from '@jiyn/jobs';
import { CLOCK, Clock, JIYN_CONFIG, JiynConfig, LOGGER, REDIS } from '@jiyn/platform';
import { AUDIT_EXPORT_EVERY_MS } from '../audit/audit-head-exporter';
import { MessageService } from '../messages/message.service';
import { QueueRegistry } from '../queue-registry';
import { errorMessage, SingleFlight, throttledWarn, withTimeout } from '../util';
import { DeadlineDecider } from './deadline-decider';
import { DeadlineJobs } from './deadline-jobs';

export interface SweepSummary {
  startedAt: string;
  finishedAt: string;
  decided: number;
  jobsRecreated: number | null;
  messagesRequeued: number | null;
}

/**
 * The reconciliation sweep: the database, not Redis, is the source of truth for deadlines. A
 * repeatable job (every SWEEP_INTERVAL_MS) and a run at start-up decide every overdue pending
 * filing straight from the database and re-create the delayed jobs Redis has lost.
 *
 * A watchdog in the process keeps that true when Redis misbehaves: it notices that Redis lost its
 * data (the sentinel key is gone), re-creates the schedules and sweeps at once; while Redis is
 * unreachable it sweeps from the database on its own every interval, so deadlines are decided
 * even then (their messages follow when Redis is back).
 */
@Injectable()
export class Reconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly flight: SingleFlight<SweepSummary>;
  private readonly warn: ReturnType<typeof throttledWarn>;
  private readonly startedAt: string;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private sentinelSeen = false;
  private lastSweepRealMs = 0;
  private lastSchedulesRealMs = 0;
  private redisDown = false;
  last: SweepSummary | null = null;

  constructor(
    private readonly registry: QueueRegistry,
    private readonly decider: DeadlineDecider,
    private readonly jobs: DeadlineJobs,
    private readonly messages: MessageService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(JIYN_CONFIG) private readonly config: JiynConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.startedAt = clock.now().toISOString();
    this.warn = throttledWarn(logger);
    this.flight = new SingleFlight(() => this.doSweep());
    registry.handle(JOBS.reconcile, async () => this.sweep());
  }

  /** How often the watchdog looks at Redis. */
  get tickMs(): number {
    return Math.min(5000, Math.max(250, Math.floor(this.config.sweepIntervalMs / 4)));
  }

  onApplicationBootstrap(): void {
    // Not awaited: the worker starts (and decides from the database) even while Redis is down.
    void this.tick();
    this.sweep().catch((error) => this.logger.error({ err: errorMessage(error) }, 'start-up sweep failed'));
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  sweep(): Promise<SweepSummary> {
    return this.flight.run();
  }

  private async doSweep(): Promise<SweepSummary> {
    const startedAt = this.clock.now().toISOString();
    this.lastSweepRealMs = Date.now();
    const decided = await this.decider.runDue();
    let jobsRecreated: number | null = null;
    let messagesRequeued: number | null = null;
    if (this.registry.ready) {
      try {
        jobsRecreated = await this.jobs.ensureFutureJobs();
        messagesRequeued = await this.messages.requeueStuck();
      } catch (error) {
        this.warn('sweep could not re-create jobs in Redis', { err: errorMessage(error) });
      }
    }
    if (jobsRecreated) this.logger.warn({ jobsRecreated }, 'sweep re-created missing delayed jobs');
    this.last = {
      startedAt,
      finishedAt: this.clock.now().toISOString(),
      decided,
      jobsRecreated,
      messagesRequeued,
    };
    return this.last;
  }

  /**
   * The repeatable jobs: the sweep, the signed export of the audit heads and the heartbeat (an
   * upsert keeps an existing schedule as it is).
   */
  async ensureSchedules(): Promise<void> {
    const queue = this.registry.queue(QUEUES.maintenance);
    await withTimeout(
      Promise.all([
        queue.upsertJobScheduler(
          'reconcile',
          { every: this.config.sweepIntervalMs },
          { name: JOBS.reconcile, data: {}, opts: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 } },
        ),
        queue.upsertJobScheduler(
          'export-audit-heads',
          { every: AUDIT_EXPORT_EVERY_MS },
          {
            name: JOBS.exportAuditHeads,
            data: {},
            opts: { attempts: 3, removeOnComplete: 10, removeOnFail: 50 },
          },
        ),
        queue.upsertJobScheduler(
          'heartbeat',
          { every: HEARTBEAT_EVERY_MS },
          {
            name: JOBS.heartbeat,
            data: { startedAt: this.startedAt },
            opts: { attempts: 1, removeOnComplete: 10, removeOnFail: 10 },
          },
        ),
      ]),
      5000,
      'scheduling the sweep',
    );
    this.lastSchedulesRealMs = Date.now();
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.watch();
    } catch (error) {
      this.warn('watchdog failed', { err: errorMessage(error) });
    } finally {
      if (!this.stopped) this.timer = setTimeout(() => void this.tick(), this.tickMs);
    }
  }

  private async watch(): Promise<void> {
    const interval = this.config.sweepIntervalMs;
    let created: string | null;
    try {
      created = await this.redis.set(workerSentinelKey(this.config.redisPrefix), this.startedAt, 'NX');
    } catch (error) {
      if (!this.redisDown)
        this.logger.warn({ err: errorMessage(error) }, 'Redis is unreachable; sweeping from the database');
      this.redisDown = true;
      if (Date.now() - this.lastSweepRealMs >= interval) void this.sweepQuietly();
      return;
    }
    const lost = created === 'OK' && this.sentinelSeen;
    if (this.redisDown) this.logger.info('Redis is reachable again');
    const back = this.redisDown;
    this.redisDown = false;
    this.sentinelSeen = true;
    if (lost) this.logger.warn('Redis lost its data: re-creating the schedules and the delayed jobs');
    if (lost || back || created === 'OK' || Date.now() - this.lastSchedulesRealMs >= interval) {
      await this.ensureSchedules();
    }
    // Lost data or an outage: sweep now rather than at the next interval. And if no sweep has run
    // here for two intervals (the repeatable job is stuck or runs elsewhere), sweep anyway.
    if (lost || back || Date.now() - this.lastSweepRealMs >= 2 * interval) void this.sweepQuietly();
  }

  private async sweepQuietly(): Promise<void> {
    await this.sweep().catch((error) => this.warn('sweep failed', { err: errorMessage(error) }));
  }
}
