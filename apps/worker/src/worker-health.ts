import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '@jiyn/platform';
import { QueueRegistry } from './queue-registry';

/** What the worker reports about itself: queue depth and the oldest overdue pending filing. */
@Injectable()
export class WorkerHealth {
  constructor(
    private readonly registry: QueueRegistry,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async snapshot(): Promise<{ queueDepth: Record<string, number>; oldestOverdueSeconds: number | null }> {
    const queueDepth = await this.registry.depth();
    const oldestOverdueSeconds = await this.oldestOverdueSeconds();
    return { queueDepth, oldestOverdueSeconds };
  }

  private async oldestOverdueSeconds(): Promise<number | null> {
    const exists = await this.dataSource.query(`SELECT to_regclass('filing') IS NOT NULL AS present`);
    if (!exists[0]?.present) return null;
    const [row] = await this.dataSource.query(
      `SELECT min(answer_deadline) AS oldest FROM filing WHERE status = 'submitted' AND answer_deadline <= $1`,
      [this.clock.now()],
    );
    return row?.oldest
      ? Math.round((this.clock.now().getTime() - new Date(row.oldest).getTime()) / 1000)
      : null;
  }
}
