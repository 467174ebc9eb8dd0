import pino, { Logger } from 'pino';

/** Paths whose values never reach a log line: credentials, signatures and personal data. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'password',
  'token',
  '*.password',
  '*.token',
  '*.signature',
  '*.cms',
  'signature',
  'databaseUrl',
  'redisUrl',
  'smtpUrl',
  '*.iin',
  '*.phone',
  '*.email',
  '*.address',
  '*.*.iin',
  '*.*.phone',
  '*.*.email',
  '*.*.address',
  '*.*.signature',
];

export function createLogger(name: string, level: string): Logger {
  return pino({
    name,
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

/** Masks the password in a connection string inside free text (error messages from drivers). */
export function redactSecrets(text: string): string {
  return text.replace(/(\w+:\/\/[^:/\s]*:)[^@\s]+@/g, '$1***@');
}
