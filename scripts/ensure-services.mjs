// `node scripts/ensure-services.mjs [--browser]`: what .ci/run calls before the tests.
import { ensureChromium, ensureServices, SetupError } from './lib/services.mjs';

try {
  await ensureServices({
    databaseUrl: process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  });
  if (process.argv.includes('--browser')) ensureChromium();
  process.stdout.write('jiyn: PostgreSQL (PostGIS, btree_gist) and Redis are ready\n');
} catch (error) {
  process.stderr.write(`jiyn: ${error instanceof SetupError ? error.message : error.stack}\n`);
  process.exit(1);
}
