import { Queue, QueueOptions } from 'bullmq';
import Redis from 'ioredis';
import { QueueName } from './names';

/** A Redis connection as BullMQ wants it (blocking commands must not time out). */
export function bullConnection(redisUrl: string, name: string): Redis {
  const redis = new Redis(redisUrl, {
    maxRetriesPerRequest: null,
    connectionName: name,
    enableReadyCheck: false,
  });
  redis.on('error', () => undefined);
  return redis;
}

export function bullPrefix(redisPrefix: string): string {
  return `${redisPrefix}:bull`;
}

export function createQueue(
  name: QueueName,
  connection: Redis,
  redisPrefix: string,
  options: Partial<QueueOptions> = {},
) {
  return new Queue(name, {
    connection,
    prefix: bullPrefix(redisPrefix),
    defaultJobOptions: {
      removeOnComplete: 1000,
      removeOnFail: 5000,
      attempts: 5,
      backoff: { type: 'exponential', delay: 1000 },
    },
    ...options,
  });
}
