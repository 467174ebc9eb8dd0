import { MigrationInterface, QueryRunner } from 'typeorm';

export class Filings1795305613556 implements MigrationInterface {
  name = 'Filings1795305613556';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "filing" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" text NOT NULL, "jurisdiction_kato" character varying(9) NOT NULL, "form" character varying(16) NOT NULL, "procedure" character varying(16) NOT NULL, "status" character varying(32) NOT NULL, "channel" character varying(12) NOT NULL, "policy_id" text NOT NULL, "organizer_iin" character varying(12) NOT NULL, "organizer_bin" character varying(12), "organizer" jsonb NOT NULL, "representative" jsonb, "purpose" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "assembly_date" date NOT NULL, "venue_id" uuid, "location" geometry(Point,4326), "object" text, "expected_participants" integer NOT NULL, "equipment" jsonb NOT NULL, "regulations" text, "financing" text NOT NULL, "personal_data_consent" boolean NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "registered_by" character varying(12) NOT NULL, "registration_date" date NOT NULL, "file_by" date NOT NULL, "answer_due_by" date NOT NULL, "answer_deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "deemed_approved_at" TIMESTAMP WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE, "decision" jsonb, "proposal" jsonb, "signature" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL DEFAULT \'1\', CONSTRAINT "UQ_c68af086e652d9541116caab616" UNIQUE ("number"), CONSTRAINT "filing_place_ck" CHECK ((venue_id IS NOT NULL) <> (location IS NOT NULL)), CONSTRAINT "filing_participants_ck" CHECK (expected_participants > 0), CONSTRAINT "filing_time_ck" CHECK (ends_at > starts_at), CONSTRAINT "PK_f69b82a024430752e7dfd006592" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "filing_starts_idx" ON "filing"  ("starts_at") ');
    await q.query('CREATE INDEX "filing_organizer_idx" ON "filing"  ("organizer_iin", "created_at") ');
    await q.query(
      'CREATE INDEX "filing_jurisdiction_status_idx" ON "filing"  ("jurisdiction_kato", "status", "answer_deadline") ',
    );
    await q.query(
      'CREATE INDEX "filing_pending_deadline_idx" ON "filing"  ("answer_deadline") WHERE status = \'submitted\'',
    );
    await q.query(
      'CREATE TABLE "booking" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "filing_id" uuid NOT NULL, "venue_id" uuid NOT NULL, "during" tstzrange NOT NULL, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "booking_no_overlap" EXCLUDE USING gist ("venue_id" WITH =, "during" WITH &&) WHERE ("active"), CONSTRAINT "PK_49171efc69702ed84c812f33540" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "booking_filing_idx" ON "booking"  ("filing_id") ');
    await q.query(
      'CREATE TABLE "filing_counter" ("jurisdiction_kato" character varying(9) NOT NULL, "year" integer NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_76d026365d030a3c41e2ca715b1" PRIMARY KEY ("jurisdiction_kato", "year"))',
    );
    await q.query(
      'CREATE TABLE "idempotency_record" ("principal" text NOT NULL, "key" text NOT NULL, "request_hash" character(64) NOT NULL, "state" character varying(12) NOT NULL, "response_status" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_c8a94a2590e55c032bda567b882" PRIMARY KEY ("principal", "key"))',
    );
    await q.query('CREATE INDEX "idempotency_record_expires_idx" ON "idempotency_record"  ("expires_at") ');
    await q.query(
      'CREATE TABLE "message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" text NOT NULL, "filing_id" uuid, "channel" character varying(8) NOT NULL, "recipient" text NOT NULL, "template" text NOT NULL, "locale" character varying(2) NOT NULL, "subject" text NOT NULL, "body" text NOT NULL, "status" character varying(12) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, "error" text, CONSTRAINT "PK_ba01f0a3e0123651915008bc578" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "message_filing_idx" ON "message"  ("filing_id") ');
    await q.query(
      'CREATE UNIQUE INDEX "message_event_recipient_uq" ON "message"  ("event_id", "channel", "recipient") ',
    );
    await q.query(
      'ALTER TABLE "filing" ADD CONSTRAINT "FK_10a1a9ac758d0c5aeeb20727e58" FOREIGN KEY ("jurisdiction_kato") REFERENCES "jurisdiction"("kato") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "filing" ADD CONSTRAINT "FK_e5f004b788145c7bdc10292324d" FOREIGN KEY ("venue_id") REFERENCES "venue"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "booking" ADD CONSTRAINT "FK_14882ce3c7b0493199e7cf360d2" FOREIGN KEY ("filing_id") REFERENCES "filing"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "booking" ADD CONSTRAINT "FK_ee81dbfa6c6ce7bbba117bc01ce" FOREIGN KEY ("venue_id") REFERENCES "venue"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "booking" DROP CONSTRAINT "FK_ee81dbfa6c6ce7bbba117bc01ce"');
    await q.query('ALTER TABLE "booking" DROP CONSTRAINT "FK_14882ce3c7b0493199e7cf360d2"');
    await q.query('ALTER TABLE "filing" DROP CONSTRAINT "FK_e5f004b788145c7bdc10292324d"');
    await q.query('ALTER TABLE "filing" DROP CONSTRAINT "FK_10a1a9ac758d0c5aeeb20727e58"');
    await q.query('DROP INDEX "public"."message_event_recipient_uq"');
    await q.query('DROP INDEX "public"."message_filing_idx"');
    await q.query('DROP TABLE "message"');
    await q.query('DROP INDEX "public"."idempotency_record_expires_idx"');
    await q.query('DROP TABLE "idempotency_record"');
    await q.query('DROP TABLE "filing_counter"');
    await q.query('DROP INDEX "public"."booking_filing_idx"');
    await q.query('DROP TABLE "booking"');
    await q.query('DROP INDEX "public"."filing_pending_deadline_idx"');
    await q.query('DROP INDEX "public"."filing_jurisdiction_status_idx"');
    await q.query('DROP INDEX "public"."filing_organizer_idx"');
    await q.query('DROP INDEX "public"."filing_starts_idx"');
    await q.query('DROP TABLE "filing"');
  }
}
