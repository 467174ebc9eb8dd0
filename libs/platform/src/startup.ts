import { Client } from 'pg';
import Redis from 'ioredis';
import { assertTimeZoneData } from '@jiyn/domain';
import { ConfigError, JiynConfig, loadConfig, redactUrl } from './config';
import { redactSecrets } from './logger';

/** A start-up failure that is printed as one line, without a stack trace. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

export async function checkPostgres(databaseUrl: string, timeoutMs = 5000): Promise<void> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new StartupError(
      `cannot reach PostgreSQL at ${redactUrl(databaseUrl)}: ${redactSecrets((error as Error).message)}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function checkRedis(redisUrl: string, timeoutMs = 5000): Promise<void> {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new StartupError(`cannot reach Redis at ${redactUrl(redisUrl)}: ${(error as Error).message}`);
  } finally {
    redis.disconnect();
  }
}

/**
 * What every Jiyn process does before it builds its application: validate the configuration,
 * refuse stale time-zone data, and make sure PostgreSQL and Redis answer.
 */
export async function prepareProcess(env = process.env): Promise<JiynConfig> {
  const config = loadConfig(env);
  try {
    assertTimeZoneData();
  } catch (error) {
    throw new StartupError((error as Error).message);
  }
  await checkPostgres(config.databaseUrl);
  await checkRedis(config.redisUrl);
  return config;
}

/** Runs a process entry point; a known start-up failure is one line on stderr and exit code 1. */
export function runMain(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof StartupError) {
      process.stderr.write(`jiyn ${name}: ${error.message}\n`);
    } else {
      process.stderr.write(
        `jiyn ${name}: failed to start: ${redactSecrets(String((error as Error)?.stack ?? error))}\n`,
      );
    }
    process.exit(1);
  });
}
