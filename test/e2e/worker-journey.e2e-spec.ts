import type { INestApplicationContext } from '@nestjs/common';
import Redis from 'ioredis';
import { createLogger } from '@jiyn/platform';
import { makeValidIin } from '@jiyn/domain';
import { createWorkerApp } from '../../apps/worker/src/bootstrap';
import { startSmtpSink, SmtpSink } from '../../apps/worker/src/dev/smtp-sink';
import { loadWorkerSettings } from '../../apps/worker/src/worker-settings';
import { get, PEOPLE, post, Session, signBody, signIn } from '../support/auth';
import { filingBody, GANDHI_PARK, hourSlot } from '../support/filings';
import { RunningApi, startApi, testConfig } from '../support/test-app';
import { createPrivateDatabase, PrivateDatabase, sleep, waitFor } from '../chaos/harness';

jest.setTimeout(90_000);

// The api registers on Tuesday 1 December 2026, 10:00 in Almaty: the answer deadline of a rally
// on 15 December is 5 December 00:00 (+05:00). The worker's clock then starts 5 s before it.
const API_CLOCK = '2026-12-01T05:00:00.000Z';
const DEADLINE = new Date('2026-12-05T00:00:00+05:00');
const LEAD_MS = 5000;

describe('silence means approval: from the api through the worker to the certificate', () => {
  const prefix = `${process.env.REDIS_PREFIX}:journey`;
  let db: PrivateDatabase;
  let sink: SmtpSink;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let organizer: Session;
  let officer: Session;
  let stranger: Session;
  let silent: any;
  let answered: any;
  let deadlineRealMs = 0;

  beforeAll(async () => {
    db = await createPrivateDatabase('worker_journey');
    sink = await startSmtpSink();
    api = await startApi({
      DATABASE_URL: db.url,
      REDIS_PREFIX: prefix,
      CLOCK_START: API_CLOCK,
      PUBLIC_BASE_URL: 'https://jiyn.example.kz',
    });
    organizer = await signIn(api.baseUrl, PEOPLE.organizer);
    officer = await signIn(api.baseUrl, PEOPLE.almatyOfficer);
    stranger = await signIn(api.baseUrl, {
      iin: makeValidIin('1991-05-05', 'male', 12),
      fullName: 'STRANGER',
    });
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink?.close();
    await db?.drop();
    const redis = new Redis(process.env.REDIS_URL!);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  const file = (body: Record<string, unknown>) =>
    post(api.baseUrl, '/api/v1/filings', organizer, signBody(body, PEOPLE.organizer));

  it('registers two notifications; the akimat answers one of them', async () => {
    const a = await file(filingBody({ ...hourSlot('2026-12-15', 11, 2), venueId: GANDHI_PARK }));
    const b = await file(
      filingBody({ ...hourSlot('2026-12-15', 14, 2), venueId: GANDHI_PARK, purpose: 'Second' }),
    );
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.deadlines.deemedApprovedAt).toBe('2026-12-05T00:00:00+05:00');
    silent = a.body;
    answered = b.body;
    const decision = await post(
      api.baseUrl,
      `/api/v1/filings/${answered.id}/decision`,
      officer,
      signBody({ outcome: 'approved', deliveredVia: 'e_document', grounds: [] }, PEOPLE.almatyOfficer),
    );
    expect(decision.status).toBe(200);

    const anchor = Date.now() + 1000;
    deadlineRealMs = anchor + LEAD_MS;
    worker = await createWorkerApp(
      testConfig({
        DATABASE_URL: db.url,
        REDIS_PREFIX: prefix,
        CLOCK_START: new Date(DEADLINE.getTime() - LEAD_MS).toISOString(),
        CLOCK_ANCHOR: new Date(anchor).toISOString(),
        SMTP_URL: sink.url,
        PUBLIC_BASE_URL: 'https://jiyn.example.kz',
      }),
      createLogger('worker-test', 'fatal'),
      loadWorkerSettings({}),
    );
  });

  it('has no certificate before the deadline', async () => {
    const pdf = await fetch(`${api.baseUrl}/api/v1/filings/${silent.id}/certificate.pdf`, {
      headers: { authorization: `Bearer ${organizer.token}` },
    });
    expect(pdf.status).toBe(404);
    const verify = await get(api.baseUrl, `/api/v1/certificates/${silent.id}/verify`);
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({
      valid: false,
      status: 'submitted',
      deemedApprovedAt: null,
      auditSeq: null,
    });
  });

  it('deems the unanswered notification approved within 2 s of the deadline, never before', async () => {
    let seenAt = 0;
    while (Date.now() < deadlineRealMs + 3000) {
      const { rows } = await db.pool.query(`SELECT status FROM filing WHERE id = $1`, [silent.id]);
      if (rows[0].status !== 'submitted') {
        seenAt = Date.now();
        break;
      }
      await sleep(20);
    }
    expect(seenAt).toBeGreaterThanOrEqual(deadlineRealMs);
    expect(seenAt - deadlineRealMs).toBeLessThan(2000);
    const view = await get(api.baseUrl, `/api/v1/filings/${silent.id}`, organizer);
    expect(view.body).toMatchObject({
      status: 'deemed_approved',
      deemedApprovedAt: '2026-12-05T00:00:00+05:00',
    });
    const other = await get(api.baseUrl, `/api/v1/filings/${answered.id}`, organizer);
    expect(other.body.status).toBe('approved');
  });

  it('tells the organizer about each change by e-mail', async () => {
    const messages = await sink.waitFor((m) => m.length >= 4, 15_000);
    await sleep(300);
    expect(messages.every((m) => m.to.join() === 'timur@example.kz')).toBe(true);
    const subjects = messages.map((m) => m.subject).sort();
    expect(subjects).toEqual(
      [
        `Jiyn: ${silent.number} хабарламаңыз тіркелді`,
        `Jiyn: ${answered.number} хабарламаңыз тіркелді`,
        `Jiyn: әкімдік ${answered.number} хабарламаңызға жауап берді`,
        `Jiyn: ${silent.number} келісілген болып есептеледі`,
      ].sort(),
    );
    const deemed = messages.find((m) => m.subject.includes('келісілген болып'))!;
    expect(deemed.text).toContain(`https://jiyn.example.kz/api/v1/filings/${silent.id}/certificate.pdf`);
    expect(deemed.text).toContain('05.12.2026 00:00');
    const { rows } = await db.pool.query(
      `SELECT channel, count(*)::int AS n FROM message WHERE filing_id = ANY($1::uuid[]) GROUP BY channel`,
      [[silent.id, answered.id]],
    );
    expect(Object.fromEntries(rows.map((r) => [r.channel, r.n]))).toEqual({ email: 4, sms: 4 });
  });

  it('gives the organizer a PDF certificate, and nobody else', async () => {
    const url = `${api.baseUrl}/api/v1/filings/${silent.id}/certificate.pdf`;
    const pdf = await fetch(url, { headers: { authorization: `Bearer ${organizer.token}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain(`jiyn-${silent.number}.pdf`);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(5000);
    expect(bytes.toString('latin1')).toContain('/Subtype /Image'); // the QR code

    for (const session of [officer, stranger]) {
      const other = await fetch(url, { headers: { authorization: `Bearer ${session.token}` } });
      expect(other.status).toBe(404);
      expect(other.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await fetch(url)).status).toBe(401);
    const notDeemed = await fetch(`${api.baseUrl}/api/v1/filings/${answered.id}/certificate.pdf`, {
      headers: { authorization: `Bearer ${organizer.token}` },
    });
    expect(notDeemed.status).toBe(404);
  });

  it('lets anyone verify the certificate against the audit chain', async () => {
    const verify = await get(api.baseUrl, `/api/v1/certificates/${silent.id}/verify`);
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({
      valid: true,
      number: silent.number,
      status: 'deemed_approved',
      deemedApprovedAt: '2026-12-05T00:00:00+05:00',
      auditChain: '750000000',
      auditSeq: expect.stringMatching(/^\d+$/),
      auditHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      chainValid: true,
    });
    const page = await fetch(`${api.baseUrl}/api/v1/certificates/${silent.id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain(silent.number);
    expect(html).toContain('data-valid="true"');
    expect(html).toContain(verify.body.auditHash);
    expect(
      (await get(api.baseUrl, `/api/v1/certificates/00000000-0000-4000-8000-000000000000/verify`)).status,
    ).toBe(404);
    expect((await get(api.baseUrl, `/api/v1/certificates/not-a-uuid/verify`)).status).toBe(404);
  });

  it('no longer confirms a certificate whose audit record was altered', async () => {
    await db.pool.query(
      `UPDATE audit_log SET after = jsonb_set(after, '{deemedApprovedAt}', '"2026-12-01T00:00:00.000Z"')
       WHERE entity_id = $1 AND action = 'filing.deemed_approved'`,
      [silent.id],
    );
    const verify = await get(api.baseUrl, `/api/v1/certificates/${silent.id}/verify`);
    expect(verify.body.valid).toBe(false);
    const html = await (await fetch(`${api.baseUrl}/api/v1/certificates/${silent.id}`)).text();
    expect(html).toContain('data-valid="false"');
  });

  it("reports the worker's health through the api", async () => {
    const health = await waitFor(
      async () => {
        const h = await get(api.baseUrl, '/api/v1/health');
        return h.body?.worker?.queueDepth ? h : undefined;
      },
      15_000,
      200,
      'the worker heartbeat',
    );
    expect(health.status).toBe(200);
    expect(health.body.worker).toMatchObject({
      status: 'ok',
      queueDepth: expect.objectContaining({ deadlines: expect.any(Number), messages: expect.any(Number) }),
      oldestOverdueSeconds: null,
      overduePending: 0,
      outbox: { unsent: 0, oldestSeconds: null },
    });
    // The worker also signs the heads of the audit chains (a repeatable job, first run at start).
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS n FROM audit_head_export WHERE chain = '750000000'`,
    );
    expect(rows[0].n).toBeGreaterThan(0);
  });
});
