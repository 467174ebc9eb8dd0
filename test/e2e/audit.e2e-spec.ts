import { DataSource } from 'typeorm';
import { createDataSource } from '@jiyn/persistence';
import { get, PEOPLE, post, signBody, signIn } from '../support/auth';
import { filingBody, hourSlot } from '../support/filings';
import { RunningApi, startApi } from '../support/test-app';

describe('the tamper-evident audit log', () => {
  let api: RunningApi;
  let db: DataSource;
  beforeAll(async () => {
    api = await startApi({ CLOCK_START: '2026-12-01T05:00:00.000Z' });
    db = createDataSource({ databaseUrl: process.env.DATABASE_URL! });
    await db.initialize();
  });
  afterAll(async () => {
    await api.close();
    await db.destroy();
  });

  it('verifies, signs its heads, and shows a rewritten row', async () => {
    const organizer = await signIn(api.baseUrl, PEOPLE.organizer);
    const created = await post(
      api.baseUrl,
      '/api/v1/filings',
      organizer,
      signBody(filingBody({ ...hourSlot('2026-12-31', 10), purpose: 'audit target' }), PEOPLE.organizer),
    );
    expect(created.status).toBe(201);
    const before = await get(api.baseUrl, '/api/v1/audit/verify?chain=750000000');
    expect(before.body.valid).toBe(true);

    const admin = await signIn(api.baseUrl, PEOPLE.admin);
    expect((await post(api.baseUrl, '/api/v1/admin/audit/export', organizer, {})).status).toBe(403);
    const exported = await post(api.baseUrl, '/api/v1/admin/audit/export', admin, {});
    expect(exported.status).toBe(201);
    expect(exported.body.map((e: any) => e.chain)).toEqual(expect.arrayContaining(['750000000']));
    const heads = await get(api.baseUrl, '/api/v1/audit/heads?chain=750000000');
    expect(heads.body[0]).toMatchObject({
      chain: '750000000',
      signature: expect.any(String),
      publicKey: expect.stringContaining('PUBLIC KEY'),
    });

    const [row] = await db.query(`SELECT seq FROM audit_log WHERE entity_id = $1`, [created.body.id]);
    await db.query(
      `UPDATE audit_log SET after = jsonb_set(after, '{status}', '"approved"') WHERE chain = '750000000' AND seq = $1`,
      [row.seq],
    );
    try {
      const after = await get(api.baseUrl, '/api/v1/audit/verify?chain=750000000');
      expect(after.body.valid).toBe(false);
      expect(after.body.chains[0].firstBrokenSeq).toBe(String(row.seq));
    } finally {
      await db.query(
        `UPDATE audit_log SET after = jsonb_set(after, '{status}', '"submitted"') WHERE chain = '750000000' AND seq = $1`,
        [row.seq],
      );
    }
    expect((await get(api.baseUrl, '/api/v1/audit/verify?chain=750000000')).body.valid).toBe(true);
    expect((await get(api.baseUrl, '/api/v1/audit/verify?chain=nope')).status).toBe(400);
  });
});
