import { addDays, localDateOf, makeValidBin, makeValidIin } from '@jiyn/domain';
import { get, PEOPLE, post, Session, signBody, signIn } from '../support/auth';
import { filingBody } from '../support/filings';
import { json, RunningApi, startApi } from '../support/test-app';

/** Alatau district of Almaty: this suite's own venue and filings live there. */
const ALATAU = '751710000';

/** RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF inside quotes. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) throw new Error('CSV does not end with CRLF');
  return rows;
}

/** The content lines of an iCalendar text, unfolded. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');

describe('the public register', () => {
  let api: RunningApi;
  let maslikhat: Session;
  let officer: Session;
  let admin: Session;
  const today = localDateOf(new Date(), 'Asia/Almaty');
  const day = addDays(today, 35);
  const individual = {
    iin: makeValidIin('1991-02-03', 'female', 1357),
    fullName: 'SECRETOVA AIZHAN',
    address: 'Almaty, Secret street 42, apt 7',
    phone: '+77019998877',
    email: 'aizhan.secret@example.kz',
  };
  const representative = {
    iin: makeValidIin('1975-10-20', 'male', 9753),
    fullName: 'HIDDENOV BOLAT',
    address: 'Almaty, Hidden lane 3',
    phone: '+77017776655',
    email: 'bolat.hidden@example.kz',
  };
  const legalEntity = {
    name: 'Qazaq Green Alliance',
    bin: makeValidBin('1905', 4, 4242),
    address: 'Almaty, Office 9',
  };
  const secrets = [
    individual.iin,
    individual.fullName,
    individual.address,
    individual.phone,
    individual.email,
    representative.iin,
    representative.fullName,
    representative.phone,
    representative.email,
    representative.address,
    legalEntity.address,
  ];
  const purposeA =
    'Parks, trees; and "clean air"\nfor Alatau — саябақтар мен ағаштарды сақтау үшін, таза ауа үшін бейбіт жиын';
  const purposeB = '=HYPERLINK("http://evil.example","click") against the landfill';
  let venueId: string;
  let filingA: any;
  let filingB: any;

  const file = async (person: typeof individual, overrides: Record<string, unknown>) => {
    const session = await signIn(api.baseUrl, person);
    const { iin, fullName, address, phone, email } = person;
    const response = await post(
      api.baseUrl,
      '/api/v1/filings',
      session,
      signBody(
        filingBody({
          jurisdiction: ALATAU,
          venueId,
          organizer: { iin, fullName, address, phone, email },
          ...overrides,
        }),
        person,
      ),
    );
    expect(response.status).toBe(201);
    return response.body;
  };

  beforeAll(async () => {
    api = await startApi();
    [maslikhat, officer, admin] = await Promise.all([
      signIn(api.baseUrl, PEOPLE.almatyMaslikhat),
      signIn(api.baseUrl, PEOPLE.almatyOfficer),
      signIn(api.baseUrl, PEOPLE.admin),
    ]);
    const venue = await post(api.baseUrl, '/api/v1/venues', maslikhat, {
      name: 'Square by the Alatau district akimat',
      jurisdiction: ALATAU,
      geometry: { type: 'Point', coordinates: [76.8765, 43.3012] },
      maxOccupancy: 70,
      decisionRef: 'Almaty city maslikhat decision No. 101 of 01.11.2026',
      activeFrom: addDays(today, 1),
    });
    expect(venue.status).toBe(201);
    venueId = venue.body.id;
    filingA = await file(individual, {
      form: 'meeting',
      purpose: purposeA,
      expectedParticipants: 50,
      startsAt: `${day}T10:00:00+05:00`,
      endsAt: `${day}T12:00:00+05:00`,
    });
    filingB = await file(representative, {
      form: 'rally',
      purpose: purposeB,
      expectedParticipants: 60,
      startsAt: `${day}T14:00:00+05:00`,
      endsAt: `${day}T16:30:00+05:00`,
      organizer: {
        iin: representative.iin,
        fullName: representative.fullName,
        address: representative.address,
        phone: representative.phone,
        email: representative.email,
        legalEntity,
      },
    });
    const refusal = await post(
      api.baseUrl,
      `/api/v1/filings/${filingA.id}/decision`,
      officer,
      signBody(
        {
          outcome: 'refused',
          grounds: ['threat_to_security_or_rights'],
          reason: 'Road works at the square on that day, see the akimat order; other dates are open.',
          deliveredVia: 'e_document',
        },
        PEOPLE.almatyOfficer,
      ),
    );
    expect(refusal.status).toBe(200);
    const imported = await fetch(`${api.baseUrl}/api/v1/admin/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/csv' },
      body: `form,jurisdiction,date,place,participants,status\r\nprocession,${ALATAU},2004-09-15,"Along Raiymbek avenue, east",800,held\r\n`,
    });
    expect(imported.status).toBe(200);
  });
  afterAll(async () => {
    await api.close();
  });

  const window = `jurisdiction=${ALATAU}&from=${day}&to=${day}`;

  it('shows every filing of the window with place, times, answer and deadlines', async () => {
    const { status, body } = await get(api.baseUrl, `/api/v1/register?${window}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 2, limit: 50, offset: 0, nextCursor: null, from: day, to: day });
    expect(body.items.map((e: any) => e.id)).toEqual([filingA.id, filingB.id]);
    const [a, b] = body.items;
    expect(a).toMatchObject({
      source: 'filing',
      number: filingA.number,
      jurisdiction: ALATAU,
      form: 'meeting',
      procedure: 'notification',
      status: 'refused',
      purpose: purposeA,
      venueId,
      venueName: 'Square by the Alatau district akimat',
      venueKind: 'place',
      place: 'Square by the Alatau district akimat',
      startsAt: `${day}T10:00:00+05:00`,
      endsAt: `${day}T12:00:00+05:00`,
      assemblyDate: day,
      expectedParticipants: 50,
      organizer: { kind: 'individual' },
      registrationDate: filingA.registrationDate,
      deadlines: filingA.deadlines,
      answer: {
        outcome: 'refused',
        grounds: ['threat_to_security_or_rights'],
        reason: expect.stringContaining('Road works'),
      },
    });
    expect(b).toMatchObject({
      form: 'rally',
      status: 'submitted',
      organizer: { legalEntity: { name: legalEntity.name, bin: legalEntity.bin } },
      answer: null,
      deadlines: { fileBy: expect.any(String), answerDeadline: expect.any(String) },
    });
  });

  it('never shows an individual’s name, IIN, address or contacts, in any format', async () => {
    for (const path of [
      '/api/v1/register?limit=500',
      '/api/v1/register.csv',
      '/api/v1/register.ics',
      '/api/v1/register.geojson',
    ]) {
      for (const query of ['', `&${window}`]) {
        const url = `${api.baseUrl}${path}${path.includes('?') ? query : query.replace('&', '?')}`;
        const response = await fetch(url);
        expect(response.status).toBe(200);
        const text = await response.text();
        expect(text).toContain(filingA.number);
        for (const secret of secrets) expect(text).not.toContain(secret);
        for (const demo of [PEOPLE.organizer.iin, PEOPLE.organizer.fullName])
          expect(text).not.toContain(demo);
      }
    }
  });

  it('includes past assemblies imported from paper, flagged as imports', async () => {
    const { body } = await get(
      api.baseUrl,
      `/api/v1/register?jurisdiction=${ALATAU}&from=2004-09-01&to=2004-09-30`,
    );
    expect(body.items).toEqual([
      expect.objectContaining({
        source: 'import',
        form: 'procession',
        procedure: 'application',
        status: 'held',
        assemblyDate: '2004-09-15',
        place: 'Along Raiymbek avenue, east',
        expectedParticipants: 800,
        organizer: null,
        startsAt: null,
      }),
    ]);
    const onlyFilings = await get(
      api.baseUrl,
      `/api/v1/register?jurisdiction=${ALATAU}&from=2004-09-01&to=2004-09-30&source=filing`,
    );
    expect(onlyFilings.body.items).toEqual([]);
  });

  it('filters by form and status', async () => {
    const refused = await get(api.baseUrl, `/api/v1/register?${window}&status=refused`);
    expect(refused.body.items.map((e: any) => e.id)).toEqual([filingA.id]);
    const rallies = await get(api.baseUrl, `/api/v1/register?${window}&form=rally,procession`);
    expect(rallies.body.items.map((e: any) => e.id)).toEqual([filingB.id]);
    const city = await get(
      api.baseUrl,
      `/api/v1/register?jurisdiction=750000000&from=${day}&to=${day}&limit=500`,
    );
    expect(city.body.items.map((e: any) => e.id)).toEqual(expect.arrayContaining([filingA.id, filingB.id]));
  });

  it('pages by cursor and by offset, in startsAt order', async () => {
    const first = await get(api.baseUrl, `/api/v1/register?${window}&limit=1`);
    expect(first.body.items.map((e: any) => e.id)).toEqual([filingA.id]);
    expect(first.body.total).toBe(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await get(
      api.baseUrl,
      `/api/v1/register?${window}&limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((e: any) => e.id)).toEqual([filingB.id]);
    expect(second.body.nextCursor).toBeNull();
    const offset = await get(api.baseUrl, `/api/v1/register?${window}&limit=1&offset=1`);
    expect(offset.body.items.map((e: any) => e.id)).toEqual([filingB.id]);
  });

  it('refuses bad queries with 400 field errors', async () => {
    for (const [query, field] of [
      ['from=2026-13-01', 'from'],
      ['to=yesterday', 'to'],
      [`from=${day}&to=${today}`, 'to'],
      ['jurisdiction=999999999', 'jurisdiction'],
      ['jurisdiction=75', 'jurisdiction'],
      ['status=approved,maybe', 'status'],
      ['form=party', 'form'],
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['cursor=abc&offset=1', 'cursor'],
      ['colour=red', 'colour'],
    ]) {
      const { status, body } = await get(api.baseUrl, `/api/v1/register?${query}`);
      expect([query, status]).toEqual([query, 400]);
      expect(body.code).toBe('validation_failed');
      expect(body.errors.map((e: any) => e.field)).toContain(field);
    }
    const csv = await get(api.baseUrl, '/api/v1/register.csv?from=2026-02-30');
    expect(csv.status).toBe(400);
    expect(csv.headers.get('content-type')).toContain('application/problem+json');
  });

  it('routes the dotted exports apart from /register', async () => {
    expect((await fetch(`${api.baseUrl}/api/v1/register.xml`)).status).toBe(404);
    expect((await fetch(`${api.baseUrl}/api/v1/register.csv/extra`)).status).toBe(404);
    const plain = await fetch(`${api.baseUrl}/api/v1/register?${window}`);
    expect(plain.headers.get('content-type')).toContain('application/json');
  });

  it('exports CSV per RFC 4180 with a header row, guarded against formulas', async () => {
    const response = await fetch(`${api.baseUrl}/api/v1/register.csv?${window}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await response.text();
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = readCsv(text);
    const [header, ...records] = rows;
    expect(header.slice(0, 8)).toEqual([
      'source',
      'id',
      'number',
      'jurisdiction',
      'form',
      'procedure',
      'status',
      'assemblyDate',
    ]);
    expect(records).toHaveLength(2);
    for (const r of records) expect(r).toHaveLength(header.length);
    const byId = Object.fromEntries(
      records.map((r) => [r[1], Object.fromEntries(header.map((h, i) => [h, r[i]]))]),
    );
    const a = byId[filingA.id];
    const b = byId[filingB.id];
    expect(a).toMatchObject({
      source: 'filing',
      number: filingA.number,
      form: 'meeting',
      status: 'refused',
      purpose: purposeA,
      startsAt: `${day}T10:00:00+05:00`,
      expectedParticipants: '50',
      organizerKind: 'individual',
      organizerName: '',
      answerOutcome: 'refused',
      answerGrounds: 'threat_to_security_or_rights',
      place: 'Square by the Alatau district akimat',
      longitude: '76.8765',
      latitude: '43.3012',
    });
    // The quote, comma and line break survive quoting; the formula is neutralized.
    expect(text).toContain('"Parks, trees; and ""clean air""\nfor Alatau');
    expect(b.purpose).toBe(`'${purposeB}`);
    expect(b).toMatchObject({
      organizerKind: 'legal_entity',
      organizerName: legalEntity.name,
      organizerBin: legalEntity.bin,
    });
    for (const r of records) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('exports well-formed iCalendar: VEVENTs with UID, DTSTAMP, UTC times, folded and escaped', async () => {
    const response = await fetch(
      `${api.baseUrl}/api/v1/register.ics?jurisdiction=${ALATAU}&from=2004-01-01&to=${day}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await response.text();
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const physical = text.slice(0, -2).split('\r\n');
    for (const line of physical) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
    expect(physical.some((l) => l.startsWith(' '))).toBe(true); // the long purpose was folded
    const lines = unfold(text);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(3);
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(3);
    const event = (id: string) => {
      const start = lines.findIndex((l) => l.startsWith('UID:') && l.includes(id));
      expect(start).toBeGreaterThan(0);
      const end = lines.indexOf('END:VEVENT', start);
      const props = lines.slice(start, end);
      const value = (name: string) => props.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
      return { props, value };
    };
    const a = event(filingA.id);
    expect(a.value('DTSTAMP')).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    expect(a.value('DTSTART')).toBe(`DTSTART:${day.replace(/-/g, '')}T050000Z`);
    expect(a.value('DTEND')).toBe(`DTEND:${day.replace(/-/g, '')}T070000Z`);
    expect(a.value('SUMMARY')).toBe(
      'SUMMARY:Meeting: Parks\\, trees\\; and "clean air"\\nfor Alatau — саябақтар мен ағаштарды сақтау үшін\\, таза ауа үшін бейбіт жиын',
    );
    expect(a.value('LOCATION')).toBe('LOCATION:Square by the Alatau district akimat');
    expect(a.value('GEO')).toBe('GEO:43.3012;76.8765');
    expect(a.value('DESCRIPTION')).toContain('Status: refused\\n');
    expect(a.value('DESCRIPTION')).toContain('Grounds: threat_to_security_or_rights');
    expect(a.value('STATUS')).toBe('STATUS:CANCELLED');
    const b = event(filingB.id);
    expect(b.value('DESCRIPTION')).toContain('Status: submitted');
    expect(b.value('DESCRIPTION')).toContain(`Organizer: ${legalEntity.name}`);
    expect(b.value('STATUS')).toBe('STATUS:TENTATIVE');
    const imported = lines.findIndex((l) => l === 'DTSTART;VALUE=DATE:20040915');
    expect(imported).toBeGreaterThan(0);
    expect(lines[imported + 1]).toBe('DTEND;VALUE=DATE:20040916');
  });

  it('exports GeoJSON with the place of each entry', async () => {
    const response = await fetch(`${api.baseUrl}/api/v1/register.geojson?${window}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/geo+json');
    const body = await json(response);
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(2);
    expect(body.features[0]).toMatchObject({
      type: 'Feature',
      id: filingA.id,
      geometry: { type: 'Point', coordinates: [76.8765, 43.3012] },
      properties: {
        id: filingA.id,
        source: 'filing',
        status: 'refused',
        form: 'meeting',
        organizer: { kind: 'individual' },
      },
    });
  });
});
