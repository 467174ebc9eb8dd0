import { deadlineJobId, JOBS, QUEUES, reminderJobId } from '@jiyn/jobs';
import { ManualClock } from '@jiyn/platform';
import { DeadlineJobs, reminderInstant } from './deadline-jobs';

describe('the timed jobs of a pending filing', () => {
  const filing = {
    id: '3f2a6c1e-1111-4222-8333-444455556666',
    answerDeadline: new Date('2026-12-05T00:00:00+05:00'),
    answerDueBy: '2026-12-04',
    timeZone: 'Asia/Almaty',
  };
  const jobsAt = (now: string) =>
    new DeadlineJobs(null as any, null as any, new ManualClock(new Date(now))).specsFor(filing);

  it('reminds at the start of the last working day and a few hours before its end, local time', () => {
    expect(reminderInstant('day_before', '2026-12-04', 'Asia/Almaty').toISOString()).toBe(
      '2026-12-04T04:00:00.000Z',
    );
    expect(reminderInstant('hours_before', '2026-12-04', 'Asia/Almaty').toISOString()).toBe(
      '2026-12-04T10:00:00.000Z',
    );
  });

  it('delays the deadline job until the deadline by the system clock', () => {
    const specs = jobsAt('2026-12-01T05:00:00Z');
    expect(specs.map((s) => [s.queue, s.name, s.opts.jobId, s.opts.delay])).toEqual([
      [
        QUEUES.deadlines,
        JOBS.deadlineReached,
        deadlineJobId(filing.id),
        filing.answerDeadline.getTime() - Date.parse('2026-12-01T05:00:00Z'),
      ],
      [
        QUEUES.messages,
        JOBS.officerReminder,
        reminderJobId(filing.id, 'day_before'),
        Date.parse('2026-12-04T04:00:00Z') - Date.parse('2026-12-01T05:00:00Z'),
      ],
      [
        QUEUES.messages,
        JOBS.officerReminder,
        reminderJobId(filing.id, 'hours_before'),
        Date.parse('2026-12-04T10:00:00Z') - Date.parse('2026-12-01T05:00:00Z'),
      ],
    ]);
  });

  it('leaves out reminders already past, and fires at once after the deadline', () => {
    expect(jobsAt('2026-12-04T08:00:00Z').map((s) => s.opts.jobId)).toEqual([
      deadlineJobId(filing.id),
      reminderJobId(filing.id, 'hours_before'),
    ]);
    const late = jobsAt('2026-12-06T00:00:00Z');
    expect(late).toHaveLength(1);
    expect(late[0].opts.delay).toBe(0);
  });
});
