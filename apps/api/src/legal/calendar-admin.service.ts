import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { validateCalendarEntries, validatePolicy } from '@jiyn/domain';
import { appendAudit, NATIONAL_CHAIN, returningRows } from '@jiyn/persistence';
import { CLOCK, Clock } from '@jiyn/platform';
import type { AuthUser } from '../auth/auth.types';
import { FieldError, problems } from '../common/problem';
import { LegalRulesService } from './legal-rules.service';

const entryView = (r: any) => ({
  id: r.id,
  entry: r.definition,
  retiredAt: r.retired_at ? new Date(r.retired_at).toISOString() : null,
  updatedAt: new Date(r.updated_at).toISOString(),
  updatedBy: r.updated_by,
});

/**
 * Administrators keep the working-day calendar and the policy versions. Every change is checked
 * by the domain's validators, audited with who and why, and reloads the cached rules everywhere.
 * Deadlines of filings already registered stay as they were fixed (policy: recalculateOnCalendarChange).
 */
@Injectable()
export class CalendarAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: LegalRulesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list() {
    const rows = await this.dataSource.query(`SELECT * FROM calendar_entry ORDER BY id`);
    return rows.map(entryView);
  }

  private check(entry: Record<string, unknown>): void {
    const found = validateCalendarEntries([entry]);
    if (found.length > 0) {
      const errors: FieldError[] = found.map((p) => ({
        field: 'entry',
        code: 'invalid_entry',
        message: p.message,
      }));
      throw problems.validation(errors, 'The calendar entry is not valid.');
    }
  }

  private audit(
    m: EntityManager,
    actor: AuthUser,
    action: string,
    id: string,
    before: unknown,
    after: unknown,
    reason: string,
    correlationId: string,
  ) {
    return appendAudit(m, {
      chain: NATIONAL_CHAIN,
      occurredAt: this.clock.now(),
      actor: actor.iin,
      action,
      entityType: 'calendar_entry',
      entityId: id,
      before,
      after,
      reason,
      correlationId,
    });
  }

  async create(entry: Record<string, unknown>, reason: string, actor: AuthUser, correlationId: string) {
    this.check(entry);
    const id = String(entry.id);
    const row = await this.dataSource.transaction(async (m) => {
      const [inserted] = returningRows(
        await m.query(
          `INSERT INTO calendar_entry (id, definition, updated_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
           ON CONFLICT (id) DO NOTHING RETURNING *`,
          [id, JSON.stringify(entry), actor.iin, this.clock.now()],
        ),
      );
      if (!inserted)
        throw problems.conflict(
          'entry_exists',
          `A calendar entry with id "${id}" exists; change it with PUT.`,
        );
      await this.audit(m, actor, 'calendar.entry_added', id, null, entry, reason, correlationId);
      return inserted;
    });
    await this.rules.announceChange();
    return entryView(row);
  }

  async replace(
    id: string,
    entry: Record<string, unknown>,
    reason: string,
    actor: AuthUser,
    correlationId: string,
  ) {
    if (entry.id !== id)
      throw problems.validation([
        { field: 'entry.id', code: 'mismatch', message: 'entry.id must equal the id in the path' },
      ]);
    this.check(entry);
    const row = await this.dataSource.transaction(async (m) => {
      const [before] = await m.query(`SELECT * FROM calendar_entry WHERE id = $1 FOR UPDATE`, [id]);
      if (!before) throw problems.notFound('calendar entry');
      const [after] = returningRows(
        await m.query(
          `UPDATE calendar_entry SET definition = $2, updated_by = $3, updated_at = $4 WHERE id = $1 RETURNING *`,
          [id, JSON.stringify(entry), actor.iin, this.clock.now()],
        ),
      );
      await this.audit(
        m,
        actor,
        'calendar.entry_changed',
        id,
        before.definition,
        entry,
        reason,
        correlationId,
      );
      return after;
    });
    await this.rules.announceChange();
    return entryView(row);
  }

  async retire(id: string, reason: string, actor: AuthUser, correlationId: string) {
    const row = await this.dataSource.transaction(async (m) => {
      const [after] = returningRows(
        await m.query(
          `UPDATE calendar_entry SET retired_at = $2, updated_by = $3, updated_at = $2 WHERE id = $1 AND retired_at IS NULL RETURNING *`,
          [id, this.clock.now(), actor.iin],
        ),
      );
      if (!after) throw problems.notFound('active calendar entry');
      await this.audit(m, actor, 'calendar.entry_retired', id, after.definition, null, reason, correlationId);
      return after;
    });
    await this.rules.announceChange();
    return entryView(row);
  }

  async addPolicy(policy: Record<string, unknown>, reason: string, actor: AuthUser, correlationId: string) {
    const found = validatePolicy(policy);
    if (found.length > 0) {
      throw problems.validation(
        found.map((p: any) => ({
          field: `policy.${p.field ?? p.path ?? ''}`.replace(/\.$/, ''),
          code: 'invalid_policy',
          message: p.message,
        })),
        'The policy is not valid.',
      );
    }
    await this.dataSource.transaction(async (m) => {
      const [inserted] = returningRows(
        await m.query(
          `INSERT INTO legal_policy (id, effective_from, definition, created_by, created_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT DO NOTHING RETURNING id`,
          [policy.id, policy.effectiveFrom, JSON.stringify(policy), actor.iin, this.clock.now()],
        ),
      );
      if (!inserted)
        throw problems.conflict('policy_exists', 'A policy with this id or effective date exists.');
      await appendAudit(m, {
        chain: NATIONAL_CHAIN,
        occurredAt: this.clock.now(),
        actor: actor.iin,
        action: 'policy.added',
        entityType: 'legal_policy',
        entityId: String(policy.id),
        after: policy,
        reason,
        correlationId,
      });
    });
    await this.rules.announceChange();
    return policy;
  }
}
