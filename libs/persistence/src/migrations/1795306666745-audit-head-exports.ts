/** Signed exports of the audit chain heads. */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditHeadExports1795306666745 implements MigrationInterface {
  name = 'AuditHeadExports1795306666745';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "audit_head_export" ("id" BIGSERIAL NOT NULL, "chain" text NOT NULL, "seq" bigint NOT NULL, "hash" character(64) NOT NULL, "exported_at" TIMESTAMP WITH TIME ZONE NOT NULL, "signature" text NOT NULL, "public_key" text NOT NULL, CONSTRAINT "PK_acccbad2b6685b52a96fd0c6525" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE INDEX "audit_head_export_chain_idx" ON "audit_head_export"  ("chain", "exported_at") ',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "public"."audit_head_export_chain_idx"');
    await q.query('DROP TABLE "audit_head_export"');
  }
}
