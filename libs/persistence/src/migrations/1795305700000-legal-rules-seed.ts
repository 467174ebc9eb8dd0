import { MigrationInterface, QueryRunner } from 'typeorm';
import { KZ_2020_POLICY_SEED, KZ_CALENDAR_SEED } from './data/kz-legal-seed-2026-11';

/** Seeds the working-day calendar (2020-2027, with its sources) and the KZ-2020 legal policy. */
export class LegalRulesSeed1795305700000 implements MigrationInterface {
  name = 'LegalRulesSeed1795305700000';

  async up(q: QueryRunner): Promise<void> {
    for (const entry of KZ_CALENDAR_SEED) {
      await q.query(
        `INSERT INTO calendar_entry (id, definition, updated_by) VALUES ($1, $2, 'migration') ON CONFLICT (id) DO NOTHING`,
        [entry.id, JSON.stringify(entry)],
      );
    }
    await q.query(
      `INSERT INTO legal_policy (id, effective_from, definition, created_by) VALUES ($1, $2, $3, 'migration') ON CONFLICT DO NOTHING`,
      [KZ_2020_POLICY_SEED.id, KZ_2020_POLICY_SEED.effectiveFrom, JSON.stringify(KZ_2020_POLICY_SEED)],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM calendar_entry WHERE updated_by = 'migration'`);
    await q.query(`DELETE FROM legal_policy WHERE created_by = 'migration'`);
  }
}
