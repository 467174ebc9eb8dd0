/** Jurisdictions, venues, no-picketing zones, staff, calendar, policies, audit log and outbox. */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795305216979 implements MigrationInterface {
  name = 'Foundation1795305216979';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS postgis');
    await q.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await q.query(
      'CREATE TABLE "jurisdiction" ("kato" character varying(9) NOT NULL, "parent_kato" character varying(9), "kind" character varying(16) NOT NULL, "name_kk" text NOT NULL, "name_ru" text NOT NULL, "name_en" text NOT NULL, "time_zone" text NOT NULL, "number_prefix" character varying(8) NOT NULL, CONSTRAINT "PK_0fff1565319751a4641eb0bff14" PRIMARY KEY ("kato"))',
    );
    await q.query('CREATE INDEX "jurisdiction_parent_idx" ON "jurisdiction"  ("parent_kato") ');
    await q.query(
      'CREATE TABLE "venue" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jurisdiction_kato" character varying(9) NOT NULL, "name" text NOT NULL, "kind" character varying(8) NOT NULL, "geometry" geometry(Geometry,4326) NOT NULL, "max_occupancy" integer NOT NULL, "decision_ref" text NOT NULL, "active_from" date NOT NULL, "active_to" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "venue_active_range_ck" CHECK (active_to IS NULL OR active_to >= active_from), CONSTRAINT "venue_max_occupancy_ck" CHECK (max_occupancy > 0), CONSTRAINT "venue_kind_ck" CHECK (kind IN (\'place\', \'route\')), CONSTRAINT "PK_c53deb6d1bcb088f9d459e7dbc0" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "venue_jurisdiction_idx" ON "venue"  ("jurisdiction_kato") ');
    await q.query('CREATE INDEX "venue_geometry_idx" ON "venue" USING gist ("geometry") ');
    await q.query(
      'CREATE TABLE "restricted_zone" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jurisdiction_kato" character varying(9) NOT NULL, "geometry" geometry(MultiPolygon,4326) NOT NULL, "reason" text NOT NULL, "decision_ref" text NOT NULL, "active_from" date NOT NULL, "active_to" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f2fbe30a7ab7190b054a6760581" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE INDEX "restricted_zone_jurisdiction_idx" ON "restricted_zone"  ("jurisdiction_kato") ',
    );
    await q.query(
      'CREATE INDEX "restricted_zone_geometry_idx" ON "restricted_zone" USING gist ("geometry") ',
    );
    await q.query(
      'CREATE TABLE "staff_member" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "iin" character varying(12) NOT NULL, "full_name" text NOT NULL, "role" character varying(24) NOT NULL, "jurisdiction_kato" character varying(9), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" text NOT NULL, "removed_at" TIMESTAMP WITH TIME ZONE, "removed_by" text, CONSTRAINT "staff_member_jurisdiction_ck" CHECK ((role = \'admin\') OR jurisdiction_kato IS NOT NULL), CONSTRAINT "staff_member_role_ck" CHECK (role IN (\'akimat_officer\', \'maslikhat_staff\', \'admin\')), CONSTRAINT "PK_342343208cbc30b3c14a976b0a0" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "staff_member_iin_idx" ON "staff_member"  ("iin") ');
    await q.query(
      'CREATE UNIQUE INDEX "staff_member_active_uq" ON "staff_member"  ("iin", "role", "jurisdiction_kato") WHERE removed_at IS NULL',
    );
    await q.query(
      'CREATE TABLE "calendar_entry" ("id" text NOT NULL, "definition" jsonb NOT NULL, "retired_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" text NOT NULL, CONSTRAINT "PK_7d668083b7f3e66b1e64f418f77" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE TABLE "legal_policy" ("id" text NOT NULL, "effective_from" date NOT NULL, "definition" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" text NOT NULL, CONSTRAINT "UQ_f6c8c1e9bf0df427e059e467183" UNIQUE ("effective_from"), CONSTRAINT "PK_e3b06036b05fab23f7f2559ae7a" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "chain" text NOT NULL, "seq" bigint NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor" text NOT NULL, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" text NOT NULL, "before" jsonb, "after" jsonb, "reason" text, "correlation_id" text, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "audit_log_chain_seq_uq" UNIQUE ("chain", "seq"), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "audit_log_entity_idx" ON "audit_log"  ("entity_type", "entity_id") ');
    await q.query(
      'CREATE TABLE "audit_chain_head" ("chain" text NOT NULL, "seq" bigint NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_3122ef4d6f080d71bb90742acc5" PRIMARY KEY ("chain"))',
    );
    await q.query(
      'CREATE TABLE "outbox_event" ("id" BIGSERIAL NOT NULL, "topic" text NOT NULL, "aggregate_id" text NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT \'0\', CONSTRAINT "PK_cc0c9e40998e45ecfc5e313429d" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "outbox_event_unsent_idx" ON "outbox_event"  ("id") WHERE sent_at IS NULL');
    await q.query(
      'ALTER TABLE "jurisdiction" ADD CONSTRAINT "FK_c73aa9e433188f3434296ca6397" FOREIGN KEY ("parent_kato") REFERENCES "jurisdiction"("kato") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "venue" ADD CONSTRAINT "FK_0d140bdbae513fa0110ecd8b0e4" FOREIGN KEY ("jurisdiction_kato") REFERENCES "jurisdiction"("kato") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "restricted_zone" ADD CONSTRAINT "FK_dc5a1a3d8614ea0391e06ad5fc9" FOREIGN KEY ("jurisdiction_kato") REFERENCES "jurisdiction"("kato") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "restricted_zone" DROP CONSTRAINT "FK_dc5a1a3d8614ea0391e06ad5fc9"');
    await q.query('ALTER TABLE "venue" DROP CONSTRAINT "FK_0d140bdbae513fa0110ecd8b0e4"');
    await q.query('ALTER TABLE "jurisdiction" DROP CONSTRAINT "FK_c73aa9e433188f3434296ca6397"');
    await q.query('DROP INDEX "public"."outbox_event_unsent_idx"');
    await q.query('DROP TABLE "outbox_event"');
    await q.query('DROP TABLE "audit_chain_head"');
    await q.query('DROP INDEX "public"."audit_log_entity_idx"');
    await q.query('DROP TABLE "audit_log"');
    await q.query('DROP TABLE "legal_policy"');
    await q.query('DROP TABLE "calendar_entry"');
    await q.query('DROP INDEX "public"."staff_member_active_uq"');
    await q.query('DROP INDEX "public"."staff_member_iin_idx"');
    await q.query('DROP TABLE "staff_member"');
    await q.query('DROP INDEX "public"."restricted_zone_geometry_idx"');
    await q.query('DROP INDEX "public"."restricted_zone_jurisdiction_idx"');
    await q.query('DROP TABLE "restricted_zone"');
    await q.query('DROP INDEX "public"."venue_geometry_idx"');
    await q.query('DROP INDEX "public"."venue_jurisdiction_idx"');
    await q.query('DROP TABLE "venue"');
    await q.query('DROP INDEX "public"."jurisdiction_parent_idx"');
    await q.query('DROP TABLE "jurisdiction"');
  }
}
