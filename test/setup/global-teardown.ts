import { Client } from 'pg';
import { deleteKeysWithPrefix } from '../support/redis-keys';
import { ADMIN_DATABASE_URL, TEST_REDIS_URL } from './test-env';

/** Drops this run's database and deletes its Redis keys (by its own prefix only). */
export default async function globalTeardown(): Promise<void> {
  const database = process.env.JIYN_TEST_DATABASE;
  if (!database || process.env.JIYN_KEEP_TEST_DATABASE) return;
  delete process.env.JIYN_TEST_DATABASE;
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  const prefix = process.env.REDIS_PREFIX;
  if (prefix?.startsWith('jiyn-test-')) await deleteKeysWithPrefix(TEST_REDIS_URL, prefix);
}
