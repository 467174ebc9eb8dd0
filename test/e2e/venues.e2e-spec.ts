import { DataSource } from 'typeorm';
import { addDays, localDateOf, makeValidIin } from '@jiyn/domain';
import { createDataSource } from '@jiyn/persistence';
import { get, PEOPLE, post, Session, signBody, signIn } from '../support/auth';
import { filingBody } from '../support/filings';
import { json, RunningApi, startApi } from '../support/test-app';

const ASTANA_CENTRAL_PARK = '0b8e4f4a-5d0e-4c41-9d1e-7a1f00000005';
/** Nauryzbay district of Almaty, on the city's western edge: no other suite keeps venues there. */
const NAURYZBAY = '751810000';

/**
 * Venues created here start tomorrow, so that today's public list of Almaty (which other suites
 * count) never changes; they are small, so that no other suite's 'auto' assignment picks them.
 */
describe('specialized places and routes: maintenance and bookings', () => {
  let api: RunningApi;
  let db: DataSource;
  let maslikhat: Session;
  let officer: Session;
  let organizer: Session;
  const person = { iin: makeValidIin('1979-03-14', 'female', 4321), fullName: 'VENUEOVA SECRETA' };
  const today = localDateOf(new Date(), 'Asia/Almaty');
  const tomorrow = addDays(today, 1);

  const patch = async (path: string, session: Session | undefined, body: unknown) => {
    const response = await fetch(`${api.baseUrl}${path}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...(session?.headers ?? {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await json(response), headers: response.headers };
  };

  const place = (overrides: Record<string, unknown> = {}) => ({
    name: `Square ${Math.random().toString(36).slice(2, 8)}`,
    jurisdiction: NAURYZBAY,
    geometry: { type: 'Point', coordinates: [76.8021, 43.1805] },
    maxOccupancy: 40,
    decisionRef: 'Almaty city maslikhat decision No. 99 of 01.11.2026',
    activeFrom: tomorrow,
    ...overrides,
  });

  const create = (body: unknown, session: Session | null = maslikhat, headers = {}) =>
    post(api.baseUrl, '/api/v1/venues', session ?? undefined, body, headers);

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

  describe('POST /venues', () => {
    it('adds a place for maslikhat staff of the city in its district, audited, with a warning', async () => {
      const body = place();
      const { status, body: venue } = await create(body);
      expect(status).toBe(201);
      expect(venue).toMatchObject({
        id: expect.any(String),
        name: body.name,
        kind: 'place',
        jurisdiction: NAURYZBAY,
        maxOccupancy: 40,
        decisionRef: body.decisionRef,
        activeFrom: tomorrow,
        activeTo: null,
        geometry: { type: 'Point', coordinates: [76.8021, 43.1805] },
        affectedBookings: [],
      });
      // Nauryzbay has fewer than three places: the staff are warned (Art. 9(2)).
      expect(venue.warnings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: 'too_few_places', jurisdiction: NAURYZBAY, minimum: 3 }),
        ]),
      );
      const [row] = await db.query(
        `SELECT kind, ST_SRID(geometry) AS srid, GeometryType(geometry) AS type FROM venue WHERE id = $1`,
        [venue.id],
      );
      expect(row).toEqual({ kind: 'place', srid: 4326, type: 'POINT' });
      const audit = await db.query(
        `SELECT chain, actor, action, after FROM audit_log WHERE entity_type = 'venue' AND entity_id = $1`,
        [venue.id],
      );
      expect(audit).toEqual([
        expect.objectContaining({
          chain: NAURYZBAY,
          actor: PEOPLE.almatyMaslikhat.iin,
          action: 'venue.created',
        }),
      ]);
      expect(audit[0].after).toMatchObject({ name: body.name, maxOccupancy: 40 });

      const one = await get(api.baseUrl, `/api/v1/venues/${venue.id}`);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ type: 'Feature', id: venue.id, properties: { kind: 'place' } });
    });

    it('warns while a district has fewer than three places, and again when one closes', async () => {
      const medeu = '751510000';
      const at = (lng: number) =>
        place({ jurisdiction: medeu, geometry: { type: 'Point', coordinates: [lng, 43.16] } });
      const counts: number[] = [];
      const ids: string[] = [];
      for (const lng of [77.051, 77.052, 77.053]) {
        const { status, body } = await create(at(lng));
        expect(status).toBe(201);
        ids.push(body.id);
        const warning = body.warnings.find((w: any) => w.jurisdiction === medeu);
        counts.push(warning ? warning.activePlaces : -1);
        expect(body.warnings.find((w: any) => w.jurisdiction === '750000000')).toBeUndefined();
      }
      expect(counts).toEqual([1, 2, -1]);
      const closed = await patch(`/api/v1/venues/${ids[2]}`, maslikhat, { activeTo: addDays(today, 5) });
      expect(closed.status).toBe(200);
      expect(closed.body.warnings).toEqual([
        expect.objectContaining({
          code: 'too_few_places',
          jurisdiction: medeu,
          activePlaces: 2,
          minimum: 3,
          onDate: addDays(today, 6),
          message: expect.stringContaining('Medeu'),
        }),
      ]);
    });

    it('makes a LineString a route and a Polygon a place', async () => {
      const route = await create(
        place({
          geometry: {
            type: 'LineString',
            coordinates: [
              [76.8001, 43.181],
              [76.8051, 43.182],
              [76.8101, 43.1835],
            ],
          },
        }),
      );
      expect(route.status).toBe(201);
      expect(route.body.kind).toBe('route');
      const square = await create(
        place({
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [76.801, 43.179],
                [76.802, 43.179],
                [76.802, 43.18],
                [76.801, 43.18],
                [76.801, 43.179],
              ],
            ],
          },
        }),
      );
      expect(square.status).toBe(201);
      expect(square.body.kind).toBe('place');
      expect(square.body.geometry.type).toBe('Polygon');
    });

    it('refuses without a token (401), for other roles (403) and for another jurisdiction (403)', async () => {
      expect((await create(place(), null)).status).toBe(401);
      const asOrganizer = await create(place(), organizer);
      expect(asOrganizer.status).toBe(403);
      expect(asOrganizer.body.code).toBe('role_required');
      expect((await create(place(), officer)).status).toBe(403);
      const astana = await create(
        place({ jurisdiction: '710000000', geometry: { type: 'Point', coordinates: [71.43, 51.13] } }),
      );
      expect(astana.status).toBe(403);
      expect(astana.headers.get('content-type')).toContain('application/problem+json');
      expect(astana.body.code).toBe('jurisdiction_forbidden');
    });

    it('answers missing and malformed fields with field errors', async () => {
      const { status, body } = await create({
        name: '',
        jurisdiction: '75',
        geometry: { type: 'Point', coordinates: [76.8, 43.2] },
        maxOccupancy: 0,
        activeFrom: '2026-02-30',
        colour: 'red',
      });
      expect(status).toBe(400);
      expect(body.code).toBe('validation_failed');
      const fields = body.errors.map((e: any) => e.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'name',
          'jurisdiction',
          'maxOccupancy',
          'decisionRef',
          'activeFrom',
          'colour',
        ]),
      );
      const unknown = await create(place({ jurisdiction: '999999999' }));
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([
        expect.objectContaining({ field: 'jurisdiction', code: 'unknown' }),
      ]);
      const inverted = await create(place({ activeTo: today }));
      expect(inverted.status).toBe(400);
      expect(inverted.body.errors[0]).toMatchObject({ field: 'activeTo', code: 'before_active_from' });
    });

    it.each([
      [
        'a self-intersecting polygon',
        {
          type: 'Polygon',
          coordinates: [
            [
              [76.8, 43.18],
              [76.81, 43.19],
              [76.81, 43.18],
              [76.8, 43.19],
              [76.8, 43.18],
            ],
          ],
        },
        'invalid_geometry',
      ],
      ['a point in Paris', { type: 'Point', coordinates: [2.35, 48.85] }, 'outside_kazakhstan'],
      ['latitude and longitude swapped', { type: 'Point', coordinates: [43.18, 76.8] }, 'outside_kazakhstan'],
      [
        'an unclosed ring',
        {
          type: 'Polygon',
          coordinates: [
            [
              [76.8, 43.18],
              [76.81, 43.18],
              [76.81, 43.19],
              [76.8, 43.19],
            ],
          ],
        },
        'invalid_coordinates',
      ],
      ['a one-point line', { type: 'LineString', coordinates: [[76.8, 43.18]] }, 'invalid_coordinates'],
      [
        'a line of one repeated point',
        {
          type: 'LineString',
          coordinates: [
            [76.8, 43.18],
            [76.8, 43.18],
          ],
        },
        'invalid_geometry',
      ],
      ['text coordinates', { type: 'Point', coordinates: ['76.8', '43.18'] }, 'invalid_coordinates'],
      ['a MultiPolygon (zones only)', { type: 'MultiPolygon', coordinates: [] }, 'geometry_type'],
    ])('refuses %s with a 400 naming the geometry', async (_what, geometry, code) => {
      const { status, body } = await create(place({ geometry }));
      expect(status).toBe(400);
      expect(body.code).toBe('validation_failed');
      expect(body.errors).toEqual([expect.objectContaining({ field: 'geometry', code })]);
    });

    it('refuses an unknown geometry type and a geometry that is not an object', async () => {
      const multipoint = await create(
        place({ geometry: { type: 'MultiPoint', coordinates: [[76.8, 43.18]] } }),
      );
      expect(multipoint.status).toBe(400);
      expect(multipoint.body.errors.map((e: any) => e.field)).toContain('geometry.type');
      const text = await create(place({ geometry: 'POINT(76.8 43.18)' }));
      expect(text.status).toBe(400);
    });

    it('replays a retry with the same Idempotency-Key and refuses the key with another body', async () => {
      const key = `venue-${Date.now()}`;
      const body = place();
      const first = await create(body, maslikhat, { 'idempotency-key': key });
      const again = await create(body, maslikhat, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(first.body.id);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      const other = await create({ ...body, name: 'Another' }, maslikhat, { 'idempotency-key': key });
      expect(other.status).toBe(422);
    });
  });

  describe('PATCH /venues/{id}', () => {
    it('answers 404 for another jurisdiction, an unknown or malformed id; 401 and 403 as usual', async () => {
      const astana = await patch(`/api/v1/venues/${ASTANA_CENTRAL_PARK}`, maslikhat, { maxOccupancy: 10 });
      expect(astana.status).toBe(404);
      expect(astana.body.code).toBe('not_found');
      const [row] = await db.query(`SELECT max_occupancy FROM venue WHERE id = $1`, [ASTANA_CENTRAL_PARK]);
      expect(row.max_occupancy).toBe(1000);
      expect(
        (await patch(`/api/v1/venues/0b8e4f4a-5d0e-4c41-9d1e-7a1f0000ffff`, maslikhat, { maxOccupancy: 10 }))
          .status,
      ).toBe(404);
      expect((await patch(`/api/v1/venues/not-a-uuid`, maslikhat, { maxOccupancy: 10 })).status).toBe(404);
      expect(
        (await patch(`/api/v1/venues/${ASTANA_CENTRAL_PARK}`, undefined, { maxOccupancy: 10 })).status,
      ).toBe(401);
      expect(
        (await patch(`/api/v1/venues/${ASTANA_CENTRAL_PARK}`, organizer, { maxOccupancy: 10 })).status,
      ).toBe(403);
    });

    it('changes fields, refuses bad ones, and audits the change', async () => {
      const { body: venue } = await create(place());
      const changed = await patch(`/api/v1/venues/${venue.id}`, maslikhat, {
        name: 'Renamed square',
        maxOccupancy: 55,
        geometry: { type: 'Point', coordinates: [76.803, 43.181] },
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        id: venue.id,
        name: 'Renamed square',
        maxOccupancy: 55,
        kind: 'place',
        geometry: { type: 'Point', coordinates: [76.803, 43.181] },
      });
      const bad = await patch(`/api/v1/venues/${venue.id}`, maslikhat, {
        geometry: { type: 'Point', coordinates: [2.35, 48.85] },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'geometry', code: 'outside_kazakhstan' });
      expect((await patch(`/api/v1/venues/${venue.id}`, maslikhat, {})).status).toBe(400);
      expect((await patch(`/api/v1/venues/${venue.id}`, maslikhat, { maxOccupancy: -1 })).status).toBe(400);
      const moved = await patch(`/api/v1/venues/${venue.id}`, maslikhat, { jurisdiction: '710000000' });
      expect(moved.status).toBe(403);
      const audit = await db.query(
        `SELECT action, before, after FROM audit_log WHERE entity_type = 'venue' AND entity_id = $1 ORDER BY seq`,
        [venue.id],
      );
      expect(audit.map((a: any) => a.action)).toEqual(['venue.created', 'venue.updated']);
      expect(audit[1].before).toMatchObject({ maxOccupancy: 40 });
      expect(audit[1].after).toMatchObject({ maxOccupancy: 55, name: 'Renamed square' });
    });

    it('closes a venue with future bookings: allowed, listing the bookings the officer must move', async () => {
      const { body: venue } = await create(place({ maxOccupancy: 50 }));
      const day = addDays(today, 25);
      const filing = await post(
        api.baseUrl,
        '/api/v1/filings',
        organizer,
        signBody(
          filingBody({
            form: 'meeting',
            jurisdiction: NAURYZBAY,
            venueId: venue.id,
            expectedParticipants: 30,
            startsAt: `${day}T10:00:00+05:00`,
            endsAt: `${day}T12:00:00+05:00`,
            organizer: { ...filingBody().organizer, iin: person.iin, fullName: person.fullName },
          }),
          person,
        ),
      );
      expect(filing.status).toBe(201);

      const closed = await patch(`/api/v1/venues/${venue.id}`, maslikhat, {
        activeTo: addDays(today, 10),
        decisionRef: 'Almaty city maslikhat decision No. 120 of 20.11.2026',
      });
      expect(closed.status).toBe(200);
      expect(closed.body.activeTo).toBe(addDays(today, 10));
      expect(closed.body.affectedBookings).toEqual([
        expect.objectContaining({
          filingId: filing.body.id,
          number: filing.body.number,
          status: 'submitted',
          assemblyDate: day,
          startsAt: `${day}T10:00:00+05:00`,
          expectedParticipants: 30,
          reason: 'venue_closed',
        }),
      ]);
      const [audit] = await db.query(
        `SELECT action, after FROM audit_log WHERE entity_type = 'venue' AND entity_id = $1 ORDER BY seq DESC LIMIT 1`,
        [venue.id],
      );
      expect(audit.action).toBe('venue.closed');
      expect(audit.after.affectedBookings).toEqual([expect.objectContaining({ filingId: filing.body.id })]);

      // Shrinking it below the booked crowd lists the booking too; reopening and growing clears it.
      const small = await patch(`/api/v1/venues/${venue.id}`, maslikhat, {
        activeTo: null,
        maxOccupancy: 20,
      });
      expect(small.body.affectedBookings).toEqual([expect.objectContaining({ reason: 'over_capacity' })]);
      const fine = await patch(`/api/v1/venues/${venue.id}`, maslikhat, { maxOccupancy: 50 });
      expect(fine.body).toMatchObject({ activeTo: null, affectedBookings: [] });
    });
  });

  describe('GET /venues/{id}/bookings', () => {
    let venueId: string;
    let day: string;
    let number: string;
    beforeAll(async () => {
      const { body: venue } = await create(place({ maxOccupancy: 60 }));
      venueId = venue.id;
      day = addDays(today, 20);
      const filing = await post(
        api.baseUrl,
        '/api/v1/filings',
        organizer,
        signBody(
          filingBody({
            form: 'rally',
            jurisdiction: NAURYZBAY,
            venueId,
            expectedParticipants: 45,
            startsAt: `${day}T15:30:00+05:00`,
            endsAt: `${day}T17:00:00+05:00`,
            organizer: { ...filingBody().organizer, iin: person.iin, fullName: person.fullName },
          }),
          person,
        ),
      );
      expect(filing.status).toBe(201);
      number = filing.body.number;
    });

    it('lists the booked assemblies publicly: date, start, end, participants, status; no personal data', async () => {
      const response = await fetch(`${api.baseUrl}/api/v1/venues/${venueId}/bookings`);
      expect(response.status).toBe(200);
      const text = await response.text();
      const body = JSON.parse(text);
      expect(body.from).toBe(today);
      expect(body.to).toBe(addDays(today, 60));
      expect(body.venue).toMatchObject({ id: venueId, kind: 'place', maxOccupancy: 60 });
      expect(body.bookings).toEqual([
        expect.objectContaining({
          date: day,
          start: '15:30',
          end: '17:00',
          startsAt: `${day}T15:30:00+05:00`,
          endsAt: `${day}T17:00:00+05:00`,
          expectedParticipants: 45,
          status: 'submitted',
          form: 'rally',
          number,
        }),
      ]);
      for (const secret of [person.iin, person.fullName, '+77011234567', 'timur@example.kz', 'Abay avenue']) {
        expect(text).not.toContain(secret);
      }
    });

    it('takes a window of assembly dates', async () => {
      const before = await get(
        api.baseUrl,
        `/api/v1/venues/${venueId}/bookings?from=${today}&to=${addDays(day, -1)}`,
      );
      expect(before.status).toBe(200);
      expect(before.body.bookings).toEqual([]);
      const exact = await get(api.baseUrl, `/api/v1/venues/${venueId}/bookings?from=${day}&to=${day}`);
      expect(exact.body.bookings).toHaveLength(1);
    });

    it('refuses bad dates with 400 and an unknown venue with 404', async () => {
      for (const query of [
        'from=tomorrow',
        'to=2026-13-01',
        `from=${day}&to=${today}`,
        'from=2026-01-01&to=2028-01-01',
        'colour=red',
      ]) {
        const { status, body } = await get(api.baseUrl, `/api/v1/venues/${venueId}/bookings?${query}`);
        expect(status).toBe(400);
        expect(body.code).toBe('validation_failed');
      }
      expect(
        (await get(api.baseUrl, `/api/v1/venues/0b8e4f4a-5d0e-4c41-9d1e-7a1f0000ffff/bookings`)).status,
      ).toBe(404);
      expect((await get(api.baseUrl, `/api/v1/venues/nope/bookings`)).status).toBe(404);
    });
  });
});
