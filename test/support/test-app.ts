import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { INestApplicationContext } from '@nestjs/common';
import { createLogger, JiynConfig, loadConfig } from '@jiyn/platform';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { createWorkerApp } from '../../apps/worker/src/bootstrap';

/** The configuration of this test run (its own database and Redis prefix), with overrides. */
export function testConfig(overrides: Record<string, string | undefined> = {}): JiynConfig {
  // Tests sign in often from one address; the rate-limit test sets its own limit.
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'fatal',
    AUTH_ATTEMPTS_PER_MINUTE: '100000',
    ...overrides,
  });
}

export interface RunningApi {
  app: NestFastifyApplication;
  baseUrl: string;
  config: JiynConfig;
  close(): Promise<void>;
}

/** Starts the real api on a free port of 127.0.0.1; requests go over real HTTP. */
export async function startApi(overrides: Record<string, string | undefined> = {}): Promise<RunningApi> {
  const config = testConfig(overrides);
  const app = await createApiApp(config, createLogger('api-test', config.logLevel));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, baseUrl: `http://127.0.0.1:${port}`, config, close: () => app.close() };
}

export async function startWorker(
  overrides: Record<string, string | undefined> = {},
): Promise<INestApplicationContext> {
  const config = testConfig(overrides);
  return createWorkerApp(config, createLogger('worker-test', config.logLevel));
}

export async function json(response: Response): Promise<any> {
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}
