// `npm run up`: from a fresh clone to a running Jiyn. Installs dependencies, makes sure PostgreSQL
// (PostGIS, btree_gist) and Redis are there, applies the migrations, loads the demo data, builds
// the web app, and runs the api and the worker until Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import {
  DEFAULT_DATABASE_URL,
  DEFAULT_REDIS_URL,
  ensureDatabase,
  ensureServices,
  readDotEnv,
  SetupError,
} from './lib/services.mjs';

const say = (msg) => process.stdout.write(`jiyn: ${msg}\n`);
const fail = (msg) => {
  process.stderr.write(`jiyn: ${msg}\n`);
  process.exit(1);
};
const step = (what, cmd, args, env) => {
  say(what);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (result.status !== 0) fail(`${what} failed`);
};

const env = {
  NODE_ENV: 'development',
  PORT: '3000',
  DATABASE_URL: DEFAULT_DATABASE_URL,
  REDIS_URL: DEFAULT_REDIS_URL,
  BOOTSTRAP_ADMIN_IIN: '850101300005',
  ESIGN_PROVIDERS: 'stub,cms',
  ...readDotEnv(),
  ...Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined)),
};

const lockNewer = () =>
  !existsSync('node_modules/.package-lock.json') ||
  statSync('package-lock.json').mtimeMs > statSync('node_modules/.package-lock.json').mtimeMs;
// npm install rather than npm ci: see .ci/run.
if (lockNewer()) step('installing dependencies', 'npm', ['install', '--no-audit', '--no-fund'], env);

try {
  await ensureServices({ databaseUrl: env.DATABASE_URL, redisUrl: env.REDIS_URL });
  ensureDatabase(env.DATABASE_URL);
} catch (error) {
  fail(error instanceof SetupError ? error.message : error.stack);
}

step('building the api, the worker and the web app', 'npm', ['run', '--silent', 'build'], env);
// Development trust material in .dev-pki/ (git-ignored): a CA for cms signatures, so NCALayer-style
// signatures from `libs/esign/scripts/dev-pki.ts issue` verify, and the audit head signing key.
if (env.NODE_ENV !== 'production') {
  mkdirSync('.dev-pki', { recursive: true });
  if (!env.ESIGN_TRUSTED_CA) {
    if (!existsSync('.dev-pki/ca.cert.pem'))
      step(
        'creating a development CA',
        'node',
        ['dist/libs/esign/scripts/dev-pki.js', 'init', '--out', '.dev-pki'],
        env,
      );
    env.ESIGN_TRUSTED_CA = '.dev-pki/ca.cert.pem';
  }
  if (!env.AUDIT_SIGNING_KEY_FILE) {
    if (!existsSync('.dev-pki/audit-signing-key.pem')) {
      const { privateKey } = generateKeyPairSync('ed25519');
      writeFileSync('.dev-pki/audit-signing-key.pem', privateKey.export({ type: 'pkcs8', format: 'pem' }), {
        mode: 0o600,
      });
    }
    env.AUDIT_SIGNING_KEY_FILE = '.dev-pki/audit-signing-key.pem';
  }
}

step('applying migrations', 'node', ['dist/libs/persistence/src/cli/migrate.js'], env);
step('loading the demo data', 'node', ['dist/libs/persistence/src/cli/seed.js'], env);

// A local SMTP sink for the demo: every message Jiyn sends lands in .tmp/mail/.
const extra = [];
if (!env.SMTP_URL && env.NODE_ENV !== 'production') {
  env.SMTP_URL = 'smtp://127.0.0.1:2525';
  extra.push(
    spawn('node', ['dist/apps/worker/src/dev/smtp-sink.js', '--port', '2525', '--dir', '.tmp/mail'], {
      stdio: 'inherit',
      env,
    }),
  );
}

const children = [
  ...extra,
  spawn('node', ['dist/apps/api/src/main.js'], { stdio: 'inherit', env }),
  spawn('node', ['dist/apps/worker/src/main.js'], { stdio: 'inherit', env }),
];
let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  say('stopping the api and the worker');
  for (const child of children) if (child.exitCode === null) child.kill(signal);
};
process.on('SIGINT', () => stop('SIGTERM'));
process.on('SIGTERM', () => stop('SIGTERM'));
let exited = 0;
for (const child of children) {
  child.on('exit', (code) => {
    exited += 1;
    if (!stopping && code !== 0) {
      say(`a process stopped with code ${code}`);
      stop('SIGTERM');
    }
    if (exited === children.length) process.exit(stopping ? 0 : 1);
  });
}

const base = `http://localhost:${env.PORT}`;
setTimeout(() => {
  if (stopping) return;
  process.stdout.write(
    [
      '',
      `Jiyn is running at ${base}`,
      `  map and register   ${base}/`,
      `  API documentation  ${base}/api/docs`,
      `  health             ${base}/api/v1/health`,
      ...(extra.length ? ['  mail sent by Jiyn   .tmp/mail/ (a local SMTP sink on port 2525)'] : []),
      '',
      'Demo accounts (sign in with the development "stub" signature, pick the IIN):',
      '  administrator            850101300005  DEMO ADMINISTRATOR',
      '  akimat officer, Almaty   870302400008  SULTANOVA AIGERIM',
      '  maslikhat staff, Almaty  900515300107  BEKOV NURLAN',
      '  akimat officer, Astana   920701400009  ZHAKSYBEKOVA DANA',
      '  akimat officer, Shymkent 781112300002  ORMANOV ASKAR',
      '  organizer                880808300004  ERMEKOV TIMUR',
      '',
      'Ctrl-C stops both processes.',
      '',
    ].join('\n'),
  );
}, 2500);
