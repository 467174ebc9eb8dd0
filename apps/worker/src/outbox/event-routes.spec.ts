import { JOBS, OUTBOX_TOPICS, QUEUES } from '@jiyn/jobs';
import { ANSWER_TOPICS, filingIdOf, messageJobOf } from './event-routes';

const event = (topic: string) => ({
  id: '42',
  topic,
  aggregateId: '3f2a6c1e-1111-4222-8333-444455556666',
  payload: { filingId: '3f2a6c1e-1111-4222-8333-444455556666' },
});

describe('outbox event routes', () => {
  it('makes one message job per event, its id derived from the event', () => {
    for (const topic of Object.values(OUTBOX_TOPICS)) {
      expect(messageJobOf(event(topic))).toEqual({
        queue: QUEUES.messages,
        name: JOBS.sendMessage,
        data: { eventId: 'outbox-42', filingId: '3f2a6c1e-1111-4222-8333-444455556666', template: topic },
        opts: expect.objectContaining({ jobId: 'outbox-42' }),
      });
    }
  });

  it('ignores topics nobody consumes', () => {
    expect(messageJobOf(event('venue.created'))).toBeUndefined();
  });

  it('knows which events end the wait for the deadline', () => {
    expect(ANSWER_TOPICS.has(OUTBOX_TOPICS.answered)).toBe(true);
    expect(ANSWER_TOPICS.has(OUTBOX_TOPICS.registered)).toBe(false);
    expect(filingIdOf({ ...event('x'), payload: {} })).toBe('3f2a6c1e-1111-4222-8333-444455556666');
  });
});
