import 'reflect-metadata';
import { runMain, loadConfig } from '@jiyn/platform';
import { createDataSource } from '../data-source';
import { seedDemoData } from '../seed/seed';

/** Loads the jurisdictions and the demo venues, zone and staff: `npm run seed`. */
runMain('seed', async () => {
  const config = loadConfig();
  const ds = createDataSource({ databaseUrl: config.databaseUrl, applicationName: 'jiyn-seed' });
  await ds.initialize();
  try {
    const counts = await seedDemoData(ds);
    console.log(
      `demo data: ${counts.venues} venues, ${counts.zones} zone(s), ${counts.staff} staff accounts`,
    );
  } finally {
    await ds.destroy();
  }
});
