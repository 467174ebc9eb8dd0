import { createLogger, prepareProcess, runMain } from '@jiyn/platform';
import { createWorkerApp } from './bootstrap';
import { loadWorkerSettings } from './worker-settings';

runMain('worker', async () => {
  const config = await prepareProcess();
  const settings = loadWorkerSettings();
  const logger = createLogger('worker', config.logLevel);
  await createWorkerApp(config, logger, settings);
  logger.info(
    { sweepIntervalMs: config.sweepIntervalMs, smtp: Boolean(config.smtpUrl), clockStart: config.clockStart },
    'Jiyn worker started',
  );
});
