import 'reflect-metadata';
import { runMain, loadConfig } from '@jiyn/platform';
import { createDataSource } from '../data-source';
import { seedDemoData, seedJurisdictions } from '../seed/seed';

/**
 * `npm run seed`: the jurisdictions (reference data), and outside production the demo venues,
 * no-picketing zone and staff accounts. Production gets the demo data only with `--demo`.
 */
runMain('seed', async () => {
  const config = loadConfig();
  const demo = !config.isProduction || process.argv.includes('--demo');
  const ds = createDataSource({ databaseUrl: config.databaseUrl, applicationName: 'jiyn-seed' });
  await ds.initialize();
  try {
    if (demo) {
      const counts = await seedDemoData(ds);
      console.log(
        `demo data: ${counts.venues} venues, ${counts.zones} zone(s), ${counts.staff} staff accounts`,
      );
    } else {
      console.log(
        `reference data: ${await seedJurisdictions(ds)} jurisdictions (no demo data in production)`,
      );
    }
  } finally {
    await ds.destroy();
  }
});
