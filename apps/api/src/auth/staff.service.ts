import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { appendAudit, NATIONAL_CHAIN, returningRows } from '@jiyn/persistence';
import { CLOCK, Clock, JIYN_CONFIG, JiynConfig, LOGGER } from '@jiyn/platform';
import { problems } from '../common/problem';
import { CreateStaffBody } from './auth.dto';
import type { AuthUser } from './auth.types';

export interface StaffView {
  id: string;
  iin: string;
  fullName: string;
  role: string;
  jurisdiction: string | null;
  createdAt: string;
  createdBy: string;
}

const view = (r: any): StaffView => ({
  id: r.id,
  iin: r.iin,
  fullName: r.full_name,
  role: r.role,
  jurisdiction: r.jurisdiction_kato,
  createdAt: new Date(r.created_at).toISOString(),
  createdBy: r.created_by,
});

/** The staff register. Every change is audited in the national chain with who and why. */
@Injectable()
export class StaffService implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(JIYN_CONFIG) private readonly config: JiynConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Makes BOOTSTRAP_ADMIN_IIN an administrator if no active administrator has that IIN. */
  async onApplicationBootstrap(): Promise<void> {
    const iin = this.config.bootstrapAdminIin;
    if (!iin) return;
    await this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('jiyn:bootstrap-admin'))`);
      const [existing] = await m.query(
        `SELECT id FROM staff_member WHERE iin = $1 AND role = 'admin' AND removed_at IS NULL`,
        [iin],
      );
      if (existing) return;
      const [row] = await m.query(
        `INSERT INTO staff_member (iin, full_name, role, jurisdiction_kato, created_by, created_at)
         VALUES ($1, 'Bootstrap administrator', 'admin', NULL, 'bootstrap', $2) RETURNING *`,
        [iin, this.clock.now()],
      );
      await appendAudit(m, {
        chain: NATIONAL_CHAIN,
        occurredAt: this.clock.now(),
        actor: 'system:bootstrap',
        action: 'staff.added',
        entityType: 'staff_member',
        entityId: row.id,
        after: view(row),
        reason: 'BOOTSTRAP_ADMIN_IIN',
      });
      this.logger.info('bootstrap administrator registered');
    });
  }

  async list(jurisdiction?: string): Promise<StaffView[]> {
    const rows = await this.dataSource.query(
      `SELECT * FROM staff_member WHERE removed_at IS NULL AND ($1::text IS NULL OR jurisdiction_kato = $1)
       ORDER BY jurisdiction_kato NULLS FIRST, role, full_name`,
      [jurisdiction ?? null],
    );
    return rows.map(view);
  }

  async add(body: CreateStaffBody, actor: AuthUser, correlationId: string): Promise<StaffView> {
    const jurisdiction = body.role === 'admin' ? (body.jurisdiction ?? null) : body.jurisdiction!;
    return this.dataSource.transaction(async (m) => {
      if (jurisdiction) {
        const [known] = await m.query(`SELECT 1 FROM jurisdiction WHERE kato = $1`, [jurisdiction]);
        if (!known)
          throw problems.validation([
            { field: 'jurisdiction', code: 'unknown', message: 'No such jurisdiction.' },
          ]);
      }
      const inserted = await m.query(
        `INSERT INTO staff_member (iin, full_name, role, jurisdiction_kato, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (iin, role, jurisdiction_kato) WHERE removed_at IS NULL DO NOTHING RETURNING *`,
        [body.iin, body.fullName, body.role, jurisdiction, actor.iin, this.clock.now()],
      );
      const [row] = returningRows(inserted);
      if (!row) throw problems.conflict('staff_exists', 'This person already holds this role there.');
      if (body.email || body.phone || body.locale) {
        await m.query(
          `INSERT INTO staff_contact (iin, email, phone, locale, updated_at) VALUES ($1, $2, $3, COALESCE($4, 'kk'), $5)
           ON CONFLICT (iin) DO UPDATE SET email = COALESCE(EXCLUDED.email, staff_contact.email),
             phone = COALESCE(EXCLUDED.phone, staff_contact.phone), locale = COALESCE($4, staff_contact.locale), updated_at = EXCLUDED.updated_at`,
          [body.iin, body.email ?? null, body.phone ?? null, body.locale ?? null, this.clock.now()],
        );
      }
      await appendAudit(m, {
        chain: NATIONAL_CHAIN,
        occurredAt: this.clock.now(),
        actor: actor.iin,
        action: 'staff.added',
        entityType: 'staff_member',
        entityId: row.id,
        after: view(row),
        reason: body.reason ?? null,
        correlationId,
      });
      return view(row);
    });
  }

  /** Removes a staff role and revokes every session of that person. */
  async remove(id: string, reason: string, actor: AuthUser, correlationId: string): Promise<void> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw problems.notFound('staff member');
    await this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const [row] = returningRows(
        await m.query(
          `UPDATE staff_member SET removed_at = $2, removed_by = $3 WHERE id = $1 AND removed_at IS NULL RETURNING *`,
          [id, now, actor.iin],
        ),
      );
      if (!row) throw problems.notFound('staff member');
      await m.query(
        `UPDATE user_session SET revoked_at = $2, revoked_reason = 'staff role removed' WHERE iin = $1 AND revoked_at IS NULL`,
        [row.iin, now],
      );
      await appendAudit(m, {
        chain: NATIONAL_CHAIN,
        occurredAt: now,
        actor: actor.iin,
        action: 'staff.removed',
        entityType: 'staff_member',
        entityId: row.id,
        before: view(row),
        reason,
        correlationId,
      });
    });
  }
}
