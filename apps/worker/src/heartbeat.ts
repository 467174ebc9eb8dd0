import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import Redis from 'ioredis';
import type { Logger } from 'pino';
import { HEARTBEAT_EVERY_MS, JOBS, QUEUES, workerHeartbeatKey } from '@jiyn/jobs';
import { CLOCK, Clock, JIYN_CONFIG, JiynConfig, LOGGER, REDIS } from '@jiyn/platform';
import { QueueRegistry } from './queue-registry';
import { WorkerHealth } from './worker-health';

/**
 * A repeatable job that proves the wiring end to end (scheduler -> Redis -> worker -> handler)
 * and publishes the worker's health for the api's /health.
 */
@Injectable()
export class Heartbeat implements OnApplicationBootstrap {
  private readonly startedAt: string;

  constructor(
    private readonly registry: QueueRegistry,
    private readonly health: WorkerHealth,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(JIYN_CONFIG) private readonly config: JiynConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.startedAt = clock.now().toISOString();
    registry.handle(JOBS.heartbeat, async () => this.beat());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.registry
      .queue(QUEUES.maintenance)
      .upsertJobScheduler(
        'heartbeat',
        { every: HEARTBEAT_EVERY_MS },
        { name: JOBS.heartbeat, data: { startedAt: this.startedAt } },
      )
      .catch((err) => this.logger.warn({ err: err.message }, 'cannot schedule the heartbeat yet'));
  }

  async beat(): Promise<{ at: string }> {
    const at = this.clock.now().toISOString();
    const snapshot = { status: 'ok', at, startedAt: this.startedAt, ...(await this.health.snapshot()) };
    await this.redis.set(
      workerHeartbeatKey(this.config.redisPrefix),
      JSON.stringify(snapshot),
      'PX',
      HEARTBEAT_EVERY_MS * 3,
    );
    return { at };
  }
}
