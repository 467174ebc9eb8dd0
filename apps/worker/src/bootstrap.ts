import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';
import { createLogger, JiynConfig, PinoNestLogger } from '@jiyn/platform';
import { WorkerModule } from './worker.module';

/** The worker: a Nest application context with no HTTP, only BullMQ processors. */
export async function createWorkerApp(
  config: JiynConfig,
  logger: Logger = createLogger('worker', config.logLevel),
) {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, logger), {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.enableShutdownHooks();
  await app.init();
  return app;
}
