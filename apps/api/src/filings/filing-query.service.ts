import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '@jiyn/platform';
import type { AuthUser } from '../auth/auth.types';
import { problems } from '../common/problem';
import { JurisdictionsService } from '../legal/jurisdictions.service';
import { FilingListQuery } from './filing.dto';
import { canRead, staffJurisdictions } from './filing-access';
import { FILING_COLUMNS, FILING_FROM, toFilingView } from './filing-view';

@Injectable()
export class FilingQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jurisdictions: JurisdictionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private withDescendants = (kato: string) => this.jurisdictions.withDescendants(kato);

  async get(id: string, user: AuthUser) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
      throw problems.notFound('filing');
    const [row] = await this.dataSource.query(
      `SELECT ${FILING_COLUMNS} FROM ${FILING_FROM} WHERE f.id = $1`,
      [id],
    );
    if (!row || !canRead(user, row, this.withDescendants)) throw problems.notFound('filing');
    return toFilingView(row, this.clock.now());
  }

  /** The jurisdictions a list may cover for this user, or the organizer's own filings. */
  private scopeOf(user: AuthUser, query: FilingListQuery): { organizer?: string; jurisdictions?: string[] } {
    const staffScope = staffJurisdictions(user, this.withDescendants);
    const isStaff = staffScope === 'all' || staffScope.length > 0;
    if (query.scope === 'mine' || !isStaff) {
      return {
        organizer: user.iin,
        jurisdictions: query.jurisdiction ? this.withDescendants(query.jurisdiction) : undefined,
      };
    }
    if (query.jurisdiction) {
      const wanted = this.withDescendants(query.jurisdiction);
      if (staffScope !== 'all' && !wanted.every((k) => staffScope.includes(k)))
        throw problems.notFound('jurisdiction');
      return { jurisdictions: wanted };
    }
    return { jurisdictions: staffScope === 'all' ? undefined : staffScope };
  }

  /** Filings, soonest answer deadline first, with the time left to answer. */
  async list(user: AuthUser, query: FilingListQuery) {
    const scope = this.scopeOf(user, query);
    const statuses = query.status ? query.status.split(',') : null;
    const rows = await this.dataSource.query(
      `SELECT ${FILING_COLUMNS} FROM ${FILING_FROM}
       WHERE ($1::text IS NULL OR f.organizer_iin = $1) AND ($2::text[] IS NULL OR f.jurisdiction_kato = ANY($2))
         AND ($3::text[] IS NULL OR f.status = ANY($3))
       ORDER BY f.answer_deadline, f.registered_at LIMIT $4`,
      [scope.organizer ?? null, scope.jurisdictions ?? null, statuses, query.limit ?? 200],
    );
    const now = this.clock.now();
    return rows.map((r: any) => toFilingView(r, now));
  }

  /** The officer's counters: pending, answered on time, answered late, deemed approved, overdue. */
  async queueStats(user: AuthUser, jurisdiction?: string) {
    const scope = this.scopeOf(user, { jurisdiction });
    if (scope.organizer) throw problems.forbidden('role_required', 'Queue statistics are for staff.');
    const [row] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'submitted')::int AS pending,
              count(*) FILTER (WHERE decided_at IS NOT NULL AND decided_at < answer_deadline)::int AS "answeredOnTime",
              count(*) FILTER (WHERE decided_at IS NOT NULL AND decided_at >= answer_deadline)::int AS "answeredLate",
              count(*) FILTER (WHERE status = 'deemed_approved')::int AS "deemedApproved",
              count(*) FILTER (WHERE status = 'answer_overdue')::int AS "answerOverdue",
              min(answer_deadline) FILTER (WHERE status = 'submitted') AS "nextDeadline"
       FROM filing WHERE ($1::text[] IS NULL OR jurisdiction_kato = ANY($1))`,
      [scope.jurisdictions ?? null],
    );
    return { ...row, nextDeadline: row.nextDeadline ? new Date(row.nextDeadline).toISOString() : null };
  }
}
