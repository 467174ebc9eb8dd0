import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { instantOfLocal } from '@jiyn/domain';
import {
  deadlineJobId,
  JOBS,
  JobSpec,
  QUEUES,
  REMINDER_KINDS,
  reminderJobId,
  ReminderKind,
} from '@jiyn/jobs';
import { CLOCK, Clock } from '@jiyn/platform';
import { QueueRegistry } from '../queue-registry';

/** A pending filing as far as its timed jobs are concerned. */
export interface PendingDeadline {
  id: string;
  answerDeadline: Date;
  /** The last day of the answer period (local date). */
  answerDueBy: string;
  timeZone: string;
}

/**
 * Local times of the officers' reminders on the last day of the answer period (the deadline is
 * the local midnight after it): at the start of that working day, and a few hours before it ends.
 */
export const REMINDER_LOCAL_TIMES: Record<ReminderKind, { hour: number; minute: number }> = {
  day_before: { hour: 9, minute: 0 },
  hours_before: { hour: 15, minute: 0 },
};

export function reminderInstant(kind: ReminderKind, answerDueBy: string, timeZone: string): Date {
  const { hour, minute } = REMINDER_LOCAL_TIMES[kind];
  return instantOfLocal(answerDueBy, hour, minute, timeZone);
}

/** The SQL that reads PendingDeadline rows (select list and joins). */
export const PENDING_DEADLINE_SQL = `SELECT f.id, f.answer_deadline, f.answer_due_by::text AS answer_due_by, j.time_zone
  FROM filing f JOIN jurisdiction j ON j.kato = f.jurisdiction_kato`;

export function toPendingDeadline(row: any): PendingDeadline {
  return {
    id: row.id,
    answerDeadline: new Date(row.answer_deadline),
    answerDueBy: row.answer_due_by,
    timeZone: row.time_zone,
  };
}

/**
 * The delayed jobs of a pending filing: the deadline job (jobId from the filing id, delayed until
 * the answer deadline by the system clock) and the officers' reminders still ahead. Delays are
 * real milliseconds from now; the clock runs at real speed, so a job fires when the clock reads
 * its instant (and a handler that finds itself early re-delays).
 */
@Injectable()
export class DeadlineJobs {
  constructor(
    private readonly registry: QueueRegistry,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  specsFor(filing: PendingDeadline, now = this.clock.now()): JobSpec[] {
    const specs: JobSpec[] = [
      {
        queue: QUEUES.deadlines,
        name: JOBS.deadlineReached,
        data: { filingId: filing.id, deadline: filing.answerDeadline.toISOString() },
        opts: {
          jobId: deadlineJobId(filing.id),
          delay: Math.max(0, filing.answerDeadline.getTime() - now.getTime()),
          attempts: 10,
          backoff: { type: 'exponential', delay: 500 },
        },
      },
    ];
    for (const kind of REMINDER_KINDS) {
      const at = reminderInstant(kind, filing.answerDueBy, filing.timeZone);
      if (at.getTime() <= now.getTime() || at.getTime() >= filing.answerDeadline.getTime()) continue;
      specs.push({
        queue: QUEUES.messages,
        name: JOBS.officerReminder,
        data: { filingId: filing.id, kind, at: at.toISOString() },
        opts: { jobId: reminderJobId(filing.id, kind), delay: at.getTime() - now.getTime(), attempts: 8 },
      });
    }
    return specs;
  }

  /** Job ids of every timed job a filing may have (to remove them once it is answered). */
  jobIdsOf(filingId: string): { queue: (typeof QUEUES)[keyof typeof QUEUES]; ids: string[] }[] {
    return [
      { queue: QUEUES.deadlines, ids: [deadlineJobId(filingId)] },
      { queue: QUEUES.messages, ids: REMINDER_KINDS.map((k) => reminderJobId(filingId, k)) },
    ];
  }

  /**
   * Re-creates the missing delayed jobs of every pending filing whose deadline is still ahead (they
   * are lost when Redis loses its data). Answers how many jobs it added.
   */
  async ensureFutureJobs(pageSize = 2000): Promise<number> {
    let added = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const now = this.clock.now();
      const rows: any[] = await this.dataSource.query(
        `${PENDING_DEADLINE_SQL}
         WHERE f.status = 'submitted' AND f.answer_deadline > $1 AND f.id > $2
         ORDER BY f.id LIMIT $3`,
        [now, after, pageSize],
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      const specs = rows.flatMap((r) => this.specsFor(toPendingDeadline(r), now));
      const toAdd: JobSpec[] = [];
      for (const queue of [QUEUES.deadlines, QUEUES.messages]) {
        const ofQueue = specs.filter((s) => s.queue === queue);
        const missing = await this.registry.missing(
          queue,
          ofQueue.map((s) => s.opts.jobId),
        );
        toAdd.push(...ofQueue.filter((s) => missing.has(s.opts.jobId)));
      }
      await this.registry.publish(toAdd);
      added += toAdd.length;
      if (rows.length < pageSize) break;
    }
    return added;
  }
}
