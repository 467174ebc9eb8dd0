import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import type { Logger } from 'pino';
import {
  bullConnection,
  bullPrefix,
  createQueue,
  JOB_QUEUE,
  JobName,
  JobSpec,
  QueueName,
  QUEUES,
} from '@jiyn/jobs';
import { JIYN_CONFIG, JiynConfig, LOGGER } from '@jiyn/platform';
import { throttledWarn, withTimeout } from './util';
import { WORKER_SETTINGS, WorkerSettings } from './worker-settings';

/** A job handler; `token` is the lock token a handler needs to re-delay its own job. */
export type JobHandler = (job: Job, token?: string) => Promise<unknown>;

/** How long one publish to Redis may take before the caller gives up (and retries later). */
export const PUBLISH_TIMEOUT_MS = 5000;

/**
 * Owns the worker's BullMQ queues and workers. Handlers register by job name; start() refuses to
 * run when any known job has no handler, so a job can never sit unprocessed for lack of code.
 */
@Injectable()
export class QueueRegistry implements OnApplicationShutdown {
  private readonly handlers = new Map<JobName, JobHandler>();
  private readonly queues = new Map<QueueName, Queue>();
  private readonly workers: Worker[] = [];
  private readonly workerOf = new Map<QueueName, Worker>();
  private readonly connection: Redis;
  private readonly workerConnections: Redis[] = [];
  private readonly warn: ReturnType<typeof throttledWarn>;
  private closing = false;

  constructor(
    @Inject(JIYN_CONFIG) private readonly config: JiynConfig,
    @Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.connection = bullConnection(config.redisUrl, 'jiyn-worker-queues');
    this.warn = throttledWarn(logger);
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = createQueue(name, this.connection, this.config.redisPrefix);
      queue.on('error', (err) => this.warn('queue error', { err: err.message, queue: name }));
      this.queues.set(name, queue);
    }
    return queue;
  }

  handle(job: JobName, handler: JobHandler): void {
    this.handlers.set(job, handler);
  }

  /** Whether Redis answers now; while it does not, callers skip Redis work instead of queueing it. */
  get ready(): boolean {
    return this.connection.status === 'ready' && !this.closing;
  }

  start(): void {
    const missing = (Object.keys(JOB_QUEUE) as JobName[]).filter((job) => !this.handlers.has(job));
    if (missing.length > 0) throw new Error(`no handler for job(s): ${missing.join(', ')}`);
    for (const queueName of Object.values(QUEUES)) {
      const connection = bullConnection(this.config.redisUrl, `jiyn-worker-${queueName}`);
      this.workerConnections.push(connection);
      const worker = new Worker(
        queueName,
        async (job, token) => {
          const handler = this.handlers.get(job.name as JobName);
          if (!handler) throw new Error(`no handler for job ${job.name}`);
          return handler(job, token);
        },
        {
          connection,
          prefix: bullPrefix(this.config.redisPrefix),
          concurrency:
            queueName === QUEUES.deadlines
              ? this.settings.deadlineConcurrency
              : queueName === QUEUES.messages
                ? this.settings.messageConcurrency
                : 2,
          // A job of a killed worker is taken up again within about 25 s.
          lockDuration: 15_000,
          stalledInterval: 10_000,
          maxStalledCount: 5,
          autorun: true,
        },
      );
      worker.on('failed', (job, err) =>
        this.logger.warn({ job: job?.name, id: job?.id, err: err.message }, 'job failed'),
      );
      worker.on('error', (err) => this.warn('worker error', { err: err.message, queue: queueName }));
      this.workers.push(worker);
      this.workerOf.set(queueName, worker);
    }
  }

  /** Stops this process taking new jobs of a queue (those under way finish); resume() undoes it. */
  pauseLocal(queueName: QueueName): void {
    void this.workerOf
      .get(queueName)
      ?.pause(true)
      .catch(() => undefined);
  }

  resumeLocal(queueName: QueueName): void {
    const worker = this.workerOf.get(queueName);
    if (worker?.isPaused()) void Promise.resolve(worker.resume()).catch(() => undefined);
  }

  /** Adds jobs, grouped by queue; an existing job id makes an add a no-op. */
  async publish(jobs: JobSpec[]): Promise<void> {
    if (jobs.length === 0) return;
    if (!this.ready) throw new Error('Redis is not reachable');
    const byQueue = new Map<QueueName, JobSpec[]>();
    for (const job of jobs) byQueue.set(job.queue, [...(byQueue.get(job.queue) ?? []), job]);
    await withTimeout(
      Promise.all(
        [...byQueue].map(([queue, specs]) =>
          this.queue(queue).addBulk(specs.map((s) => ({ name: s.name, data: s.data, opts: s.opts }))),
        ),
      ),
      PUBLISH_TIMEOUT_MS,
      'publishing jobs',
    );
  }

  /** Which of these job ids have no job (in any state) in the queue. */
  async missing(queueName: QueueName, jobIds: string[]): Promise<Set<string>> {
    if (jobIds.length === 0) return new Set();
    if (!this.ready) throw new Error('Redis is not reachable');
    const queue = this.queue(queueName);
    const pipeline = this.connection.pipeline();
    for (const id of jobIds) pipeline.exists(queue.toKey(id));
    const results = await withTimeout(pipeline.exec(), PUBLISH_TIMEOUT_MS, 'checking jobs');
    const out = new Set<string>();
    results?.forEach(([err, exists], i) => {
      if (err) throw err;
      if (!exists) out.add(jobIds[i]);
    });
    return out;
  }

  /** Removes jobs that are no longer needed (a filing answered before its deadline); best effort. */
  async remove(queueName: QueueName, jobIds: string[]): Promise<void> {
    if (!this.ready) return;
    const queue = this.queue(queueName);
    await Promise.allSettled(jobIds.map((id) => queue.remove(id)));
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
    this.closing = true;
    await Promise.allSettled(this.workers.map((w) => withTimeout(w.close(), 10_000, 'closing a worker')));
    await Promise.allSettled([...this.queues.values()].map((q) => withTimeout(q.close(), 5000, 'closing')));
    this.connection.disconnect();
    for (const connection of this.workerConnections) connection.disconnect();
  }
}
