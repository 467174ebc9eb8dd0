import { createLogger, prepareProcess, runMain } from '@jiyn/platform';
import { createWorkerApp } from './bootstrap';

runMain('worker', async () => {
  const config = await prepareProcess();
  const logger = createLogger('worker', config.logLevel);
  await createWorkerApp(config, logger);
  logger.info('Jiyn worker started');
});
