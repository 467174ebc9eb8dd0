/**
 * Writes a migration with the SQL that brings a database at the latest migration up to the
 * entities: `node -r @swc-node/register libs/persistence/scripts/generate-migration.ts Name`.
 * It uses a throwaway database (DATABASE_ADMIN_URL's server) and prints the new file's path.
 * Review the file: geometry defaults, EXCLUDE constraints and seed data are written by hand.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '../src/data-source';

async function main() {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))
    throw new Error('usage: generate-migration.ts PascalCaseName');
  const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const scratch = `jiyn_migration_gen_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratch}`);
  const url = new URL(adminUrl);
  url.pathname = `/${scratch}`;
  const ds = createDataSource({ databaseUrl: url.toString() });
  try {
    await ds.initialize();
    await ds.runMigrations();
    const sql = await ds.driver.createSchemaBuilder().log();
    const indent = (queries: { query: string }[]) =>
      queries.map((q) => `    await q.query(${JSON.stringify(q.query)});`).join('\n');
    if (sql.upQueries.length === 0) {
      console.log('entities and migrations agree; nothing written');
      return;
    }
    const stamp = Date.now();
    const file = join(
      __dirname,
      '../src/migrations',
      `${stamp}-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.ts`,
    );
    writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${stamp} implements MigrationInterface {\n  name = '${name}${stamp}';\n\n  async up(q: QueryRunner): Promise<void> {\n${indent(sql.upQueries)}\n  }\n\n  async down(q: QueryRunner): Promise<void> {\n${indent([...sql.downQueries].reverse())}\n  }\n}\n`,
    );
    console.log(file);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
