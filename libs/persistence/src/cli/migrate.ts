import 'reflect-metadata';
import { runMain, loadConfig, redactUrl } from '@jiyn/platform';
import { createDataSource } from '../data-source';

/** Applies pending migrations: `npm run migration:run` (after a build). */
runMain('migrate', async () => {
  const config = loadConfig();
  const ds = createDataSource({ databaseUrl: config.databaseUrl, applicationName: 'jiyn-migrate' });
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    console.log(`migrations: ${applied.length} applied to ${redactUrl(config.databaseUrl)}`);
  } finally {
    await ds.destroy();
  }
});
