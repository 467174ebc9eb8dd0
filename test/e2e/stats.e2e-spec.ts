import { DataSource } from 'typeorm';
import { addDays, localDateOf, makeValidIin } from '@jiyn/domain';
import { createDataSource } from '@jiyn/persistence';
import { get, PEOPLE, post, Session, signBody, signIn } from '../support/auth';
import { filingBody } from '../support/filings';
import { json, RunningApi, startApi } from '../support/test-app';

/** Turksib district of Almaty: this suite's filings; Shymkent in 2003: this suite's imports. */
const TURKSIB = '751610000';
const SHYMKENT = '790000000';
const HEADER = 'form,jurisdiction,date,place,participants,status';

describe('statistics and the import of paper records', () => {
  let api: RunningApi;
  let db: DataSource;
  let admin: Session;
  let maslikhat: Session;
  const today = localDateOf(new Date(), 'Asia/Almaty');

  const importCsv = async (body: string | Blob, session: Session | null = admin, type = 'text/csv') => {
    const response = await fetch(`${api.baseUrl}/api/v1/admin/import`, {
      method: 'POST',
      headers: { ...(session ? { authorization: `Bearer ${session.token}` } : {}), 'content-type': type },
      body,
    });
    return { status: response.status, body: await json(response), headers: response.headers };
  };

  beforeAll(async () => {
    api = await startApi();
    db = createDataSource({ databaseUrl: process.env.DATABASE_URL! });
    await db.initialize();
    [admin, maslikhat] = await Promise.all([
      signIn(api.baseUrl, PEOPLE.admin),
      signIn(api.baseUrl, PEOPLE.almatyMaslikhat),
    ]);
  });
  afterAll(async () => {
    await api.close();
    await db.destroy();
  });

  const mixed = [
    HEADER,
    `meeting,${SHYMKENT},2003-05-10,Independence park,300,held`, // 2 good
    `rally,${SHYMKENT},2003-05-20,"Al-Farabi square, by the fountain",1200,held`, // 3 good
    `party,${SHYMKENT},2003-05-21,Somewhere,10,held`, // 4 invalid_form
    `meeting,123456789,2003-05-22,Somewhere,10,held`, // 5 unknown_jurisdiction
    `meeting,${SHYMKENT},2003-02-30,Somewhere,10,held`, // 6 invalid_date
    `meeting,${SHYMKENT},${addDays(today, 3)},Somewhere,10,held`, // 7 date_in_future
    `meeting,${SHYMKENT},2003-05-23,Somewhere,many,held`, // 8 invalid_participants
    `meeting,${SHYMKENT},2003-05-24,Somewhere,10`, // 9 column_count
    '', // 10 blank: skipped
    `picket,${SHYMKENT},2003-06-02,"City akimat, ""main"" gate",1,refused`, // 11 good
    `meeting,${SHYMKENT},2003-06-03,"Broken "quote,10,held`, // 12 malformed_row
    `meeting,${SHYMKENT},2003-06-04,Somewhere,10,submitted`, // 13 invalid_status
    `meeting,${SHYMKENT},2003-06-05,,10,held`, // 14 place_required
    `MEETING,${SHYMKENT},15.06.2003,"=1+2",25,Held`, // 15 good: case and dd.mm.yyyy tolerated
    `meeting,${SHYMKENT},1989-06-05,Somewhere,10,held`, // 16 date_out_of_range
  ].join('\r\n');

  describe('POST /admin/import', () => {
    it('imports the good lines and rejects the bad ones with their line numbers', async () => {
      const { status, body } = await importCsv(mixed + '\r\n');
      expect(status).toBe(200);
      expect(body.imported).toBe(4);
      expect(body.rejected.map((r: any) => [r.line, r.code])).toEqual([
        [4, 'invalid_form'],
        [5, 'unknown_jurisdiction'],
        [6, 'invalid_date'],
        [7, 'date_in_future'],
        [8, 'invalid_participants'],
        [9, 'column_count'],
        [12, 'malformed_row'],
        [13, 'invalid_status'],
        [14, 'place_required'],
        [16, 'date_out_of_range'],
      ]);
      for (const r of body.rejected) expect(r.message).toEqual(expect.any(String));
      const rows = await db.query(
        `SELECT line, form, assembly_date::text AS date, place, participants, status FROM historical_assembly
         WHERE batch_id = $1 ORDER BY line`,
        [body.batchId],
      );
      expect(rows).toEqual([
        {
          line: 2,
          form: 'meeting',
          date: '2003-05-10',
          place: 'Independence park',
          participants: 300,
          status: 'held',
        },
        {
          line: 3,
          form: 'rally',
          date: '2003-05-20',
          place: 'Al-Farabi square, by the fountain',
          participants: 1200,
          status: 'held',
        },
        {
          line: 11,
          form: 'picket',
          date: '2003-06-02',
          place: 'City akimat, "main" gate',
          participants: 1,
          status: 'refused',
        },
        { line: 15, form: 'meeting', date: '2003-06-15', place: '=1+2', participants: 25, status: 'held' },
      ]);
      const audit = await db.query(
        `SELECT chain, actor, action, after FROM audit_log WHERE entity_type = 'import_batch' AND entity_id = $1`,
        [body.batchId],
      );
      expect(audit).toEqual([
        expect.objectContaining({
          chain: SHYMKENT,
          actor: PEOPLE.admin.iin,
          action: 'historical_assembly.imported',
        }),
      ]);
      expect(audit[0].after).toMatchObject({ imported: 4, lines: [2, 3, 11, 15] });
    });

    it('imports nothing twice: a repeated file reports its lines as duplicates', async () => {
      const { status, body } = await importCsv(mixed);
      expect(status).toBe(200);
      expect(body.imported).toBe(0);
      expect(body.rejected.filter((r: any) => r.code === 'duplicate').map((r: any) => r.line)).toEqual([
        2, 3, 11, 15,
      ]);
      // The same record twice in one file is two assemblies; only the second is new.
      const twice = await importCsv(
        [
          HEADER,
          `meeting,${SHYMKENT},2003-05-10,Independence park,300,held`,
          `meeting,${SHYMKENT},2003-05-10,Independence park,300,held`,
        ].join('\n'),
      );
      expect(twice.body).toMatchObject({ imported: 1, rejected: [{ line: 2, code: 'duplicate' }] });
    });

    it('refuses without a token (401), for other roles (403), and bodies that are not CSV (415, 400)', async () => {
      expect((await importCsv(mixed, null)).status).toBe(401);
      const staff = await importCsv(mixed, maslikhat);
      expect(staff.status).toBe(403);
      expect(staff.body.code).toBe('role_required');
      for (const [body, type, status, code] of [
        ['{"form":"meeting"}', 'application/json', 415, 'unsupported_media_type'],
        [mixed, 'text/plain', 415, 'unsupported_media_type'],
        [mixed, 'application/octet-stream', 415, 'unsupported_media_type'],
        ['{"form":"meeting","jurisdiction":"790000000"}', 'text/csv', 400, 'csv_header_invalid'],
        ['form,jurisdiction,date\nmeeting,790000000,2003-01-01', 'text/csv', 400, 'csv_header_invalid'],
        [`${HEADER},notes\n`, 'text/csv', 400, 'csv_header_invalid'],
        ['', 'text/csv', 400, 'csv_empty'],
        [
          new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff])]),
          'text/csv',
          400,
          'malformed_csv',
        ],
      ] as const) {
        const response = await importCsv(body as string, admin, type);
        expect([type, response.status]).toEqual([type, status]);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(response.body.code).toBe(code);
      }
    });

    it('takes a header in any order, a BOM and a charset', async () => {
      const { status, body } = await importCsv(
        `\uFEFFstatus,participants,place,date,jurisdiction,form\nheld,40,Old square,2003-07-01,${SHYMKENT},meeting\n`,
        admin,
        'text/csv; charset=utf-8',
      );
      expect(status).toBe(200);
      expect(body).toMatchObject({ imported: 1, rejected: [] });
    });
  });

  describe('GET /stats', () => {
    beforeAll(async () => {
      // Two filings in Turksib, counted below.
      const person = { iin: makeValidIin('1980-01-01', 'male', 1122), fullName: 'STATOV COUNTED' };
      const organizer = await signIn(api.baseUrl, person);
      const venue = await post(api.baseUrl, '/api/v1/venues', maslikhat, {
        name: 'Square by the Turksib district akimat',
        jurisdiction: TURKSIB,
        geometry: { type: 'Point', coordinates: [76.9588, 43.3461] },
        maxOccupancy: 70,
        decisionRef: 'Almaty city maslikhat decision No. 102 of 01.11.2026',
        activeFrom: addDays(today, 1),
      });
      expect(venue.status).toBe(201);
      const day = addDays(today, 40);
      for (const [form, hour] of [
        ['meeting', 10],
        ['rally', 14],
      ] as const) {
        const filed = await post(
          api.baseUrl,
          '/api/v1/filings',
          organizer,
          signBody(
            filingBody({
              form,
              jurisdiction: TURKSIB,
              venueId: venue.body.id,
              expectedParticipants: 20,
              startsAt: `${day}T${hour}:00:00+05:00`,
              endsAt: `${day}T${hour + 1}:00:00+05:00`,
              organizer: { ...filingBody().organizer, iin: person.iin, fullName: person.fullName },
            }),
            person,
          ),
        );
        expect(filed.status).toBe(201);
      }
    });

    const shymkent2003 = `from=2003-01-01&to=2003-12-31&jurisdiction=${SHYMKENT}`;

    it('counts imported records by form, month and status', async () => {
      const { status, body } = await get(
        api.baseUrl,
        `/api/v1/stats?${shymkent2003}&groupBy=form,month,status`,
      );
      expect(status).toBe(200);
      expect(body.rows).toEqual([
        { form: 'meeting', month: '2003-05', status: 'held', count: 2 },
        { form: 'meeting', month: '2003-06', status: 'held', count: 1 },
        { form: 'meeting', month: '2003-07', status: 'held', count: 1 },
        { form: 'picket', month: '2003-06', status: 'refused', count: 1 },
        { form: 'rally', month: '2003-05', status: 'held', count: 1 },
      ]);
      expect(body.total).toBe(6);
    });

    it('groups by jurisdiction, by source, or not at all', async () => {
      const byJurisdiction = await get(api.baseUrl, `/api/v1/stats?${shymkent2003}&groupBy=jurisdiction`);
      expect(byJurisdiction.body).toMatchObject({ rows: [{ jurisdiction: SHYMKENT, count: 6 }], total: 6 });
      const bySource = await get(api.baseUrl, `/api/v1/stats?${shymkent2003}&groupBy=source`);
      expect(bySource.body.rows).toEqual([{ source: 'import', count: 6 }]);
      const none = await get(api.baseUrl, `/api/v1/stats?${shymkent2003}`);
      expect(none.body).toMatchObject({ rows: [{ count: 6 }], total: 6 });
      const may = await get(
        api.baseUrl,
        `/api/v1/stats?from=2003-05-01&to=2003-05-31&jurisdiction=${SHYMKENT}&groupBy=month`,
      );
      expect(may.body.rows).toEqual([{ month: '2003-05', count: 3 }]);
    });

    it('counts filings with the imports, a city including its districts', async () => {
      const day = addDays(today, 40);
      const month = day.slice(0, 7);
      const { body } = await get(
        api.baseUrl,
        `/api/v1/stats?from=${day}&to=${day}&jurisdiction=${TURKSIB}&groupBy=jurisdiction,form,month,status`,
      );
      expect(body.rows).toEqual([
        { jurisdiction: TURKSIB, form: 'meeting', month, status: 'submitted', count: 1 },
        { jurisdiction: TURKSIB, form: 'rally', month, status: 'submitted', count: 1 },
      ]);
      expect(body.total).toBe(2);
      const city = await get(
        api.baseUrl,
        `/api/v1/stats?from=${day}&to=${day}&jurisdiction=750000000&groupBy=jurisdiction`,
      );
      expect(city.body.rows).toEqual(expect.arrayContaining([{ jurisdiction: TURKSIB, count: 2 }]));
      const filingsOnly = await get(api.baseUrl, `/api/v1/stats?${shymkent2003}&source=filing`);
      expect(filingsOnly.body.total).toBe(0);
    });

    it('refuses an unknown groupBy and bad dates with 400', async () => {
      for (const [query, field] of [
        ['groupBy=form,colour', 'groupBy'],
        ['groupBy=form,,status', 'groupBy'],
        ['groupBy=FORM', 'groupBy'],
        ['from=2003-13-01', 'from'],
        ['from=2004-01-01&to=2003-01-01', 'to'],
        ['jurisdiction=999999999', 'jurisdiction'],
      ]) {
        const { status, body } = await get(api.baseUrl, `/api/v1/stats?${query}`);
        expect([query, status]).toEqual([query, 400]);
        expect(body.code).toBe('validation_failed');
        expect(body.errors.map((e: any) => e.field)).toContain(field);
      }
    });
  });
});
