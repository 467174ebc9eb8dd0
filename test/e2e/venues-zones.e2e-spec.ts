import { DataSource } from 'typeorm';
import { addDays, localDateOf, makeValidIin } from '@jiyn/domain';
import { createDataSource } from '@jiyn/persistence';
import { get, PEOPLE, post, Session, signBody, signIn } from '../support/auth';
import { filingBody } from '../support/filings';
import { RunningApi, startApi } from '../support/test-app';

const SEEDED_ZONE = '0b8e4f4a-5d0e-4c41-9d1e-7a1f00000101';

/** A small square on Almaty's western edge (Nauryzbay), away from every other suite's pickets. */
const square = (lng: number, lat: number, d = 0.002) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lng, lat],
      [lng + d, lat],
      [lng + d, lat + d],
      [lng, lat + d],
      [lng, lat],
    ],
  ],
});

describe('no-picketing zones', () => {
  let api: RunningApi;
  let db: DataSource;
  let maslikhat: Session;
  let officer: Session;
  let organizer: Session;
  const person = { iin: makeValidIin('1985-07-01', 'male', 2468), fullName: 'ZONOV PICKETER' };
  const today = localDateOf(new Date(), 'Asia/Almaty');

  const zone = (overrides: Record<string, unknown> = {}) => ({
    jurisdiction: '751810000',
    geometry: square(76.781, 43.171),
    reason: 'Gas distribution station, 400 m (Art. 9(5)), test',
    decisionRef: 'Almaty city maslikhat decision No. 77 of 01.11.2026',
    ...overrides,
  });
  const create = (body: unknown, session: Session | null = maslikhat) =>
    post(api.baseUrl, '/api/v1/restricted-zones', session ?? undefined, body);

  beforeAll(async () => {
    api = await startApi();
    db = createDataSource({ databaseUrl: process.env.DATABASE_URL! });
    await db.initialize();
    [maslikhat, officer, organizer] = await Promise.all([
      signIn(api.baseUrl, PEOPLE.almatyMaslikhat),
      signIn(api.baseUrl, PEOPLE.almatyOfficer),
      signIn(api.baseUrl, person),
    ]);
  });
  afterAll(async () => {
    await api.close();
    await db.destroy();
  });

  it('lists the zones in force publicly as GeoJSON MultiPolygons', async () => {
    const { status, body, headers } = await get(
      api.baseUrl,
      '/api/v1/restricted-zones?jurisdiction=750000000',
    );
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('application/geo+json');
    expect(body.type).toBe('FeatureCollection');
    const seeded = body.features.find((f: any) => f.id === SEEDED_ZONE);
    expect(seeded).toMatchObject({
      type: 'Feature',
      geometry: { type: 'MultiPolygon' },
      properties: {
        id: SEEDED_ZONE,
        jurisdiction: '750000000',
        reason: expect.stringContaining('Almaty-2'),
        decisionRef: expect.any(String),
        activeFrom: '2024-01-01',
        activeTo: null,
      },
    });
    const astana = await get(api.baseUrl, '/api/v1/restricted-zones?jurisdiction=710000000');
    expect(astana.body.features.find((f: any) => f.id === SEEDED_ZONE)).toBeUndefined();
    expect((await get(api.baseUrl, '/api/v1/restricted-zones?jurisdiction=12')).status).toBe(400);
    expect((await get(api.baseUrl, '/api/v1/restricted-zones?jurisdiction=999999999')).status).toBe(400);
  });

  it('draws a zone for maslikhat staff, stored as a MultiPolygon, audited, and enforced on pickets', async () => {
    const { status, body } = await create(zone());
    expect(status).toBe(201);
    expect(body).toMatchObject({
      type: 'Feature',
      geometry: { type: 'MultiPolygon' },
      properties: { jurisdiction: '751810000', activeFrom: today, activeTo: null },
    });
    expect(body.geometry.coordinates[0][0]).toHaveLength(5);
    const [row] = await db.query(
      `SELECT GeometryType(geometry) AS type, ST_SRID(geometry) AS srid FROM restricted_zone WHERE id = $1`,
      [body.id],
    );
    expect(row).toEqual({ type: 'MULTIPOLYGON', srid: 4326 });
    const audit = await db.query(
      `SELECT chain, actor, action FROM audit_log WHERE entity_type = 'restricted_zone' AND entity_id = $1`,
      [body.id],
    );
    expect(audit).toEqual([
      { chain: '751810000', actor: PEOPLE.almatyMaslikhat.iin, action: 'restricted_zone.created' },
    ]);
    const listed = await get(api.baseUrl, '/api/v1/restricted-zones?jurisdiction=750000000');
    expect(listed.body.features.map((f: any) => f.id)).toContain(body.id);

    // A picket inside the new zone is refused (Art. 9(5)).
    const day = addDays(today, 20);
    const picket = await post(
      api.baseUrl,
      '/api/v1/filings',
      organizer,
      signBody(
        filingBody({
          form: 'picket',
          jurisdiction: '751810000',
          venueId: undefined,
          location: { type: 'Point', coordinates: [76.782, 43.172] },
          object: 'Gas distribution station gate',
          expectedParticipants: 1,
          regulations: undefined,
          startsAt: `${day}T10:00:00+05:00`,
          endsAt: `${day}T11:00:00+05:00`,
          organizer: { ...filingBody().organizer, iin: person.iin, fullName: person.fullName },
        }),
        person,
      ),
    );
    expect(picket.status).toBe(422);
    expect(picket.body.code).toBe('restricted_zone');
  });

  it('takes a MultiPolygon and a later start', async () => {
    const { status, body } = await create(
      zone({
        geometry: {
          type: 'MultiPolygon',
          coordinates: [square(76.771, 43.161).coordinates, square(76.775, 43.161).coordinates],
        },
        activeFrom: addDays(today, 30),
      }),
    );
    expect(status).toBe(201);
    expect(body.geometry.coordinates).toHaveLength(2);
    const now = await get(api.baseUrl, '/api/v1/restricted-zones?jurisdiction=751810000');
    expect(now.body.features.map((f: any) => f.id)).not.toContain(body.id);
    const later = await get(
      api.baseUrl,
      `/api/v1/restricted-zones?jurisdiction=751810000&date=${addDays(today, 30)}`,
    );
    expect(later.body.features.map((f: any) => f.id)).toContain(body.id);
  });

  it('refuses without a token, for other roles and for another jurisdiction', async () => {
    expect((await create(zone(), null)).status).toBe(401);
    expect((await create(zone(), organizer)).status).toBe(403);
    expect((await create(zone(), officer)).status).toBe(403);
    const astana = await create(zone({ jurisdiction: '710000000', geometry: square(71.4, 51.1) }));
    expect(astana.status).toBe(403);
    expect(astana.body.code).toBe('jurisdiction_forbidden');
  });

  it.each([
    ['a point', { type: 'Point', coordinates: [76.78, 43.17] }, 'geometry_type'],
    [
      'a line',
      {
        type: 'LineString',
        coordinates: [
          [76.78, 43.17],
          [76.79, 43.18],
        ],
      },
      'geometry_type',
    ],
    [
      'a bow tie',
      {
        type: 'Polygon',
        coordinates: [
          [
            [76.78, 43.17],
            [76.79, 43.18],
            [76.79, 43.17],
            [76.78, 43.18],
            [76.78, 43.17],
          ],
        ],
      },
      'invalid_geometry',
    ],
    [
      'overlapping polygons',
      {
        type: 'MultiPolygon',
        coordinates: [square(76.78, 43.17).coordinates, square(76.781, 43.171).coordinates],
      },
      'invalid_geometry',
    ],
    ['a square in Moscow', square(37.6, 55.75), 'outside_kazakhstan'],
  ])('refuses %s with a 400 naming the geometry', async (_what, geometry, code) => {
    const { status, body } = await create(zone({ geometry }));
    expect(status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ field: 'geometry', code })]);
  });

  it('answers missing fields with field errors', async () => {
    const { status, body } = await create({
      jurisdiction: '750000000',
      geometry: square(76.78, 43.17),
      activeFrom: 'soon',
    });
    expect(status).toBe(400);
    expect(body.errors.map((e: any) => e.field)).toEqual(
      expect.arrayContaining(['reason', 'decisionRef', 'activeFrom']),
    );
  });
});
