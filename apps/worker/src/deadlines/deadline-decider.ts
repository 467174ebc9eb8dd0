import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { FilingStatus, nextStatus, Procedure } from '@jiyn/domain';
import { OUTBOX_TOPICS, QUEUES } from '@jiyn/jobs';
import { returningRows } from '@jiyn/persistence';
import { CLOCK, Clock, LOGGER } from '@jiyn/platform';
import { QueueRegistry } from '../queue-registry';
import { SingleFlight } from '../util';
import { WORKER_SETTINGS, WorkerSettings } from '../worker-settings';
import { appendAuditBatch } from './audit-batch';

export const WORKER_ACTOR = 'system:worker';

export interface Transition {
  id: string;
  number: string;
  chain: string;
  procedure: Procedure;
  status: FilingStatus;
  answerDeadline: Date;
  deemedApprovedAt: Date | null;
}

interface DueRow {
  id: string;
  procedure: Procedure;
}

/**
 * Turns silence into its legal consequence: a `submitted` filing whose answer deadline has passed
 * (by the system clock) becomes `deemed_approved` (notifications; deemed_approved_at = the
 * deadline) or `answer_overdue` (applications). Every transition is a conditional UPDATE
 * (`status = 'submitted' AND answer_deadline <= now`, now from the clock) in one transaction with
 * its audit row and its outbox event, so an officer's answer and this decider race and exactly one
 * wins. The work goes in batches (FOR UPDATE SKIP LOCKED), so thousands of filings due at the same
 * instant are decided in a few transactions and several workers can share them.
 */
