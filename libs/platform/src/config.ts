/**
 * Process configuration, read once from the environment and validated at start-up.
 * A bad or missing value stops the process with one line that names it (see ConfigError).
 */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface JiynConfig {
  nodeEnv: string;
  isProduction: boolean;
  port: number;
  host: string;
  databaseUrl: string;
  redisUrl: string;
  /** Prefix of every Redis key Jiyn writes (BullMQ queues, rate limits, challenges). */
  redisPrefix: string;
  clockStart?: Date;
  clockAnchor?: Date;
  sweepIntervalMs: number;
  esignProviders?: string;
  esignTrustedCa?: string;
  bootstrapAdminIin?: string;
  smtpUrl?: string;
  mailFrom: string;
  publicBaseUrl: string;
  webDist?: string;
  logLevel: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Sign-in attempts allowed per client address and minute (shared by every api process). */
  authAttemptsPerMinute: number;
  /** Trust X-Forwarded-For from this many proxies in front (0: use the socket's address). */
  trustedProxies: number;
  /** Ed25519 private key (PEM file) that signs the audit chain head exports. */
  auditSigningKeyFile?: string;
}

type Env = Record<string, string | undefined>;

function required(env: Env, name: string, problems: string[]): string {
  const value = env[name]?.trim();
  if (!value) problems.push(`${name} is missing`);
  return value ?? '';
}

function url(env: Env, name: string, protocols: string[], problems: string[]): string {
  const value = required(env, name, problems);
  if (!value) return value;
  try {
    const parsed = new URL(value);
    if (!protocols.includes(parsed.protocol)) {
      problems.push(`${name} must be a ${protocols.join(' or ')} URL`);
    }
  } catch {
    problems.push(`${name} is not a valid URL`);
  }
  return value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]) {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
    return fallback;
  }
  return value;
}

function instant(env: Env, name: string, problems: string[]): Date | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = new Date(raw);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(value.getTime())) {
    problems.push(`${name} must be an ISO 8601 instant, got "${raw}"`);
    return undefined;
  }
  return value;
}

export function loadConfig(env: Env = process.env): JiynConfig {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV?.trim() || 'development';
  const isProduction = nodeEnv === 'production';
  const config: JiynConfig = {
    nodeEnv,
    isProduction,
    port: integer(env, 'PORT', 3000, 0, 65535, problems),
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], problems),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:'], problems),
    redisPrefix: env.REDIS_PREFIX?.trim() || 'jiyn',
    clockStart: instant(env, 'CLOCK_START', problems),
    clockAnchor: instant(env, 'CLOCK_ANCHOR', problems),
    sweepIntervalMs: integer(env, 'SWEEP_INTERVAL_MS', 60_000, 100, 86_400_000, problems),
    esignProviders: env.ESIGN_PROVIDERS?.trim() || undefined,
    esignTrustedCa: env.ESIGN_TRUSTED_CA?.trim() || undefined,
    bootstrapAdminIin: env.BOOTSTRAP_ADMIN_IIN?.trim() || undefined,
    smtpUrl: env.SMTP_URL?.trim() || undefined,
    mailFrom: env.MAIL_FROM?.trim() || 'Jiyn <no-reply@jiyn.kz>',
    publicBaseUrl: env.PUBLIC_BASE_URL?.trim() || `http://localhost:${env.PORT?.trim() || 3000}`,
    webDist: env.WEB_DIST?.trim() || undefined,
    logLevel: env.LOG_LEVEL?.trim() || (nodeEnv === 'test' ? 'warn' : 'info'),
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60, problems),
    sessionAbsoluteHours: integer(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 30, problems),
    auditSigningKeyFile: env.AUDIT_SIGNING_KEY_FILE?.trim() || undefined,
    trustedProxies: integer(env, 'TRUSTED_PROXIES', 0, 0, 10, problems),
    authAttemptsPerMinute: integer(env, 'AUTH_ATTEMPTS_PER_MINUTE', 10, 1, 1_000_000, problems),
  };
  if (isProduction && config.clockStart) {
    problems.push('CLOCK_START is for testing and may not be set in production');
  }
  if (isProduction && !config.esignTrustedCa) {
    problems.push(
      'ESIGN_TRUSTED_CA is missing (production accepts only cms signatures, verified against it)',
    );
  }
  if (isProduction && !config.auditSigningKeyFile) {
    problems.push('AUDIT_SIGNING_KEY_FILE is missing (the audit chain heads are signed with it)');
  }
  if (config.bootstrapAdminIin && !/^\d{12}$/.test(config.bootstrapAdminIin)) {
    problems.push('BOOTSTRAP_ADMIN_IIN must be 12 digits');
  }
  if (problems.length > 0) {
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  return config;
}

/** Hides the password of a connection URL so it can be printed. */
export function redactUrl(value: string): string {
  try {
    const parsed = new URL(value);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable url>';
  }
}
