import { DataSource } from 'typeorm';
import { createDataSource, verifyAuditChain } from '@jiyn/persistence';
import { get, PEOPLE, post, Session, signIn } from '../support/auth';
import { json, RunningApi, startApi } from '../support/test-app';

describe('the legal clock over HTTP', () => {
  let api: RunningApi;
  let db: DataSource;
  beforeAll(async () => {
    api = await startApi();
    db = createDataSource({ databaseUrl: process.env.DATABASE_URL! });
    await db.initialize();
  });
  afterAll(async () => {
    await api.close();
    await db.destroy();
  });

  it('answers the worked example of API.md exactly', async () => {
    const plain = await get(
      api.baseUrl,
      '/api/v1/deadlines?form=rally&date=2025-03-26&jurisdiction=750000000',
    );
    expect(plain.status).toBe(200);
    expect(plain.body).toEqual({
      form: 'rally',
      procedure: 'notification',
      assemblyDate: '2025-03-26',
      fileBy: '2025-03-14',
      answerWorkingDays: 3,
      deemedApproval: true,
    });
    const registered = await get(
      api.baseUrl,
      `/api/v1/deadlines?form=rally&date=2025-03-26&jurisdiction=750000000&registeredAt=${encodeURIComponent('2025-03-14T10:00:00+05:00')}`,
    );
    expect(registered.body).toEqual({
      ...plain.body,
      registrationDate: '2025-03-14',
      timely: true,
      answerDueBy: '2025-03-19',
      answerDeadline: '2025-03-20T00:00:00+05:00',
      deemedApprovedAt: '2025-03-20T00:00:00+05:00',
    });
  });

  it('gives applications 10 and 7 working days and no deemed approval', async () => {
    const { body } = await get(
      api.baseUrl,
      `/api/v1/deadlines?form=procession&date=2025-03-26&jurisdiction=710000000&registeredAt=${encodeURIComponent('2025-03-06T09:00:00+05:00')}`,
    );
    expect(body).toMatchObject({
      procedure: 'application',
      fileBy: '2025-03-06',
      answerWorkingDays: 7,
      deemedApproval: false,
      timely: true,
    });
    expect(body.answerDueBy).toBe('2025-03-18');
    expect(body.deemedApprovedAt).toBeNull();
  });

  it.each([
    ['form=parade&date=2025-03-26&jurisdiction=750000000', 'form'],
    ['form=rally&date=2025-02-30&jurisdiction=750000000', 'date'],
    ['form=rally&date=26.03.2025&jurisdiction=750000000', 'date'],
    ['form=rally&date=2025-03-26&jurisdiction=999999999', 'jurisdiction'],
    ['form=rally&date=2025-03-26&jurisdiction=750000000&registeredAt=yesterday', 'registeredAt'],
  ])('refuses %s with a 400 naming %s', async (query, field) => {
    const response = await fetch(`${api.baseUrl}/api/v1/deadlines?${query}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const body = await json(response);
    expect(body.errors.map((e: any) => e.field)).toContain(field);
  });

  it('publishes the calendar of a year with transfers and reasons', async () => {
    const { status, body } = await get(api.baseUrl, '/api/v1/calendar/2025');
    expect(status).toBe(200);
    const off = body.nonWorkingDays.map((d: any) => d.date);
    expect(off).toEqual(
      expect.arrayContaining(['2025-03-21', '2025-03-24', '2025-03-25', '2025-01-03', '2025-06-06']),
    );
    expect(off).not.toContain('2025-03-26');
    expect(body.workingWeekendDays.map((d: any) => d.date)).toEqual(['2025-01-05']);
    expect((await get(api.baseUrl, '/api/v1/calendar/20x5')).status).toBe(400);
  });

  it('publishes the refusal grounds in three languages', async () => {
    const { body } = await get(api.baseUrl, '/api/v1/refusal-grounds');
    expect(body).toHaveLength(10);
    for (const ground of body) {
      expect(ground.article).toMatch(/^Art\. 14\(1\)\(\d+\)$/);
      expect(ground.title.kk && ground.title.ru && ground.title.en).toBeTruthy();
    }
  });

  describe('administrators keep the calendar', () => {
    let admin: Session;
    let officer: Session;
    beforeAll(async () => {
      admin = await signIn(api.baseUrl, PEOPLE.admin);
      officer = await signIn(api.baseUrl, PEOPLE.almatyOfficer);
    });

    const decree = {
      id: 'decree-TEST-2026-dec',
      kind: 'decree',
      sourceRef: 'TEST-2026',
      dayOff: '2026-12-14',
      workingDay: '2026-12-19',
      names: { kk: 'Демалыс күні ауыстырылды', ru: 'Перенос выходного дня', en: 'Day off moved' },
    };

    it('refuses anyone but an administrator', async () => {
      expect(
        (await post(api.baseUrl, '/api/v1/admin/calendar/entries', undefined, { entry: decree, reason: 'x' }))
          .status,
      ).toBe(401);
      const forbidden = await post(api.baseUrl, '/api/v1/admin/calendar/entries', officer, {
        entry: decree,
        reason: 'x',
      });
      expect(forbidden.status).toBe(403);
    });

    it('adds a decree that moves deadlines computed afterwards, audited with who and why', async () => {
      const before = await get(
        api.baseUrl,
        '/api/v1/deadlines?form=rally&date=2026-12-18&jurisdiction=750000000',
      );
      // Fri 18 Dec 2026: back over 17, 15, 14, 11, 10 (16 December is Independence Day).
      expect(before.body.fileBy).toBe('2026-12-10');
      const invalid = await post(api.baseUrl, '/api/v1/admin/calendar/entries', admin, {
        entry: { ...decree, dayOff: '2026-13-01' },
        reason: 'typo',
      });
      expect(invalid.status).toBe(400);
      const created = await post(api.baseUrl, '/api/v1/admin/calendar/entries', admin, {
        entry: decree,
        reason: 'Government decree of test',
      });
      expect(created.status).toBe(201);
      const calendar = await get(api.baseUrl, '/api/v1/calendar/2026');
      expect(calendar.body.nonWorkingDays.map((d: any) => d.date)).toContain('2026-12-14');
      expect(calendar.body.workingWeekendDays.map((d: any) => d.date)).toContain('2026-12-19');
      const after = await get(
        api.baseUrl,
        '/api/v1/deadlines?form=rally&date=2026-12-18&jurisdiction=750000000',
      );
      expect(after.body.fileBy).toBe('2026-12-09');
      const [audit] = await db.query(
        `SELECT actor, action, reason FROM audit_log WHERE entity_type = 'calendar_entry' AND entity_id = $1`,
        [decree.id],
      );
      expect(audit).toEqual({
        actor: PEOPLE.admin.iin,
        action: 'calendar.entry_added',
        reason: 'Government decree of test',
      });
      const duplicate = await post(api.baseUrl, '/api/v1/admin/calendar/entries', admin, {
        entry: decree,
        reason: 'again',
      });
      expect(duplicate.status).toBe(409);

      const retired = await fetch(`${api.baseUrl}/api/v1/admin/calendar/entries/${decree.id}`, {
        method: 'DELETE',
        headers: admin.headers,
        body: JSON.stringify({ reason: 'decree withdrawn' }),
      });
      expect(retired.status).toBe(200);
      const restored = await get(
        api.baseUrl,
        '/api/v1/deadlines?form=rally&date=2026-12-18&jurisdiction=750000000',
      );
      expect(restored.body.fileBy).toBe('2026-12-10');
      const chain = await verifyAuditChain(db.manager, 'national');
      expect(chain.valid).toBe(true);
      expect(chain.rows).toBeGreaterThanOrEqual(2);
    });
  });
});
