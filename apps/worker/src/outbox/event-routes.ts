import { JOBS, JobSpec, OUTBOX_TOPICS, outboxMessageEventId, QUEUES, SendMessagePayload } from '@jiyn/jobs';

export interface OutboxEvent {
  id: string;
  topic: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

/** The topics that tell the organizer something (each becomes one send-message job). */
export const MESSAGE_TOPICS: ReadonlySet<string> = new Set(Object.values(OUTBOX_TOPICS));

/** The topics after which a filing no longer waits for its deadline (its timed jobs can go). */
export const ANSWER_TOPICS: ReadonlySet<string> = new Set([
  OUTBOX_TOPICS.answered,
  OUTBOX_TOPICS.changeProposed,
  OUTBOX_TOPICS.withdrawn,
]);

export function filingIdOf(event: OutboxEvent): string {
  const id = event.payload?.filingId;
  return typeof id === 'string' ? id : event.aggregateId;
}

/** The message job of an event: its job id is the message event id, so a re-publish is a no-op. */
export function messageJobOf(event: OutboxEvent): JobSpec | undefined {
  if (!MESSAGE_TOPICS.has(event.topic)) return undefined;
  const eventId = outboxMessageEventId(event.id);
  const data: SendMessagePayload = { eventId, filingId: filingIdOf(event), template: event.topic };
  return {
    queue: QUEUES.messages,
    name: JOBS.sendMessage,
    data,
    opts: { jobId: eventId, attempts: 8, backoff: { type: 'exponential', delay: 2000 } },
  };
}
