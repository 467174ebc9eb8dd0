import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '@jiyn/platform';
import { DeadlineDecider } from './deadlines/deadline-decider';
import { Reconciler, SweepSummary } from './deadlines/reconciler';
import { OutboxRelay } from './outbox/outbox-relay';
import { QueueRegistry } from './queue-registry';

export interface WorkerHealthSnapshot {
  queueDepth: Record<string, number>;
  /** How long (by the system clock) the oldest pending filing has been past its deadline. */
  oldestOverdueSeconds: number | null;
  overduePending: number;
  outbox: { unsent: number; oldestSeconds: number | null };
  lastSweep: SweepSummary | null;
  lastDecision: { at: string; decided: number } | null;
}

/** What the worker reports about itself: queue depth, overdue pending filings, outbox backlog. */
@Injectable()
export class WorkerHealth {
  constructor(
    private readonly registry: QueueRegistry,
    private readonly dataSource: DataSource,
    private readonly reconciler: Reconciler,
    private readonly relay: OutboxRelay,
    private readonly decider: DeadlineDecider,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async snapshot(): Promise<WorkerHealthSnapshot> {
    const [queueDepth, overdue, outbox] = await Promise.all([
      this.registry.depth(),
      this.overdue(),
      this.relay.backlog(),
    ]);
    return {
      queueDepth,
      ...overdue,
      outbox,
      lastSweep: this.reconciler.last,
      lastDecision: this.decider.lastRunSummary,
    };
  }

  private async overdue(): Promise<{ oldestOverdueSeconds: number | null; overduePending: number }> {
    const now = this.clock.now();
    const [row] = await this.dataSource.query(
      `SELECT min(answer_deadline) AS oldest, count(*)::int AS n FROM filing
       WHERE status = 'submitted' AND answer_deadline <= $1`,
      [now],
    );
    return {
      oldestOverdueSeconds: row?.oldest
        ? Math.round((now.getTime() - new Date(row.oldest).getTime()) / 1000)
        : null,
      overduePending: row?.n ?? 0,
    };
  }
}
