import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import type { Logger } from 'pino';
import { bullConnection, bullPrefix, createQueue, JOB_QUEUE, JobName, QueueName, QUEUES } from '@jiyn/jobs';
import { JIYN_CONFIG, JiynConfig, LOGGER } from '@jiyn/platform';

export type JobHandler = (job: Job) => Promise<unknown>;

/**
 * Owns the worker's BullMQ queues and workers. Handlers register by job name; start() refuses to
 * run when any known job has no handler, so a job can never sit unprocessed for lack of code.
 */
@Injectable()
export class QueueRegistry implements OnApplicationShutdown {
  private readonly handlers = new Map<JobName, JobHandler>();
  private readonly queues = new Map<QueueName, Queue>();
  private readonly workers: Worker[] = [];
  private readonly connection: Redis;

  constructor(
    @Inject(JIYN_CONFIG) private readonly config: JiynConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.connection = bullConnection(config.redisUrl, 'jiyn-worker-queues');
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = createQueue(name, this.connection, this.config.redisPrefix);
      queue.on('error', (err) => this.logger.warn({ err: err.message, queue: name }, 'queue error'));
      this.queues.set(name, queue);
    }
    return queue;
  }

  handle(job: JobName, handler: JobHandler): void {
    this.handlers.set(job, handler);
  }

  start(): void {
    const missing = (Object.keys(JOB_QUEUE) as JobName[]).filter((job) => !this.handlers.has(job));
    if (missing.length > 0) throw new Error(`no handler for job(s): ${missing.join(', ')}`);
    for (const queueName of Object.values(QUEUES)) {
      const worker = new Worker(
        queueName,
        async (job) => {
          const handler = this.handlers.get(job.name as JobName);
          if (!handler) throw new Error(`no handler for job ${job.name}`);
          return handler(job);
        },
        {
          connection: bullConnection(this.config.redisUrl, `jiyn-worker-${queueName}`),
          prefix: bullPrefix(this.config.redisPrefix),
          concurrency: queueName === QUEUES.deadlines ? 20 : 4,
          autorun: true,
        },
      );
      worker.on('failed', (job, err) =>
        this.logger.warn({ job: job?.name, id: job?.id, err: err.message }, 'job failed'),
      );
      worker.on('error', (err) => this.logger.warn({ err: err.message, queue: queueName }, 'worker error'));
      this.workers.push(worker);
    }
  }

  async depth(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const name of Object.values(QUEUES)) {
      const counts = await this.queue(name).getJobCounts('waiting', 'delayed', 'active');
      out[name] = (counts.waiting ?? 0) + (counts.delayed ?? 0) + (counts.active ?? 0);
    }
    return out;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.workers.map((w) => w.close()));
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    this.connection.disconnect();
  }
}
