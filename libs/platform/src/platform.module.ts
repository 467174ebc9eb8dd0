import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import type { Logger } from 'pino';
import { CLOCK, SystemClock } from './clock';
import { JiynConfig } from './config';

export const JIYN_CONFIG = Symbol('JIYN_CONFIG');
export const LOGGER = Symbol('LOGGER');
export const REDIS = Symbol('REDIS');

/** Closes the shared Redis connection when the application shuts down. */
@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

export function createRedis(config: JiynConfig, name: string): Redis {
  const redis = new Redis(config.redisUrl, {
    connectionName: name,
    // Commands fail fast while Redis is down instead of piling up; callers degrade gracefully.
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  redis.on('error', () => undefined);
  return redis;
}

/** Configuration, clock, logger and the shared Redis connection for api and worker alike. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: JiynConfig, logger: Logger, processName: string): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: JIYN_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        { provide: CLOCK, useValue: new SystemClock(config.clockStart, config.clockAnchor) },
        { provide: REDIS, useFactory: () => createRedis(config, `jiyn-${processName}`) },
        RedisCloser,
      ],
      exports: [JIYN_CONFIG, LOGGER, CLOCK, REDIS],
    };
  }
}
