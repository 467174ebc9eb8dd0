import { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffContacts1795306901630 implements MigrationInterface {
  name = 'StaffContacts1795306901630';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "staff_contact" ("iin" character varying(12) NOT NULL, "email" text, "phone" character varying(16), "locale" character varying(2) NOT NULL DEFAULT \'kk\', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_87ad1f9c19a90874319f5f2f271" PRIMARY KEY ("iin"))',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "staff_contact"');
  }
}
