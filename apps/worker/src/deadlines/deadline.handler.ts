import { Inject, Injectable } from '@nestjs/common';
import { DelayedError, Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { DeadlineReachedPayload, JOBS } from '@jiyn/jobs';
import { CLOCK, Clock } from '@jiyn/platform';
import { QueueRegistry } from '../queue-registry';
import { DeadlineDecider } from './deadline-decider';

const COVERED_MARGIN_MS = 5000;

/**
 * The delayed job of one filing, due at its answer deadline. It re-reads the filing: nothing to do
 * unless it is still `submitted`; early (by the system clock) it re-delays itself; otherwise it
 * has the decider decide everything due now (one batch covers the thousands of filings whose
 * deadlines fall at the same midnight) and then, if its own filing is still pending because
 * another transaction held it, decides that one filing, waiting for the lock.
 */
@Injectable()
export class DeadlineHandler {
  constructor(
    registry: QueueRegistry,
    private readonly decider: DeadlineDecider,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    registry.handle(JOBS.deadlineReached, (job, token) => this.handle(job, token));
  }

  async handle(job: Job<DeadlineReachedPayload>, token?: string): Promise<{ outcome: string }> {
    const { filingId, deadline } = job.data;
    // A run of the decider that ended after this deadline, and after this job (so after its filing)
    // was created, left nothing due: nothing to read. (The margin absorbs other hosts' clock skew.)
    const covered = this.decider.coveredUntil;
    if (
      covered &&
      new Date(deadline).getTime() <= covered.until.getTime() &&
      job.timestamp + COVERED_MARGIN_MS <= covered.atRealMs
    ) {
      return { outcome: 'covered' };
    }
    const row = await this.pending(filingId);
    if (!row) return { outcome: 'not_pending' };
    const early = new Date(row.answer_deadline).getTime() - this.clock.now().getTime();
    if (early > 0) {
      await job.moveToDelayed(Date.now() + early, token);
      throw new DelayedError();
    }
    await this.decider.runDue();
    if (!(await this.pending(filingId))) return { outcome: 'decided' };
    const done = await this.decider.decideOne(filingId);
    return { outcome: done ? 'decided' : 'not_pending' };
  }

  private async pending(filingId: string): Promise<{ answer_deadline: Date } | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT answer_deadline FROM filing WHERE id = $1 AND status = 'submitted'`,
      [filingId],
    );
    return row;
  }
}
