import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';
import { createLogger, JiynConfig, PinoNestLogger } from '@jiyn/platform';
import { WorkerModule, WorkerOverrides } from './worker.module';
import { loadWorkerSettings, WorkerSettings } from './worker-settings';

/** The worker: a Nest application context with no HTTP, only BullMQ processors and its loops. */
export async function createWorkerApp(
  config: JiynConfig,
  logger: Logger = createLogger('worker', config.logLevel),
  settings: WorkerSettings = loadWorkerSettings(),
  overrides: WorkerOverrides = {},
) {
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(config, logger, settings, overrides),
    {
      logger: new PinoNestLogger(logger),
      abortOnError: false,
    },
  );
  app.enableShutdownHooks();
  await app.init();
  return app;
}
