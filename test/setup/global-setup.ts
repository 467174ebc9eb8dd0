import 'reflect-metadata';
import { Client } from 'pg';
import { createDataSource, seedDemoData } from '@jiyn/persistence';
import { ADMIN_DATABASE_URL, databaseUrlFor, TEST_REDIS_URL } from './test-env';

/** Creates this run's database (migrations applied, demo data loaded) and Redis prefix. */
export default async function globalSetup(): Promise<void> {
  if (process.env.JIYN_TEST_DATABASE) return; // a second project in the same run reuses it
  const runId = `${Date.now().toString(36)}_${process.pid}`;
  const database = `jiyn_test_${runId}`;
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const databaseUrl = databaseUrlFor(database);
  const ds = createDataSource({ databaseUrl });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    await seedDemoData(ds);
  } finally {
    await ds.destroy();
  }
  process.env.JIYN_TEST_DATABASE = database;
  process.env.DATABASE_URL = databaseUrl;
  process.env.REDIS_URL = TEST_REDIS_URL;
  process.env.REDIS_PREFIX = `jiyn-test-${runId}`;
  process.env.NODE_ENV = 'test';
}
