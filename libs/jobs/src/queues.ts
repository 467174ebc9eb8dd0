import { JobsOptions, Queue, QueueOptions } from 'bullmq';
import Redis from 'ioredis';
import { JobName, QueueName } from './names';

/** A Redis connection as BullMQ wants it (blocking commands must not time out). */
export function bullConnection(redisUrl: string, name: string): Redis {
  const redis = new Redis(redisUrl, {
    maxRetriesPerRequest: null,
    connectionName: name,
    enableReadyCheck: false,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
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

/** A job to add: which queue, which job, its payload and options (jobId makes the add idempotent). */
export interface JobSpec {
  queue: QueueName;
  name: JobName;
  data: object;
  opts: JobsOptions & { jobId: string };
}
