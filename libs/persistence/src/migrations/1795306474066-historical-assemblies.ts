import { MigrationInterface, QueryRunner } from 'typeorm';

export class HistoricalAssemblies1795306474066 implements MigrationInterface {
  name = 'HistoricalAssemblies1795306474066';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "historical_assembly" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "batch_id" uuid NOT NULL, "line" integer NOT NULL, "jurisdiction_kato" character varying(9) NOT NULL, "form" character varying(16) NOT NULL, "assembly_date" date NOT NULL, "place" text NOT NULL, "participants" integer NOT NULL, "status" character varying(32) NOT NULL, "dedupe_key" text NOT NULL, "imported_by" character varying(12) NOT NULL, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "historical_assembly_participants_ck" CHECK (participants > 0), CONSTRAINT "PK_6cda66253ba3ce33e8c80b961dc" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE UNIQUE INDEX "historical_assembly_dedupe_uq" ON "historical_assembly"  ("dedupe_key") ',
    );
    await q.query('CREATE INDEX "historical_assembly_batch_idx" ON "historical_assembly"  ("batch_id") ');
    await q.query(
      'CREATE INDEX "historical_assembly_jurisdiction_idx" ON "historical_assembly"  ("jurisdiction_kato", "assembly_date") ',
    );
    await q.query('CREATE INDEX "historical_assembly_date_idx" ON "historical_assembly"  ("assembly_date") ');
    await q.query(
      'ALTER TABLE "historical_assembly" ADD CONSTRAINT "FK_1e934881ed937e7be3ed56f0e63" FOREIGN KEY ("jurisdiction_kato") REFERENCES "jurisdiction"("kato") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "historical_assembly" DROP CONSTRAINT "FK_1e934881ed937e7be3ed56f0e63"');
    await q.query('DROP INDEX "public"."historical_assembly_date_idx"');
    await q.query('DROP INDEX "public"."historical_assembly_jurisdiction_idx"');
    await q.query('DROP INDEX "public"."historical_assembly_batch_idx"');
    await q.query('DROP INDEX "public"."historical_assembly_dedupe_uq"');
    await q.query('DROP TABLE "historical_assembly"');
  }
}
