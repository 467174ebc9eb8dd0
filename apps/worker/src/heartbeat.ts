import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { HEARTBEAT_EVERY_MS, JOBS, workerHeartbeatKey } from '@jiyn/jobs';
import { CLOCK, Clock, JIYN_CONFIG, JiynConfig, REDIS } from '@jiyn/platform';
import { QueueRegistry } from './queue-registry';
import { WorkerHealth } from './worker-health';

/**
 * A repeatable job (scheduled with the sweep, see Reconciler.ensureSchedules) that proves the
 * wiring end to end (scheduler -> Redis -> worker -> handler) and publishes the worker's health
 * for the api's /health.
 */
@Injectable()
export class Heartbeat {
  private readonly startedAt: string;

  constructor(
    registry: QueueRegistry,
    private readonly health: WorkerHealth,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(JIYN_CONFIG) private readonly config: JiynConfig,
  ) {
    this.startedAt = clock.now().toISOString();
    registry.handle(JOBS.heartbeat, async () => this.beat());
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
