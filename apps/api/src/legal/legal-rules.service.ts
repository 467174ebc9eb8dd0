import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { CalendarEntry, KZ_2020_POLICY, LegalPolicy, WorkingDayCalendar } from '@jiyn/domain';
import { JIYN_CONFIG, JiynConfig, LOGGER, REDIS } from '@jiyn/platform';

/**
 * The working-day calendar and the legal policies, loaded from PostgreSQL and held in memory so
 * that a deadline computation does no I/O. An administrator's change reloads this process at once
 * and the others through a Redis message (and, should that be lost, within a minute).
 */
@Injectable()
export class LegalRulesService implements OnApplicationBootstrap, OnApplicationShutdown {
  private current:
    { calendar: WorkingDayCalendar; policies: LegalPolicy[]; entries: CalendarEntry[] } | undefined;
  private subscriber?: Redis;
  private refreshTimer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(JIYN_CONFIG) private readonly config: JiynConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  private get channel(): string {
    return `${this.config.redisPrefix}:legal-rules-changed`;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.reload();
    this.subscriber = this.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', () => {
      this.reload().catch((err) =>
        this.logger.warn({ err: err.message }, 'reloading the legal rules failed'),
      );
    });
    this.subscriber.subscribe(this.channel).catch(() => undefined);
    this.refreshTimer = setInterval(() => this.reload().catch(() => undefined), 60_000);
    this.refreshTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.refreshTimer);
    this.subscriber?.disconnect();
  }

  async reload(): Promise<void> {
    const entryRows: { definition: CalendarEntry; retired_at: Date | null }[] = await this.dataSource.query(
      `SELECT definition, retired_at FROM calendar_entry ORDER BY id`,
    );
    const entries = entryRows.map((r) =>
      r.retired_at ? { ...r.definition, retiredAt: new Date(r.retired_at).toISOString() } : r.definition,
    );
    const policyRows: { definition: LegalPolicy }[] = await this.dataSource.query(
      `SELECT definition FROM legal_policy ORDER BY effective_from`,
    );
    const policies = policyRows.length > 0 ? policyRows.map((r) => r.definition) : [KZ_2020_POLICY];
    this.current = { calendar: WorkingDayCalendar.fromEntries(entries), policies, entries };
  }

  /** Tells every process that the calendar or the policies changed. */
  async announceChange(): Promise<void> {
    await this.reload();
    await this.redis.publish(this.channel, String(Date.now())).catch(() => undefined);
  }

  get calendar(): WorkingDayCalendar {
    return this.rules().calendar;
  }

  get policies(): LegalPolicy[] {
    return this.rules().policies;
  }

  get entries(): CalendarEntry[] {
    return this.rules().entries;
  }

  private rules() {
    if (!this.current) throw new Error('legal rules not loaded yet');
    return this.current;
  }
}
