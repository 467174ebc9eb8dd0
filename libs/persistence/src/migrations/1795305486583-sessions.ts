import { MigrationInterface, QueryRunner } from 'typeorm';

export class Sessions1795305486583 implements MigrationInterface {
  name = 'Sessions1795305486583';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "user_session" ("token_hash" character(64) NOT NULL, "iin" character varying(12) NOT NULL, "full_name" text NOT NULL, "signature_format" character varying(8) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" text, CONSTRAINT "PK_9ccf6d901cef4067214284f327e" PRIMARY KEY ("token_hash"))',
    );
    await q.query('CREATE INDEX "user_session_iin_idx" ON "user_session"  ("iin") ');
    await q.query(
      'CREATE TABLE "auth_challenge" ("digest" character(64) NOT NULL, "challenge" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_cc46b862e15370de93e0190b251" PRIMARY KEY ("digest"))',
    );
    await q.query('CREATE INDEX "auth_challenge_expires_idx" ON "auth_challenge"  ("expires_at") ');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "public"."auth_challenge_expires_idx"');
    await q.query('DROP TABLE "auth_challenge"');
    await q.query('DROP INDEX "public"."user_session_iin_idx"');
    await q.query('DROP TABLE "user_session"');
  }
}
