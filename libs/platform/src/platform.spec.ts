import { Writable } from 'node:stream';
import pino from 'pino';
import { SystemClock } from './clock';
import { ConfigError, loadConfig, redactUrl } from './config';
import { REDACTED_PATHS, redactSecrets } from './logger';

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/jiyn', REDIS_URL: 'redis://127.0.0.1:6379' };

describe('configuration', () => {
  it('names every missing or malformed variable in one message', () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', REDIS_URL: 'http://x', SWEEP_INTERVAL_MS: '5' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('DATABASE_URL is missing');
      expect(message).toContain('PORT must be an integer');
      expect(message).toContain('REDIS_URL must be a redis: or rediss: URL');
      expect(message).toContain('SWEEP_INTERVAL_MS');
      expect(message.split('\n')).toHaveLength(1);
    }
  });

  it('refuses the test clock and a missing trust store in production', () => {
    expect(() =>
      loadConfig({ ...base, NODE_ENV: 'production', CLOCK_START: '2026-01-01T00:00:00Z' }),
    ).toThrow(/CLOCK_START/);
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(/ESIGN_TRUSTED_CA/);
  });

  it('reads defaults', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({
      port: 3000,
      redisPrefix: 'jiyn',
      sweepIntervalMs: 60000,
      isProduction: false,
    });
  });

  it('hides passwords of connection strings', () => {
    expect(redactUrl('postgres://jiyn:secret@db:5432/jiyn')).not.toContain('secret');
    expect(redactSecrets('connect to postgres://jiyn:secret@db/jiyn failed')).toBe(
      'connect to postgres://jiyn:***@db/jiyn failed',
    );
  });
});

describe('the clock of API.md', () => {
  it('starts at CLOCK_START at the anchor and runs forward in real time', () => {
    let real = Date.parse('2026-11-22T00:00:00Z');
    const clock = new SystemClock(
      new Date('2025-03-14T05:00:00Z'),
      new Date('2026-11-22T00:00:00Z'),
      () => real,
    );
    expect(clock.now().toISOString()).toBe('2025-03-14T05:00:00.000Z');
    real += 1500;
    expect(clock.now().toISOString()).toBe('2025-03-14T05:00:01.500Z');
    expect(new SystemClock(undefined, undefined, () => real).now().getTime()).toBe(real);
  });
});

describe('logging', () => {
  it('redacts credentials, signatures and personal data', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink);
    logger.info(
      {
        req: { headers: { authorization: 'Bearer abc.def' } },
        body: { signature: { cms: 'MIIB' }, organizer: { iin: '880808300004', phone: '+77011234567' } },
      },
      'x',
    );
    const line = lines.join('');
    expect(line).not.toContain('abc.def');
    expect(line).not.toContain('MIIB');
    expect(line).not.toContain('880808300004');
    expect(line).not.toContain('+77011234567');
    expect(line).toContain('[redacted]');
  });
});
