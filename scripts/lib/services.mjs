// Makes sure PostgreSQL (with PostGIS and btree_gist) and Redis are reachable, installing and
// starting them from the distribution's packages when that is possible. Shared by `npm run up`,
// `npm test` and .ci/run. Node built-ins only: it runs before `npm install`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import net from 'node:net';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/jiyn';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

const say = (msg) => process.stdout.write(`jiyn: ${msg}\n`);

export class SetupError extends Error {}

function reachable(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: Number(port) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitFor(host, port, seconds) {
  for (let i = 0; i < seconds * 2; i++) {
    if (await reachable(host, port)) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = () => existsSync('/etc/debian_version');
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const dockerUsable = () =>
  has('docker') && spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 10000 }).status === 0;

let aptUpdated = false;
export function aptInstall(packages) {
  if (!aptUpdated) {
    say('apt-get update');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    aptUpdated = true;
  }
  say(`installing ${packages.join(' ')} from the distribution's packages`);
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function pgMajorVersions() {
  return existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql').filter((v) => /^\d+$/.test(v)) : [];
}

function startLocalPostgres() {
  for (const version of pgMajorVersions()) {
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
  }
}

function startLocalRedis() {
  spawnSync(
    'redis-server',
    ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', '6379', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'inherit',
    },
  );
}

function psql(url, sql) {
  return spawnSync('psql', [url, '-XtAc', sql], { encoding: 'utf8' });
}

/** True when the server at `url` offers the postgis and btree_gist extensions. */
function extensionsAvailable(url) {
  const out = psql(
    url,
    "select count(*) from pg_available_extensions where name in ('postgis','btree_gist')",
  );
  if (out.status !== 0) return undefined;
  return out.stdout.trim() === '2';
}

function serverVersion(url) {
  const out = psql(url, 'show server_version_num');
  return out.status === 0 ? String(Math.floor(Number(out.stdout.trim()) / 10000)) : undefined;
}

function adminUrlOf(databaseUrl) {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

export async function ensureServices({
  databaseUrl = DEFAULT_DATABASE_URL,
  redisUrl = DEFAULT_REDIS_URL,
  install = true,
} = {}) {
  const pg = new URL(databaseUrl);
  const redis = new URL(redisUrl);
  const pgHost = pg.hostname || '127.0.0.1';
  const pgPort = pg.port || '5432';
  const redisHost = redis.hostname || '127.0.0.1';
  const redisPort = redis.port || '6379';
  const local = (h) => ['127.0.0.1', 'localhost', '::1'].includes(h);

  let pgUp = await reachable(pgHost, pgPort);
  let redisUp = await reachable(redisHost, redisPort);

  if ((!pgUp || !redisUp) && install && local(pgHost) && local(redisHost)) {
    if (!pgUp && pgMajorVersions().length > 0) {
      say('starting the local PostgreSQL');
      startLocalPostgres();
      pgUp = await waitFor(pgHost, pgPort, 20);
    }
    if (!redisUp && has('redis-server')) {
      say('starting the local Redis');
      startLocalRedis();
      redisUp = await waitFor(redisHost, redisPort, 10);
    }
    if ((!pgUp || !redisUp) && dockerUsable()) {
      say('starting PostgreSQL (PostGIS) and Redis with docker/compose.yml');
      execFileSync('docker', ['compose', '-f', 'docker/compose.yml', 'up', '-d', 'postgres', 'redis'], {
        stdio: 'inherit',
      });
      pgUp = await waitFor(pgHost, pgPort, 60);
      redisUp = await waitFor(redisHost, redisPort, 30);
    } else if ((!pgUp || !redisUp) && isDebian() && isRoot()) {
      const packages = [];
      if (!pgUp) packages.push('postgresql', 'postgresql-contrib', 'postgis', 'postgresql-postgis');
      if (!redisUp) packages.push('redis-server');
      aptInstall(packages);
      if (!pgUp) {
        startLocalPostgres();
        pgUp = await waitFor(pgHost, pgPort, 30);
      }
      if (!redisUp) {
        startLocalRedis();
        redisUp = await waitFor(redisHost, redisPort, 10);
      }
    }
  }
  if (!pgUp || !redisUp) {
    const missing = [
      !pgUp && `PostgreSQL at ${pgHost}:${pgPort}`,
      !redisUp && `Redis at ${redisHost}:${redisPort}`,
    ].filter(Boolean);
    throw new SetupError(
      `cannot reach ${missing.join(' and ')}. Install and start PostgreSQL 15+ with PostGIS 3 and Redis 7 ` +
        `(or a Docker engine, for docker/compose.yml), or set DATABASE_URL and REDIS_URL.`,
    );
  }

  const adminUrl = adminUrlOf(databaseUrl);
  if (!has('psql')) {
    say('psql not found; skipping the PostGIS check (the migrations will say if it is missing)');
    return { databaseUrl, redisUrl };
  }
  let available = extensionsAvailable(adminUrl);
  if (available === false && install && local(pgHost) && isDebian() && isRoot()) {
    const version = serverVersion(adminUrl) ?? pgMajorVersions()[0];
    aptInstall([`postgresql-${version}-postgis-3`]);
    available = extensionsAvailable(adminUrl);
  }
  if (available === false) {
    throw new SetupError(
      `PostgreSQL at ${pgHost}:${pgPort} has no PostGIS (or btree_gist). Install the postgis package for your server ` +
        `(Debian: postgresql-<version>-postgis-3) and try again.`,
    );
  }
  return { databaseUrl, redisUrl, adminUrl };
}

/** Creates the database named in `databaseUrl` when it does not exist yet. */
export function ensureDatabase(databaseUrl) {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new SetupError(`unsupported database name "${name}"`);
  const adminUrl = adminUrlOf(databaseUrl);
  const exists = psql(adminUrl, `select 1 from pg_database where datname = '${name}'`);
  if (exists.status !== 0) throw new SetupError(`cannot connect to PostgreSQL: ${exists.stderr.trim()}`);
  if (exists.stdout.trim() !== '1') {
    say(`creating database ${name}`);
    const created = psql(adminUrl, `create database ${name}`);
    if (created.status !== 0)
      throw new SetupError(`cannot create database ${name}: ${created.stderr.trim()}`);
  }
}

/** Debian's Chromium for the browser tests (never a downloaded browser). */
export function ensureChromium() {
  if (existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) return;
  if (isDebian() && isRoot()) {
    aptInstall(['chromium', 'fonts-dejavu-core']);
    return;
  }
  throw new SetupError(
    'browser tests need Chromium at /usr/bin/chromium (Debian: apt-get install chromium), or set CHROMIUM_PATH',
  );
}

export function readDotEnv(path = '.env') {
  if (!existsSync(path)) return {};
  const out = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/);
    if (m) out[m[1]] = m[2].replace(/^['"]|['"]$/g, '');
  }
  return out;
}
