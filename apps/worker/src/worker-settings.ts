import { ConfigError } from '@jiyn/platform';

/**
 * Tuning of the worker, beyond the shared configuration of @jiyn/platform (which carries
 * SWEEP_INTERVAL_MS, SMTP_URL, MAIL_FROM and PUBLIC_BASE_URL). Validated at start-up.
 */
export interface WorkerSettings {
  /** How often the outbox relay polls for unsent events when the last poll found none. */
  relayPollMs: number;
  /** Outbox events per relay transaction. */
  relayBatchSize: number;
  /** Filings per transition transaction of the deadline decider (sweep and deadline jobs). */
  sweepBatchSize: number;
  /** Concurrency of the deadline and message queues in this process. */
  deadlineConcurrency: number;
  messageConcurrency: number;
  /** The SMS provider: `log` (development: writes the SMS to the log and stores it as sent). */
  smsProvider: 'log';
}

export const WORKER_SETTINGS = Symbol('WORKER_SETTINGS');

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]) {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
    return fallback;
  }
  return value;
}

export function loadWorkerSettings(env: Env = process.env): WorkerSettings {
  const problems: string[] = [];
  const smsProvider = env.SMS_PROVIDER?.trim() || 'log';
  if (smsProvider !== 'log') problems.push(`SMS_PROVIDER must be "log", got "${smsProvider}"`);
  const settings: WorkerSettings = {
    relayPollMs: int(env, 'RELAY_POLL_MS', 250, 20, 10_000, problems),
    relayBatchSize: int(env, 'RELAY_BATCH_SIZE', 500, 1, 5000, problems),
    sweepBatchSize: int(env, 'SWEEP_BATCH_SIZE', 1000, 1, 5000, problems),
    deadlineConcurrency: int(env, 'DEADLINE_CONCURRENCY', 50, 1, 500, problems),
    messageConcurrency: int(env, 'MESSAGE_CONCURRENCY', 16, 1, 200, problems),
    smsProvider: 'log',
  };
  if (problems.length > 0) throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  return settings;
}
