import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import type { Logger } from 'pino';
import { JIYN_CONFIG, JiynConfig, LOGGER, REDIS } from '@jiyn/platform';
import { problems } from '../common/problem';

/**
 * Fixed-window counters in Redis, so limits hold across several api processes. When Redis is
 * down the limiter lets requests through (and logs it): sign-in and filing must not stop with it.
 */
@Injectable()
export class RateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(JIYN_CONFIG) private readonly config: JiynConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async consume(bucket: string, key: string, limit: number, windowSeconds: number): Promise<void> {
    const redisKey = `${this.config.redisPrefix}:rl:${bucket}:${key}`;
    let count: number;
    let ttl: number;
    try {
      const result = await this.redis
        .multi()
        .incr(redisKey)
        .expire(redisKey, windowSeconds, 'NX')
        .ttl(redisKey)
        .exec();
      count = Number(result?.[0]?.[1] ?? 0);
      ttl = Number(result?.[2]?.[1] ?? windowSeconds);
    } catch (error) {
      this.logger.warn({ bucket, err: (error as Error).message }, 'rate limiter unavailable; allowing');
      return;
    }
    if (count > limit) {
      throw problems.tooManyRequests(
        `Too many attempts; try again in ${Math.max(ttl, 1)} s.`,
        Math.max(ttl, 1),
      );
    }
  }
}
