/**
 * Queue and job names (frozen: they are stored in Redis) and typed payloads shared by api and
 * worker. Payloads carry ids, never whole entities: the handler re-reads the database.
 */
export const QUEUES = Object.freeze({
  deadlines: 'deadlines',
  maintenance: 'maintenance',
  outbox: 'outbox',
  messages: 'messages',
} as const);
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = Object.freeze({
  heartbeat: 'heartbeat',
  deadlineReached: 'deadline-reached',
  reconcile: 'reconcile',
  relayOutbox: 'relay-outbox',
  sendMessage: 'send-message',
} as const);
export type JobName = (typeof JOBS)[keyof typeof JOBS];

export interface HeartbeatPayload {
  startedAt: string;
}
export interface DeadlineReachedPayload {
  filingId: string;
  /** The answer deadline the job was scheduled for (ISO instant). */
  deadline: string;
}
export interface ReconcilePayload {
  batchSize?: number;
}
export interface SendMessagePayload {
  outboxEventId: string;
  filingId: string;
  template: string;
}

export interface JobPayloads {
  [JOBS.heartbeat]: HeartbeatPayload;
  [JOBS.deadlineReached]: DeadlineReachedPayload;
  [JOBS.reconcile]: ReconcilePayload;
  [JOBS.relayOutbox]: Record<string, never>;
  [JOBS.sendMessage]: SendMessagePayload;
}

/** The queue each job runs on; the worker refuses to start if a job has no handler. */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JOBS.heartbeat]: QUEUES.maintenance,
  [JOBS.deadlineReached]: QUEUES.deadlines,
  [JOBS.reconcile]: QUEUES.maintenance,
  [JOBS.relayOutbox]: QUEUES.outbox,
  [JOBS.sendMessage]: QUEUES.messages,
};

/** One delayed deadline job per filing: a second add with the same id is a no-op. */
export function deadlineJobId(filingId: string): string {
  return `deadline-${filingId}`;
}

export function workerHeartbeatKey(prefix: string): string {
  return `${prefix}:worker:heartbeat`;
}

export const HEARTBEAT_EVERY_MS = 10_000;
