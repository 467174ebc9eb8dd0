import { createLogger, prepareProcess, runMain } from '@jiyn/platform';
import { createApiApp } from './bootstrap';

runMain('api', async () => {
  const config = await prepareProcess();
  const logger = createLogger('api', config.logLevel);
  const app = await createApiApp(config, logger);
  await app.listen({ port: config.port, host: config.host });
  logger.info({ port: config.port }, `Jiyn api listening on ${config.publicBaseUrl}`);
});
