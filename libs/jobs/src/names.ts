/**
 * Queue and job names (frozen: they are stored in Redis) and typed payloads shared by api and
 * worker. Payloads carry ids, never whole entities: the handler re-reads the database.
 */
export const QUEUES = Object.freeze({
  deadlines: 'deadlines',
  maintenance: 'maintenance',
  messages: 'messages',
} as const);
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = Object.freeze({
  heartbeat: 'heartbeat',
  deadlineReached: 'deadline-reached',
  reconcile: 'reconcile',
  sendMessage: 'send-message',
  officerReminder: 'officer-reminder',
  exportAuditHeads: 'export-audit-heads',
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
  /** What the message is about, unique per change: `outbox-<id>` for an outbox event. */
  eventId: string;
  filingId: string;
  /** The template: the outbox topic (`filing.registered`, ...). */
  template: string;
}

/** The officers' reminders before an answer deadline. */
export const REMINDER_KINDS = ['day_before', 'hours_before'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export interface OfficerReminderPayload {
  filingId: string;
  kind: ReminderKind;
  /** When the reminder is due (ISO instant, by the system clock). */
  at: string;
}

export interface JobPayloads {
  [JOBS.heartbeat]: HeartbeatPayload;
  [JOBS.deadlineReached]: DeadlineReachedPayload;
  [JOBS.reconcile]: ReconcilePayload;
  [JOBS.sendMessage]: SendMessagePayload;
  [JOBS.officerReminder]: OfficerReminderPayload;
  [JOBS.exportAuditHeads]: Record<string, never>;
}

/** The queue each job runs on; the worker refuses to start if a job has no handler. */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JOBS.heartbeat]: QUEUES.maintenance,
  [JOBS.deadlineReached]: QUEUES.deadlines,
  [JOBS.reconcile]: QUEUES.maintenance,
  [JOBS.sendMessage]: QUEUES.messages,
  [JOBS.officerReminder]: QUEUES.messages,
  [JOBS.exportAuditHeads]: QUEUES.maintenance,
};

/**
 * Topics of outbox_event rows. The api and the worker write them in the same transaction as the
 * change they announce; the worker's relay publishes them as jobs.
 */
export const OUTBOX_TOPICS = Object.freeze({
  registered: 'filing.registered',
  answered: 'filing.answered',
  changeProposed: 'filing.change_proposed',
  proposalAccepted: 'filing.proposal_accepted',
  proposalDeclined: 'filing.proposal_declined',
  withdrawn: 'filing.withdrawn',
  deemedApproved: 'filing.deemed_approved',
  answerOverdue: 'filing.answer_overdue',
} as const);
export type OutboxTopic = (typeof OUTBOX_TOPICS)[keyof typeof OUTBOX_TOPICS];

/** One delayed deadline job per filing: a second add with the same id is a no-op. */
export function deadlineJobId(filingId: string): string {
  return `deadline-${filingId}`;
}

export function reminderJobId(filingId: string, kind: ReminderKind): string {
  return `reminder-${kind}-${filingId}`;
}

/** The message event of an outbox event (also the job id of its send-message job). */
export function outboxMessageEventId(outboxEventId: string): string {
  return `outbox-${outboxEventId}`;
}

export function reminderEventId(filingId: string, kind: ReminderKind): string {
  return `reminder-${kind}-${filingId}`;
}

export function workerHeartbeatKey(prefix: string): string {
  return `${prefix}:worker:heartbeat`;
}

/**
 * A key the worker writes once and expects to find again: when it is gone, Redis lost its data
 * (flushed, or restarted without persistence) and the worker re-creates schedules and jobs at once.
 */
export function workerSentinelKey(prefix: string): string {
  return `${prefix}:worker:sentinel`;
}

export const HEARTBEAT_EVERY_MS = 10_000;
