import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { createDataSource } from '@jiyn/persistence';
import { PEOPLE, Session, signBody, signIn } from '../support/auth';
import { filingBody, hourSlot } from '../support/filings';
import { RunningApi, startApi } from '../support/test-app';

/**
 * Property: no body, however malformed, makes any POST path answer a 5xx, and every refusal is
 * application/problem+json. Bodies are random JSON and mutations of valid ones.
 */
describe('random malformed bodies never produce a 5xx', () => {
  let api: RunningApi;
  let db: DataSource;
  const sessions: Record<string, Session> = {};
  let filingId: string;

  beforeAll(async () => {
    api = await startApi({ CLOCK_START: '2026-12-01T05:00:00.000Z' });
    db = createDataSource({ databaseUrl: process.env.DATABASE_URL! });
    await db.initialize();
    sessions.organizer = await signIn(api.baseUrl, PEOPLE.organizer);
    sessions.officer = await signIn(api.baseUrl, PEOPLE.almatyOfficer);
    sessions.maslikhat = await signIn(api.baseUrl, PEOPLE.almatyMaslikhat);
    sessions.admin = await signIn(api.baseUrl, PEOPLE.admin);
    const created = await fetch(`${api.baseUrl}/api/v1/filings`, {
      method: 'POST',
      headers: sessions.organizer.headers,
      body: JSON.stringify(
        signBody(filingBody({ ...hourSlot('2026-12-29', 10), purpose: 'fuzz target' }), PEOPLE.organizer),
      ),
    });
    filingId = (await created.json()).id;
  });
  afterAll(async () => {
    await api.close();
    await db.destroy();
  });

  const paths: [string, () => string, keyof typeof sessions, () => Record<string, unknown>][] = [
    [
      'filings',
      () => '/api/v1/filings',
      'organizer',
      () => signBody(filingBody(hourSlot('2026-12-30', 10)), PEOPLE.organizer),
    ],
    [
      'decision',
      () => `/api/v1/filings/${filingId}/decision`,
      'officer',
      () => signBody({ outcome: 'approved', deliveredVia: 'e_document' }, PEOPLE.almatyOfficer),
    ],
    ['withdraw', () => `/api/v1/filings/${filingId}/withdraw`, 'organizer', () => ({ reason: 'x' })],
    ['accept', () => `/api/v1/filings/${filingId}/proposal/accept`, 'organizer', () => ({})],
    ['decline', () => `/api/v1/filings/${filingId}/proposal/decline`, 'organizer', () => ({ reason: 'x' })],
    [
      'session',
      () => '/api/v1/auth/session',
      'organizer',
      () => ({
        signature: { format: 'stub', iin: PEOPLE.organizer.iin, fullName: 'X', digest: 'a'.repeat(64) },
      }),
    ],
    [
      'staff',
      () => '/api/v1/admin/staff',
      'admin',
      () => ({ iin: '870302400008', fullName: 'X', role: 'akimat_officer', jurisdiction: '750000000' }),
    ],
    [
      'calendar',
      () => '/api/v1/admin/calendar/entries',
      'admin',
      () => ({
        entry: {
          id: 'x',
          kind: 'decree',
          sourceRef: 'X',
          dayOff: '2027-01-04',
          names: { kk: 'a', ru: 'b', en: 'c' },
        },
        reason: 'fuzz',
      }),
    ],
    [
      'policies',
      () => '/api/v1/admin/policies',
      'admin',
      () => ({ policy: { id: 'X', effectiveFrom: '2030-01-01' }, reason: 'fuzz' }),
    ],
    [
      'venues',
      () => '/api/v1/venues',
      'maslikhat',
      () => ({
        name: 'Fuzz square',
        jurisdiction: '750000000',
        geometry: { type: 'Point', coordinates: [76.9, 43.2] },
        maxOccupancy: 10,
        decisionRef: 'x',
        activeFrom: '2026-01-01',
      }),
    ],
    [
      'zones',
      () => '/api/v1/restricted-zones',
      'maslikhat',
      () => ({
        jurisdiction: '750000000',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [76.9, 43.2],
              [76.91, 43.2],
              [76.91, 43.21],
              [76.9, 43.2],
            ],
          ],
        },
        reason: 'x',
        decisionRef: 'x',
      }),
    ],
  ];

  // Random JSON, and valid bodies with one member replaced by random JSON or removed.
  const mutated = (valid: () => Record<string, unknown>) =>
    fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 3 }), fc.boolean()).map(([i, value, remove]) => {
        const body: Record<string, unknown> = { ...valid() };
        const keys = Object.keys(body);
        const key = keys[i % keys.length];
        if (remove) delete body[key];
        else body[key] = value;
        return body;
      }),
      fc.string({ maxLength: 200 }).map((raw) => ({ __raw: raw })),
    );

  it.each(paths)('POST %s', async (_name, path, role, valid) => {
    await fc.assert(
      fc.asyncProperty(mutated(valid), async (body) => {
        const raw =
          body && typeof body === 'object' && '__raw' in (body as object)
            ? String((body as any).__raw)
            : JSON.stringify(body);
        const response = await fetch(`${api.baseUrl}${path()}`, {
          method: 'POST',
          headers: sessions[role].headers,
          body: raw,
        });
        const text = await response.text();
        if (response.status >= 500)
          throw new Error(`${response.status} for ${raw.slice(0, 300)}: ${text.slice(0, 300)}`);
        if (response.status >= 400)
          expect(response.headers.get('content-type')).toContain('application/problem+json');
      }),
      { numRuns: 60 },
    );
  });
});
