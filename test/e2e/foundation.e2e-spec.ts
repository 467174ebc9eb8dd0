import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createDataSource } from '@jiyn/persistence';
import { json, RunningApi, startApi } from '../support/test-app';

const root = join(__dirname, '../..');

describe('the api on its real stack', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('answers health with PostgreSQL and Redis up', async () => {
    const response = await fetch(`${api.baseUrl}/api/v1/health`);
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toMatchObject({ status: 'ok', database: 'up', redis: 'up' });
    expect(response.headers.get('x-correlation-id')).toBeTruthy();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('lists the seeded specialized places and routes of Almaty as GeoJSON', async () => {
    const response = await fetch(`${api.baseUrl}/api/v1/venues?jurisdiction=750000000`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/geo+json');
    const body = await json(response);
    expect(body.type).toBe('FeatureCollection');
    const names = body.features.map((f: any) => f.properties.name);
    expect(names).toEqual(
      expect.arrayContaining(['Gandhi park, Zharokov street', 'Square behind the Sary-Arka cinema']),
    );
    const route = body.features.find((f: any) => f.properties.kind === 'route');
    expect(route.geometry.type).toBe('LineString');
    for (const f of body.features) {
      expect(f.properties).toEqual(
        expect.objectContaining({
          id: f.id,
          kind: expect.stringMatching(/^(place|route)$/),
          jurisdiction: expect.stringMatching(/^75\d{7}$/), // Almaty or one of its districts
        }),
      );
      expect(f.properties.maxOccupancy).toBeGreaterThan(0);
    }
    const astana = await json(await fetch(`${api.baseUrl}/api/v1/venues?jurisdiction=710000000`));
    expect(astana.features.length).toBeGreaterThanOrEqual(3);
    expect(astana.features.every((f: any) => f.properties.jurisdiction === '710000000')).toBe(true);
  });

  it('refuses a malformed jurisdiction and unknown query fields with problem+json', async () => {
    const response = await fetch(`${api.baseUrl}/api/v1/venues?jurisdiction=abc&colour=red`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const body = await json(response);
    expect(body.code).toBe('validation_failed');
    expect(body.errors.map((e: any) => e.field).sort()).toEqual(['colour', 'jurisdiction']);
    expect(body.correlationId).toBe(response.headers.get('x-correlation-id'));
  });

  it('answers an unknown path and an unparseable body with problem+json, never a 5xx', async () => {
    const missing = await fetch(`${api.baseUrl}/api/v1/nowhere`);
    expect(missing.status).toBe(404);
    expect((await json(missing)).code).toBe('not_found');
    const garbage = await fetch(`${api.baseUrl}/api/v1/venues`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name": ',
    });
    expect(garbage.status).toBeGreaterThanOrEqual(400);
    expect(garbage.status).toBeLessThan(500);
    expect(garbage.headers.get('content-type')).toContain('application/problem+json');
  });

  it('serves the OpenAPI document and its UI', async () => {
    const doc = await json(await fetch(`${api.baseUrl}/api/docs-json`));
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/health', '/api/v1/venues']));
    const ui = await fetch(`${api.baseUrl}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });
});

describe('the schema', () => {
  it('has no drift between the entities and the migrations', async () => {
    const ds = createDataSource({ databaseUrl: process.env.DATABASE_URL! });
    await ds.initialize();
    try {
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      expect(await ds.showMigrations()).toBe(false);
    } finally {
      await ds.destroy();
    }
  });
});

describe('start-up checks', () => {
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('stops with one line naming what is missing', () => {
    const result = run({ REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('DATABASE_URL is missing');
  });

  it('stops with one line naming what is unreachable', () => {
    const result = run({
      DATABASE_URL: 'postgres://jiyn:secret@127.0.0.1:1/nowhere',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('cannot reach PostgreSQL');
    expect(result.stderr).not.toContain('secret');
  });

  it('has no synchronize anywhere outside tests', () => {
    const grep = spawnSync('grep', ['-rnE', 'synchronize:\\s*true', 'apps', 'libs', '--include=*.ts'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(grep.stdout.split('\n').filter((line) => line && !line.includes('.spec.ts'))).toEqual([]);
  });
});
