// `npm test`: every suite of the project against the real services. Unit tests, API end-to-end
// tests (a fresh database and Redis prefix for the run) and browser journeys in Debian's Chromium.
// Extra arguments go to jest: `npm test -- test/e2e/foundation.e2e-spec.ts`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium, ensureServices, SetupError } from './lib/services.mjs';

const args = process.argv.slice(2);
const say = (msg) => process.stdout.write(`jiyn: ${msg}\n`);
const run = (cmd, cmdArgs, opts = {}) => spawnSync(cmd, cmdArgs, { stdio: 'inherit', ...opts }).status ?? 1;

try {
  await ensureServices({
    databaseUrl: process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  });
  if (existsSync('test/browser')) ensureChromium();
} catch (error) {
  process.stderr.write(`jiyn: ${error instanceof SetupError ? error.message : error.stack}\n`);
  process.exit(1);
}

if (args.length === 0) {
  say('type-checking');
  if (run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']) !== 0) process.exit(1);
  if (existsSync('apps/web/index.html')) {
    say('building the web app for the browser tests');
    if (run('npx', ['vite', 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn']) !== 0)
      process.exit(1);
  }
}

const outDir = mkdtempSync(join(tmpdir(), 'jiyn-jest-'));
const resultFile = join(outDir, 'results.json');
const status = run(
  'npx',
  ['jest', '--ci', '--maxWorkers=2', '--json', `--outputFile=${resultFile}`, ...args],
  {
    env: { ...process.env, NODE_ENV: 'test' },
  },
);
let summary = '';
if (existsSync(resultFile)) {
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  const failedSuites = result.numFailedTestSuites + (result.numRuntimeErrorTestSuites ?? 0);
  summary = `${result.numPassedTests} passed, ${result.numFailedTests} failed`;
  if (result.numPendingTests) summary += `, ${result.numPendingTests} skipped`;
  if (failedSuites > 0) say(`${failedSuites} test suite(s) failed to run or failed`);
  if (result.numTotalTests === 0) {
    say('no test ran');
    process.exitCode = 1;
  }
}
rmSync(outDir, { recursive: true, force: true });
if (summary) process.stdout.write(`tests: ${summary}\n`);
process.exit(status !== 0 ? status : (process.exitCode ?? 0));