@Injectable()
export class DeadlineDecider {
  private readonly flight: SingleFlight<number>;
  private lastRun: { at: string; decided: number } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: QueueRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.flight = new SingleFlight(() => this.decideAllDue());
  }

  /**
   * Decides every filing that is due now, batch after batch until none is left. Concurrent callers
   * share runs: each gets a run that started after its call. Answers how many this run decided.
   */
  runDue(): Promise<number> {
    return this.flight.run();
  }

  /** Whether a run is deciding filings now (the relay waits for it: decisions first, messages after). */
  get busy(): boolean {
    return this.flight.busy;
  }

  get lastRunSummary() {
    return this.lastRun;
  }

  /** Decides one filing if it is still due, waiting for a lock another transaction holds on it. */
  async decideOne(filingId: string): Promise<Transition | undefined> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const rows: DueRow[] = await m.query(
        `SELECT id, procedure FROM filing WHERE id = $1 AND status = 'submitted' AND answer_deadline <= $2 FOR UPDATE`,
        [filingId, now],
      );
      const [done] = await this.transition(m, rows, now);
      return done;
    });
  }

  /**
   * Every filing that existed at `atRealMs` (real time) and whose deadline is at or before `until`
   * (clock) had left `submitted` when the last complete run ended, by the committed state (a filing
   * another transaction held then still counted as pending, and stopped this from advancing). A
   * deadline job created before then for a deadline before `until` has nothing left to do.
   */
  get coveredUntil(): { until: Date; atRealMs: number } | null {
    return this.covered;
  }

  private covered: { until: Date; atRealMs: number } | null = null;

  private async decideAllDue(): Promise<number> {
    let total = 0;
    let paused = false;
    try {
      for (;;) {
        const decided = await this.decideBatch();
        total += decided.length;
        if (decided.length < this.settings.sweepBatchSize) break;
        if (!paused) {
          // A spike (thousands due at one midnight): decisions first, messages after.
          this.registry.pauseLocal(QUEUES.messages);
          paused = true;
        }
      }
    } finally {
      if (paused) this.registry.resumeLocal(QUEUES.messages);
    }
    const checkedAt = this.clock.now();
    const [left] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM filing WHERE status = 'submitted' AND answer_deadline <= $1) AS pending`,
      [checkedAt],
    );
    if (!left.pending && (!this.covered || this.covered.until < checkedAt)) {
      this.covered = { until: checkedAt, atRealMs: Date.now() };
    }
    this.lastRun = { at: this.clock.now().toISOString(), decided: total };
    if (total > 0) this.logger.info({ decided: total }, 'answer deadlines passed: filings decided');
    return total;
  }

  /** One batch: the oldest due filings nobody else is deciding right now. */
  async decideBatch(): Promise<Transition[]> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const rows: DueRow[] = await m.query(
        `SELECT id, procedure FROM filing
         WHERE status = 'submitted' AND answer_deadline <= $1
         ORDER BY answer_deadline, id
         LIMIT $2
         FOR UPDATE SKIP LOCKED`,
        [now, this.settings.sweepBatchSize],
      );
      return this.transition(m, rows, now);
    });
  }

  /** The conditional UPDATE, the outbox events and the audit rows of locked, due filings. */
  private async transition(m: EntityManager, rows: DueRow[], now: Date): Promise<Transition[]> {
    if (rows.length === 0) return [];
    const targets = rows.map((r) =>
      nextStatus('submitted', { type: 'deadline_passed', procedure: r.procedure }),
    );
    const updated: any[] = returningRows(
      await m.query(
        `UPDATE filing f SET status = v.status,
           deemed_approved_at = CASE WHEN v.status = 'deemed_approved' THEN f.answer_deadline ELSE f.deemed_approved_at END,
           updated_at = $3, version = f.version + 1
         FROM unnest($1::uuid[], $2::text[]) AS v(id, status)
         WHERE f.id = v.id AND f.status = 'submitted' AND f.answer_deadline <= $3
         RETURNING f.id, f.number, f.jurisdiction_kato, f.procedure, f.status, f.answer_deadline, f.deemed_approved_at`,
        [rows.map((r) => r.id), targets, now],
      ),
    );
    if (updated.length === 0) return [];
    const transitions: Transition[] = updated
      .map((r) => ({
        id: r.id,
        number: r.number,
        chain: r.jurisdiction_kato,
        procedure: r.procedure,
        status: r.status,
        answerDeadline: new Date(r.answer_deadline),
        deemedApprovedAt: r.deemed_approved_at ? new Date(r.deemed_approved_at) : null,
      }))
      .sort((a, b) => a.answerDeadline.getTime() - b.answerDeadline.getTime() || a.id.localeCompare(b.id));

    await m.query(
      `INSERT INTO outbox_event (topic, aggregate_id, payload)
       SELECT t.topic, t.aggregate_id, t.payload::jsonb FROM unnest($1::text[], $2::text[], $3::text[]) AS t(topic, aggregate_id, payload)`,
      [
        transitions.map((t) =>
          t.status === 'deemed_approved' ? OUTBOX_TOPICS.deemedApproved : OUTBOX_TOPICS.answerOverdue,
        ),
        transitions.map((t) => t.id),
        transitions.map((t) =>
          JSON.stringify({
            filingId: t.id,
            status: t.status,
            answerDeadline: t.answerDeadline.toISOString(),
            deemedApprovedAt: t.deemedApprovedAt?.toISOString() ?? null,
          }),
        ),
      ],
    );

    // The chain heads last (they serialize appends to a chain), in a fixed order.
    const chains = [...new Set(transitions.map((t) => t.chain))].sort();
    for (const chain of chains) {
      await appendAuditBatch(
        m,
        chain,
        transitions
          .filter((t) => t.chain === chain)
          .map((t) => ({
            chain,
            occurredAt: now,
            actor: WORKER_ACTOR,
            action: `filing.${t.status}`,
            entityType: 'filing',
            entityId: t.id,
            before: { status: 'submitted' },
            after: {
              status: t.status,
              number: t.number,
              answerDeadline: t.answerDeadline.toISOString(),
              deemedApprovedAt: t.deemedApprovedAt?.toISOString() ?? null,
            },
            reason:
              t.status === 'deemed_approved'
                ? 'No answer by the answer deadline: the notification is deemed approved.'
                : 'No answer by the answer deadline: the application is overdue.',
          })),
      );
    }
    return transitions;
  }
}
