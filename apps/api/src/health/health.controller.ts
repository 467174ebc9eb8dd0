import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { CLOCK, Clock, JIYN_CONFIG, JiynConfig, REDIS } from '@jiyn/platform';
import { workerHeartbeatKey } from '@jiyn/jobs';

async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(JIYN_CONFIG) private readonly config: JiynConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: '200 when PostgreSQL and Redis answer, 503 otherwise; includes the worker heartbeat',
  })
  async health(@Res() reply: FastifyReply) {
    const [database, redis] = await Promise.all([
      within(2000, this.dataSource.query('SELECT 1')).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
      within(2000, this.redis.ping()).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
    ]);
    let worker: unknown = null;
    if (redis === 'up') {
      const raw = await within(1000, this.redis.get(workerHeartbeatKey(this.config.redisPrefix))).catch(
        () => null,
      );
      worker = raw ? JSON.parse(raw) : { status: 'unknown' };
    }
    const ok = database === 'up' && redis === 'up';
    const body = {
      status: ok ? 'ok' : 'unavailable',
      time: this.clock.now().toISOString(),
      database,
      redis,
      worker,
    };
    reply
      .status(ok ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(body);
  }
}
