import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  createCmsEnvelope,
  createDevCa,
  createStubEnvelope,
  DevKeyPair,
  issuePersonalCertificate,
  signedBytesOf,
} from '@jiyn/esign';
import { createDataSource } from '@jiyn/persistence';
import { get, PEOPLE, post, Session, signIn } from '../support/auth';
import { filingBody, hourSlot } from '../support/filings';
import { json, RunningApi, startApi } from '../support/test-app';

const DAY = 86_400_000;

describe('identity by e-signature', () => {
  let api: RunningApi;
  let db: DataSource;
  let ca: DevKeyPair;
  let foreignCa: DevKeyPair;
  const person = { iin: '880808300004', surname: 'ERMEKOV', givenName: 'TIMUR' };

  const challenge = async (): Promise<string> =>
    (await json(await fetch(`${api.baseUrl}/api/v1/auth/challenge`, { method: 'POST' }))).challenge;
  const login = (body: unknown) => post(api.baseUrl, '/api/v1/auth/session', undefined, body);

  beforeAll(async () => {
    ca = createDevCa({ commonName: 'Jiyn test national CA' });
    foreignCa = createDevCa({ commonName: 'Some other CA' });
    const dir = mkdtempSync(join(tmpdir(), 'jiyn-ca-'));
    writeFileSync(join(dir, 'trusted.pem'), ca.certPem);
    api = await startApi({ ESIGN_PROVIDERS: 'stub,cms', ESIGN_TRUSTED_CA: join(dir, 'trusted.pem') });
    db = createDataSource({ databaseUrl: process.env.DATABASE_URL! });
    await db.initialize();
  });
  afterAll(async () => {
    await api.close();
    await db.destroy();
  });

  describe('signing in with a CMS signature from the national CA', () => {
    it('accepts an authentication certificate and reads the IIN and name from it', async () => {
      const cert = issuePersonalCertificate(ca, { ...person, purpose: 'auth' });
      const text = await challenge();
      const { status, body } = await login({ signature: createCmsEnvelope(Buffer.from(text), cert) });
      expect(status).toBe(200);
      expect(body.user).toMatchObject({ iin: person.iin, roles: ['organizer'] });
      expect(body.user.fullName).toContain('ERMEKOV');
      const me = await get(api.baseUrl, '/api/v1/auth/me', { token: body.token } as Session);
      expect(me.body.iin).toBe(person.iin);
    });

    it('accepts a detached signature when the challenge is sent along', async () => {
      const cert = issuePersonalCertificate(ca, { ...person, purpose: 'auth' });
      const text = await challenge();
      const { status } = await login({
        challenge: text,
        signature: createCmsEnvelope(Buffer.from(text), cert, { detached: true }),
      });
      expect(status).toBe(200);
    });

    it.each([
      [
        'digest_mismatch',
        'signed other bytes',
        (c: DevKeyPair) => ({ sign: Buffer.from('not the challenge'), cert: c, detached: true }),
      ],
      [
        'certificate_expired',
        'an expired certificate',
        () => ({
          cert: issuePersonalCertificate(ca, {
            ...person,
            purpose: 'auth',
            notBefore: new Date(Date.now() - 800 * DAY),
            notAfter: new Date(Date.now() - 400 * DAY),
          }),
        }),
      ],
      [
        'certificate_untrusted',
        'a certificate of a foreign CA',
        () => ({ cert: issuePersonalCertificate(foreignCa, { ...person, purpose: 'auth' }) }),
      ],
      [
        'certificate_untrusted',
        'a self-signed certificate',
        () => ({ cert: issuePersonalCertificate('self-signed', { ...person, purpose: 'auth' }) }),
      ],
      [
        'certificate_key_usage',
        'a certificate not made for authentication',
        () => ({ cert: issuePersonalCertificate(ca, { ...person, purpose: 'sign' }) }),
      ],
      [
        'certificate_no_iin',
        'a certificate without an IIN',
        () => ({
          cert: issuePersonalCertificate(ca, { surname: 'NOBODY', givenName: 'X', purpose: 'auth' }),
        }),
      ],
    ])('refuses with %s: %s', async (code, _what, make) => {
      const valid = issuePersonalCertificate(ca, { ...person, purpose: 'auth' });
      const { cert, sign, detached } = make(valid) as { cert: DevKeyPair; sign?: Buffer; detached?: boolean };
      const text = await challenge();
      const { status, body } = await login({
        challenge: text,
        signature: createCmsEnvelope(sign ?? Buffer.from(text), cert, { detached }),
      });
      expect(status).toBe(401);
      expect(body.code).toBe(code);
    });

    it('refuses garbage as signature_malformed', async () => {
      const text = await challenge();
      const { status, body } = await login({
        challenge: text,
        signature: { format: 'cms', cms: 'bm90IGEgQ01T' },
      });
      expect(status).toBe(401);
      expect(body.code).toBe('signature_malformed');
    });

    it('binds a filing to its signer: a CMS by another person is signature_mismatch', async () => {
      const auth = issuePersonalCertificate(ca, { ...person, purpose: 'auth' });
      const { body: session } = await login({
        signature: createCmsEnvelope(Buffer.from(await challenge()), auth),
      });
      const someoneElse = issuePersonalCertificate(ca, {
        iin: '900515300107',
        surname: 'BEKOV',
        givenName: 'NURLAN',
        purpose: 'sign',
      });
      const unsigned = filingBody(hourSlot('2026-12-28', 10));
      const signed = { ...unsigned, signature: createCmsEnvelope(signedBytesOf(unsigned), someoneElse) };
      const res = await post(
        api.baseUrl,
        '/api/v1/filings',
        { headers: { authorization: `Bearer ${session.token}` } } as unknown as Session,
        signed,
      );
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('signature_mismatch');
    });
  });

  it('uses a challenge once: a replay is refused', async () => {
    const text = await challenge();
    const envelope = createStubEnvelope(Buffer.from(text), PEOPLE.organizer);
    expect((await login({ signature: envelope })).status).toBe(200);
    const replay = await login({ signature: envelope });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('challenge_unknown');
  });

  it('refuses an expired challenge', async () => {
    const text = await challenge();
    await db.query(
      `UPDATE auth_challenge SET expires_at = now() - interval '1 second' WHERE challenge = $1`,
      [text],
    );
    const res = await login({ signature: createStubEnvelope(Buffer.from(text), PEOPLE.organizer) });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('challenge_expired');
  });

  it('refuses a stub signature with an invalid IIN', async () => {
    const text = await challenge();
    const res = await login({
      signature: createStubEnvelope(Buffer.from(text), { iin: '880808300005', fullName: 'X' }),
    });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('iin_invalid');
  });

  it('revokes a session at logout; an idle session expires', async () => {
    const session = await signIn(api.baseUrl, PEOPLE.organizer);
    expect((await get(api.baseUrl, '/api/v1/auth/me', session)).status).toBe(200);
    expect((await post(api.baseUrl, '/api/v1/auth/logout', session, {})).status).toBe(204);
    const after = await get(api.baseUrl, '/api/v1/auth/me', session);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('session_invalid');
    const idle = await signIn(api.baseUrl, PEOPLE.organizer);
    await db.query(
      `UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE iin = $1 AND revoked_at IS NULL`,
      [PEOPLE.organizer.iin],
    );
    expect((await get(api.baseUrl, '/api/v1/auth/me', idle)).status).toBe(401);
  });

  it('limits sign-in attempts per client, across api processes (through Redis)', async () => {
    const limits = {
      ESIGN_PROVIDERS: 'stub',
      AUTH_ATTEMPTS_PER_MINUTE: '5',
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}:limits`,
    };
    const first = await startApi(limits);
    const second = await startApi(limits);
    try {
      const attempts = [];
      for (let i = 0; i < 12; i++) {
        const target = i % 2 === 0 ? first.baseUrl : second.baseUrl;
        attempts.push(
          (
            await post(
              target,
              '/api/v1/auth/session',
              undefined,
              { signature: { format: 'stub', iin: '1', fullName: 'x', digest: '0'.repeat(64) } },
              // a forged forwarding header does not make a new client
              { 'x-forwarded-for': `203.0.113.${i}` },
            )
          ).status,
        );
      }
      expect(attempts).toContain(429);
      // five attempts pass in all, whichever process took them; the rest are refused
      expect(attempts.filter((s) => s !== 429)).toHaveLength(5);
      expect(attempts.slice(5).every((s) => s === 429)).toBe(true);
    } finally {
      await first.close();
      await second.close();
    }
  });

  describe('the staff register', () => {
    let admin: Session;
    beforeAll(async () => {
      admin = await signIn(api.baseUrl, PEOPLE.admin);
    });

    it('adds an officer, who then has the role; removing revokes their sessions; both audited', async () => {
      const newcomer = { iin: '920701400009', fullName: 'ZHAKSYBEKOVA DANA' };
      const added = await post(api.baseUrl, '/api/v1/admin/staff', admin, {
        ...newcomer,
        role: 'akimat_officer',
        jurisdiction: '790000000',
        reason: 'Transferred to Shymkent',
      });
      expect(added.status).toBe(201);
      const session = await signIn(api.baseUrl, newcomer);
      expect(session.user.roles).toContain('akimat_officer');
      expect(session.user.jurisdictions).toEqual(expect.arrayContaining(['790000000', '710000000']));
      const twice = await post(api.baseUrl, '/api/v1/admin/staff', admin, {
        ...newcomer,
        role: 'akimat_officer',
        jurisdiction: '790000000',
      });
      expect(twice.status).toBe(409);
      const removed = await fetch(`${api.baseUrl}/api/v1/admin/staff/${added.body.id}`, {
        method: 'DELETE',
        headers: admin.headers,
        body: JSON.stringify({ reason: 'Left the akimat' }),
      });
      expect(removed.status).toBe(204);
      expect((await get(api.baseUrl, '/api/v1/auth/me', session)).status).toBe(401);
      const audit = await db.query(`SELECT action, reason FROM audit_log WHERE entity_id = $1 ORDER BY seq`, [
        added.body.id,
      ]);
      expect(audit).toEqual([
        { action: 'staff.added', reason: 'Transferred to Shymkent' },
        { action: 'staff.removed', reason: 'Left the akimat' },
      ]);
    });

    it('makes BOOTSTRAP_ADMIN_IIN an administrator at start-up, once, audited', async () => {
      const first = { iin: '781112300002', fullName: 'ORMANOV ASKAR' };
      const bootstrapped = await startApi({ BOOTSTRAP_ADMIN_IIN: first.iin });
      const again = await startApi({ BOOTSTRAP_ADMIN_IIN: first.iin });
      try {
        const session = await signIn(bootstrapped.baseUrl, first);
        expect(session.user.roles).toEqual(expect.arrayContaining(['organizer', 'admin', 'akimat_officer']));
        const rows = await db.query(
          `SELECT count(*)::int AS n FROM staff_member WHERE iin = $1 AND role = 'admin' AND removed_at IS NULL`,
          [first.iin],
        );
        expect(rows[0].n).toBe(1);
        const audit = await db.query(
          `SELECT count(*)::int AS n FROM audit_log WHERE actor = 'system:bootstrap' AND action = 'staff.added' AND after->>'iin' = $1`,
          [first.iin],
        );
        expect(audit[0].n).toBe(1);
      } finally {
        await bootstrapped.close();
        await again.close();
      }
    });

    it('refuses a staff role without a jurisdiction, or in an unknown one', async () => {
      const noPlace = await post(api.baseUrl, '/api/v1/admin/staff', admin, {
        iin: '870302400008',
        fullName: 'X',
        role: 'maslikhat_staff',
      });
      expect(noPlace.status).toBe(400);
      const unknown = await post(api.baseUrl, '/api/v1/admin/staff', admin, {
        iin: '870302400008',
        fullName: 'X',
        role: 'maslikhat_staff',
        jurisdiction: '123456789',
      });
      expect(unknown.status).toBe(400);
    });
  });

  describe('every protected path refuses every role that may not use it', () => {
    type Role = 'anonymous' | 'organizer' | 'akimat_officer' | 'maslikhat_staff' | 'admin';
    const sessions: Partial<Record<Role, Session>> = {};
    let filingId: string;
    beforeAll(async () => {
      sessions.organizer = await signIn(api.baseUrl, { iin: '010106500000', fullName: 'PLAIN CITIZEN' });
      sessions.akimat_officer = await signIn(api.baseUrl, PEOPLE.almatyOfficer);
      sessions.maslikhat_staff = await signIn(api.baseUrl, PEOPLE.almatyMaslikhat);
      sessions.admin = await signIn(api.baseUrl, PEOPLE.admin);
      const [row] = await db.query(`SELECT id FROM filing LIMIT 1`);
      filingId = row?.id ?? '00000000-0000-4000-8000-000000000000';
    });

    const routes: { method: string; path: () => string; allowed: Role[] }[] = [
      { method: 'GET', path: () => '/api/v1/admin/staff', allowed: ['admin'] },
      { method: 'POST', path: () => '/api/v1/admin/staff', allowed: ['admin'] },
      {
        method: 'DELETE',
        path: () => '/api/v1/admin/staff/00000000-0000-4000-8000-000000000000',
        allowed: ['admin'],
      },
      { method: 'GET', path: () => '/api/v1/admin/calendar/entries', allowed: ['admin'] },
      { method: 'POST', path: () => '/api/v1/admin/calendar/entries', allowed: ['admin'] },
      { method: 'PUT', path: () => '/api/v1/admin/calendar/entries/x', allowed: ['admin'] },
      { method: 'DELETE', path: () => '/api/v1/admin/calendar/entries/x', allowed: ['admin'] },
      { method: 'POST', path: () => '/api/v1/admin/policies', allowed: ['admin'] },
      { method: 'GET', path: () => '/api/v1/filings/queue-stats', allowed: ['akimat_officer', 'admin'] },
      { method: 'POST', path: () => `/api/v1/filings/${filingId}/decision`, allowed: ['akimat_officer'] },
      {
        method: 'GET',
        path: () => '/api/v1/filings',
        allowed: ['organizer', 'akimat_officer', 'maslikhat_staff', 'admin'],
      },
      {
        method: 'POST',
        path: () => '/api/v1/filings',
        allowed: ['organizer', 'akimat_officer', 'maslikhat_staff', 'admin'],
      },
      { method: 'GET', path: () => `/api/v1/filings/${filingId}`, allowed: ['akimat_officer', 'admin'] },
      { method: 'POST', path: () => `/api/v1/filings/${filingId}/withdraw`, allowed: [] },
      { method: 'POST', path: () => `/api/v1/filings/${filingId}/proposal/accept`, allowed: [] },
      { method: 'POST', path: () => `/api/v1/filings/${filingId}/proposal/decline`, allowed: [] },
      {
        method: 'POST',
        path: () => '/api/v1/auth/logout',
        allowed: ['organizer', 'akimat_officer', 'maslikhat_staff', 'admin'],
      },
      { method: 'POST', path: () => '/api/v1/venues', allowed: ['maslikhat_staff'] },
      // an Astana venue: no role of these sessions covers it
      { method: 'PATCH', path: () => '/api/v1/venues/0b8e4f4a-5d0e-4c41-9d1e-7a1f00000005', allowed: [] },
      { method: 'POST', path: () => '/api/v1/restricted-zones', allowed: ['maslikhat_staff'] },
      { method: 'POST', path: () => '/api/v1/admin/import', allowed: ['admin'] },
      { method: 'POST', path: () => '/api/v1/admin/audit/export', allowed: ['admin'] },
      { method: 'GET', path: () => `/api/v1/filings/${filingId}/certificate.pdf`, allowed: [] },
    ];
    const roles: Role[] = ['anonymous', 'organizer', 'akimat_officer', 'maslikhat_staff', 'admin'];
    const cases = routes.flatMap((r) =>
      roles.filter((role) => !r.allowed.includes(role)).map((role) => [r.method, r, role] as const),
    );

    it.each(cases)('%s %p refuses %s', async (method, route, role) => {
      const session = sessions[role as Role];
      const response = await fetch(`${api.baseUrl}${route.path()}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(session ? { authorization: `Bearer ${session.token}` } : {}),
        },
        body: method === 'GET' ? undefined : JSON.stringify({}),
      });
      const expected = role === 'anonymous' ? [401] : [403, 404];
      expect(expected).toContain(response.status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    });
  });
});
