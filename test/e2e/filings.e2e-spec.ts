import { DataSource } from 'typeorm';
import { createDataSource, verifyAuditChain } from '@jiyn/persistence';
import { makeValidIin } from '@jiyn/domain';
import { get, PEOPLE, post, Session, signBody, signIn } from '../support/auth';
import {
  filingBody,
  GANDHI_PARK,
  hourSlot,
  SARY_ARKA_SQUARE,
  SHEVCHENKO_ROUTE,
  WALIKHANOV_SQUARE,
} from '../support/filings';
import { RunningApi, startApi } from '../support/test-app';

// The system's clock for this suite: Tuesday 1 December 2026, 10:00 in Almaty.
const CLOCK_START = '2026-12-01T05:00:00.000Z';

describe('filing and answering', () => {
  let api: RunningApi;
  let db: DataSource;
  let organizer: Session;
  let officer: Session;
  let astanaOfficer: Session;
  let stranger: Session;
  const strangerPerson = { iin: makeValidIin('1990-04-04', 'female', 77), fullName: 'STRANGER ANNA' };

  const file = (body: Record<string, any>, session = organizer, headers: Record<string, string> = {}) =>
    post(
      api.baseUrl,
      '/api/v1/filings',
      session,
      signBody(body, { iin: session.iin, fullName: session.fullName }),
      headers,
    );

  beforeAll(async () => {
    api = await startApi({ CLOCK_START });
    db = createDataSource({ databaseUrl: process.env.DATABASE_URL! });
    await db.initialize();
    organizer = await signIn(api.baseUrl, PEOPLE.organizer);
    officer = await signIn(api.baseUrl, PEOPLE.almatyOfficer);
    astanaOfficer = await signIn(api.baseUrl, PEOPLE.astanaOfficer);
    stranger = await signIn(api.baseUrl, strangerPerson);
  });
  afterAll(async () => {
    await api.close();
    await db.destroy();
  });

  it('registers a rally with its number and its legal deadlines', async () => {
    const { status, body } = await file(filingBody(hourSlot('2026-12-15', 9)));
    expect(status).toBe(201);
    expect(body).toMatchObject({
      status: 'submitted',
      form: 'rally',
      procedure: 'notification',
      registrationDate: '2026-12-01',
      deadlines: {
        fileBy: '2026-12-08',
        answerDueBy: '2026-12-04',
        answerDeadline: '2026-12-05T00:00:00+05:00',
        deemedApprovedAt: '2026-12-05T00:00:00+05:00',
      },
    });
    expect(body.number).toMatch(/^ALA-2026-\d{6}$/);
    const [row] = await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'filing.registered'`,
      [body.id],
    );
    expect(row.n).toBe(1);
    const [outbox] = await db.query(`SELECT topic FROM outbox_event WHERE aggregate_id = $1`, [body.id]);
    expect(outbox.topic).toBe('filing.registered');
  });

  it('gives exactly one of 200 concurrent filings for one place and time the slot', async () => {
    const slot = hourSlot('2026-12-15', 14);
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        file(filingBody({ ...slot, venueId: WALIKHANOV_SQUARE, purpose: `Concurrent rally ${i}` })),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(199);
    expect(statuses.filter((s) => s >= 500)).toHaveLength(0);
    const conflict = responses.find((r) => r.status === 409)!.body;
    expect(conflict.code).toBe('venue_unavailable');
    expect(conflict.alternatives.length).toBeGreaterThan(0);
    for (const alternative of conflict.alternatives) {
      expect(alternative).toEqual(
        expect.objectContaining({
          venueId: expect.any(String),
          startsAt: expect.any(String),
          endsAt: expect.any(String),
        }),
      );
      expect(
        alternative.venueId === WALIKHANOV_SQUARE &&
          alternative.startsAt === new Date(slot.startsAt).toISOString(),
      ).toBe(false);
    }
    const [count] = await db.query(
      `SELECT count(*)::int AS n FROM booking WHERE venue_id = $1 AND active AND during && tstzrange($2, $3)`,
      [WALIKHANOV_SQUARE, slot.startsAt, slot.endsAt],
    );
    expect(count.n).toBe(1);
    // An alternative offered is really free: taking it succeeds.
    const place = conflict.alternatives.find((a: any) => a.venueId !== WALIKHANOV_SQUARE);
    const taken = await file(
      filingBody({
        venueId: place.venueId,
        startsAt: place.startsAt,
        endsAt: place.endsAt,
        expectedParticipants: 100,
      }),
    );
    expect(taken.status).toBe(201);
  });

  it.each([
    ['meeting', GANDHI_PARK, 'notification', 3, '2026-12-04'],
    ['picket', GANDHI_PARK, 'notification', 3, '2026-12-04'],
    ['demonstration', SHEVCHENKO_ROUTE, 'application', 7, '2026-12-10'],
    ['procession', SHEVCHENKO_ROUTE, 'application', 7, '2026-12-10'],
  ])(
    'registers a %s at its kind of venue with its procedure',
    async (form, venueId, procedure, days, answerDueBy) => {
      const hour = { meeting: 10, picket: 11, demonstration: 12, procession: 14 }[form as string]!;
      const { status, body } = await file(
        filingBody({
          ...hourSlot('2026-12-29', hour),
          form,
          venueId,
          expectedParticipants: form === 'picket' ? 1 : 300,
          ...(form === 'picket' ? { regulations: undefined } : {}),
        }),
      );
      expect(status).toBe(201);
      expect(body).toMatchObject({ form, procedure, deadlines: { answerDueBy } });
      expect(body.deadlines.deemedApprovedAt === null).toBe(procedure === 'application');
      const detail = await get(api.baseUrl, `/api/v1/filings/${body.id}`, organizer);
      expect(detail.body.venueId).toBe(venueId);
      expect(days).toBe(procedure === 'application' ? 7 : 3);
    },
  );

  it('answers an idempotent retry with the first response and creates one filing', async () => {
    const body = filingBody({
      ...hourSlot('2026-12-17', 10),
      venueId: SARY_ARKA_SQUARE,
      expectedParticipants: 50,
      purpose: 'Idempotent rally',
    });
    const signed = signBody(body, PEOPLE.organizer);
    const key = `retry-${Date.now()}`;
    const burst = await Promise.all(
      Array.from({ length: 5 }, () =>
        post(api.baseUrl, '/api/v1/filings', organizer, signed, { 'idempotency-key': key }),
      ),
    );
    const created = burst.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(
      burst.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'idempotency_in_flight')),
    ).toBe(true);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    const retry = await post(api.baseUrl, '/api/v1/filings', organizer, signed, { 'idempotency-key': key });
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(created[0].body.id);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const [n] = await db.query(`SELECT count(*)::int AS n FROM filing WHERE purpose = 'Idempotent rally'`);
    expect(n.n).toBe(1);
    const other = await post(
      api.baseUrl,
      '/api/v1/filings',
      organizer,
      signBody({ ...body, purpose: 'Another body' }, PEOPLE.organizer),
      {
        'idempotency-key': key,
      },
    );
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
    // The key belongs to its user: another person may use the same key for their own request.
    const theirs = await post(
      api.baseUrl,
      '/api/v1/filings',
      stranger,
      signBody(
        filingBody({
          ...hourSlot('2026-12-17', 12),
          venueId: SARY_ARKA_SQUARE,
          expectedParticipants: 10,
          organizer: { ...body.organizer, iin: strangerPerson.iin, fullName: strangerPerson.fullName },
        }),
        strangerPerson,
      ),
      { 'idempotency-key': key },
    );
    expect(theirs.status).toBe(201);
  });

  describe('refuses a filing with the code of API.md', () => {
    const day = '2026-12-22';
    it.each([
      ['filing_late', { ...hourSlot('2026-12-04', 10) }],
      ['outside_daily_window', { startsAt: `${day}T19:00:00+05:00`, endsAt: `${day}T21:00:00+05:00` }],
      ['outside_daily_window', { startsAt: `${day}T08:30:00+05:00`, endsAt: `${day}T10:00:00+05:00` }],
      ['over_capacity', { ...hourSlot(day, 10), expectedParticipants: 5000 }],
      ['venue_kind_mismatch', { ...hourSlot(day, 10), venueId: SHEVCHENKO_ROUTE }],
      ['venue_kind_mismatch', { ...hourSlot(day, 10), form: 'procession', venueId: GANDHI_PARK }],
    ])('%s', async (code, overrides) => {
      const { status, body } = await file(filingBody(overrides as Record<string, unknown>));
      expect(status).toBe(422);
      expect(body.code).toBe(code);
      if (code === 'filing_late') expect(body.fileBy).toBe('2026-11-27');
    });

    it('organizer_ineligible for an invalid IIN on a paper filing', async () => {
      const paper = {
        ...filingBody({
          ...hourSlot(day, 10),
          organizer: { ...filingBody().organizer, iin: '880808300005' },
        }),
        channel: 'paper',
        registeredAt: '2026-12-01T09:00:00+05:00',
      };
      const { status, body } = await post(api.baseUrl, '/api/v1/filings', officer, paper);
      expect(status).toBe(422);
      expect(body.code).toBe('organizer_ineligible');
    });

    it('organizer_ineligible for an organizer under 18 on the assembly day', async () => {
      const minor = { iin: makeValidIin('2009-01-10', 'male', 5), fullName: 'YOUNG ALIKHAN' };
      const session = await signIn(api.baseUrl, minor);
      const { status, body } = await file(
        filingBody({
          ...hourSlot(day, 11),
          organizer: { ...filingBody().organizer, iin: minor.iin, fullName: minor.fullName },
        }),
        session,
      );
      expect(status).toBe(422);
      expect(body.code).toBe('organizer_ineligible');
    });

    it('venue_inactive for a place closed before the day', async () => {
      const [venue] = await db.query(
        `INSERT INTO venue (jurisdiction_kato, name, kind, geometry, max_occupancy, decision_ref, active_from, active_to)
         VALUES ('750000000', 'Closed square', 'place', ST_SetSRID(ST_MakePoint(76.95, 43.25), 4326), 100, 'test', '2020-01-01', '2026-12-10') RETURNING id`,
      );
      const { status, body } = await file(
        filingBody({ ...hourSlot(day, 10), venueId: venue.id, expectedParticipants: 10 }),
      );
      expect(status).toBe(422);
      expect(body.code).toBe('venue_inactive');
    });

    it('restricted_zone for a picket by the railway station, and picket_limit for a second picket at the same object', async () => {
      const picket = (overrides: Record<string, unknown>) =>
        filingBody({
          form: 'picket',
          expectedParticipants: 1,
          venueId: undefined,
          regulations: undefined,
          ...overrides,
        });
      const banned = await file(
        picket({
          ...hourSlot(day, 10),
          location: { type: 'Point', coordinates: [76.9377, 43.2711] },
          object: 'Almaty-2 station',
        }),
      );
      expect(banned.status).toBe(422);
      expect(banned.body.code).toBe('restricted_zone');
      const akimat = {
        location: { type: 'Point', coordinates: [76.9453, 43.2383] },
        object: 'Akimat of Almaty',
      };
      const first = await file(picket({ ...hourSlot(day, 10), ...akimat }));
      expect(first.status).toBe(201);
      const same = await file(
        picket({
          ...hourSlot(day, 10),
          ...akimat,
          location: { type: 'Point', coordinates: [76.9454, 43.2384] },
        }),
        stranger,
      );
      expect(same.status).toBe(403); // stranger signs for the demo organizer: not theirs
      const second = await file(
        signBody(
          picket({
            ...hourSlot(day, 10),
            ...akimat,
            organizer: {
              ...filingBody().organizer,
              iin: strangerPerson.iin,
              fullName: strangerPerson.fullName,
            },
          }),
          strangerPerson,
        ),
        stranger,
      );
      expect(second.status).toBe(422);
      expect(second.body.code).toBe('picket_limit');
      const third = await file(picket({ ...hourSlot(day, 12, 2), ...akimat }));
      expect(third.status).toBe(422); // 1 h already that day + 2 h > 2 hours a day
      expect(third.body.code).toBe('picket_limit');
      const ok = await file(picket({ ...hourSlot(day, 12), ...akimat }));
      expect(ok.status).toBe(201);
    });

    it('a picket of several people is refused field by field', async () => {
      const { status, body } = await file(
        filingBody({ ...hourSlot(day, 15), form: 'picket', expectedParticipants: 3 }),
      );
      expect(status).toBe(400);
      expect(body.errors[0].field).toBe('expectedParticipants');
    });

    it('400 validation_failed lists every bad field; 401 without a token; 403 signature_mismatch when the body was changed', async () => {
      const { status, body } = await file({ form: 'parade', startsAt: 'tomorrow', organizer: { iin: '12' } });
      expect(status).toBe(400);
      expect(body.code).toBe('validation_failed');
      const fields = body.errors.map((e: any) => e.field);
      expect(fields).toEqual(
        expect.arrayContaining(['form', 'startsAt', 'jurisdiction', 'organizer.iin', 'personalDataConsent']),
      );
      const anonymous = await post(
        api.baseUrl,
        '/api/v1/filings',
        undefined,
        signBody(filingBody(hourSlot(day, 16)), PEOPLE.organizer),
      );
      expect(anonymous.status).toBe(401);
      const signed = signBody(filingBody(hourSlot(day, 16)), PEOPLE.organizer);
      const tampered = await post(api.baseUrl, '/api/v1/filings', organizer, {
        ...signed,
        expectedParticipants: 499,
      });
      expect(tampered.status).toBe(403);
      expect(tampered.body.code).toBe('digest_mismatch');
      const otherSigner = await post(
        api.baseUrl,
        '/api/v1/filings',
        organizer,
        signBody(filingBody(hourSlot(day, 16)), strangerPerson),
      );
      expect(otherSigner.status).toBe(403);
      expect(otherSigner.body.code).toBe('signature_mismatch');
    });
  });

  it('assigns the nearest free place when asked to, and says which', async () => {
    const slot = hourSlot('2026-12-18', 11);
    const near = { type: 'Point', coordinates: [76.95, 43.249] }; // by Walikhanov square
    const first = await file(filingBody({ ...slot, venueId: 'auto', near, expectedParticipants: 100 }));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ venueAssigned: true, venueId: WALIKHANOV_SQUARE });
    const second = await file(
      filingBody({ ...slot, venueId: 'auto', near, expectedParticipants: 100, purpose: 'second' }),
    );
    expect(second.status).toBe(201);
    expect(second.body.venueId).not.toBe(WALIKHANOV_SQUARE);
    const huge = await file(filingBody({ ...slot, venueId: 'auto', near, expectedParticipants: 900 }));
    expect(huge.status).toBe(409); // only Walikhanov square holds 900, and it is taken
    expect(huge.body.code).toBe('venue_unavailable');
    expect(huge.body.alternatives[0]).toMatchObject({ venueId: WALIKHANOV_SQUARE });
  });

  describe('answers', () => {
    const decide = (id: string, decision: Record<string, unknown>, session = officer) =>
      post(
        api.baseUrl,
        `/api/v1/filings/${id}/decision`,
        session,
        signBody(
          { deliveredVia: 'e_document', ...decision },
          { iin: session.iin, fullName: session.fullName },
        ),
      );

    it('approves once; a second answer is 409 not_pending; other jurisdictions and people see 404', async () => {
      const { body } = await file(filingBody(hourSlot('2026-12-21', 10)));
      expect((await decide(body.id, { outcome: 'approved' }, astanaOfficer)).status).toBe(404);
      expect((await get(api.baseUrl, `/api/v1/filings/${body.id}`, stranger)).status).toBe(404);
      expect((await get(api.baseUrl, `/api/v1/filings/${body.id}`, astanaOfficer)).status).toBe(404);
      expect((await get(api.baseUrl, `/api/v1/filings/${body.id}`, officer)).status).toBe(200);
      const approved = await decide(body.id, { outcome: 'approved' });
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('approved');
      const again = await decide(body.id, {
        outcome: 'refused',
        grounds: ['threat_to_security_or_rights'],
        reason: 'x',
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('not_pending');
      const mine = await get(api.baseUrl, `/api/v1/filings/${body.id}`, organizer);
      expect(mine.body.status).toBe('approved');
      expect(mine.body.agitationAllowedFrom).toBeTruthy();
    });

    it('refuses only with a ground and written reasons, and frees the slot', async () => {
      const slot = hourSlot('2026-12-21', 12);
      const { body } = await file(filingBody(slot));
      const noGround = await decide(body.id, { outcome: 'refused', reason: 'No reason given in law' });
      expect(noGround.status).toBe(422);
      expect(noGround.body.code).toBe('ground_required');
      const noReason = await decide(body.id, { outcome: 'refused', grounds: ['late_filing'] });
      expect(noReason.status).toBe(422);
      expect(noReason.body.code).toBe('reason_required');
      const occupied = await decide(body.id, {
        outcome: 'refused',
        grounds: ['venue_occupied_or_works'],
        reason: 'Works at the park',
      });
      expect(occupied.status).toBe(422);
      expect(occupied.body.code).toBe('prior_proposal_required');
      const refused = await decide(body.id, {
        outcome: 'refused',
        grounds: ['over_capacity'],
        reason: 'The park holds fewer people.',
      });
      expect(refused.status).toBe(200);
      expect(refused.body.status).toBe('refused');
      expect(refused.body.decision.grounds).toEqual(['over_capacity']);
      const retake = await file(filingBody({ ...slot, purpose: 'after a refusal' }));
      expect(retake.status).toBe(201);
    });

    it('proposes a change; the organizer accepts and the booking moves atomically; the akimat may not refuse then', async () => {
      const slot = hourSlot('2026-12-23', 10);
      const { body } = await file(filingBody(slot));
      const newSlot = hourSlot('2026-12-23', 15);
      const proposed = await decide(body.id, {
        outcome: 'change_proposed',
        reason: 'Road works at Zharokov street that morning',
        proposal: { venueId: SARY_ARKA_SQUARE, ...newSlot },
      });
      expect(proposed.status).toBe(200);
      expect(proposed.body.status).toBe('change_proposed');
      expect(proposed.body.proposal.replyDeadline).toBe('2026-12-02T19:00:00.000Z');
      expect(
        (await post(api.baseUrl, `/api/v1/filings/${body.id}/proposal/accept`, stranger, {})).status,
      ).toBe(404);
      const accepted = await post(api.baseUrl, `/api/v1/filings/${body.id}/proposal/accept`, organizer, {});
      expect(accepted.status).toBe(200);
      // Art. 15: agitation may start once the organizer accepted the proposal
      expect(Date.parse(accepted.body.agitationAllowedFrom)).toBe(
        Date.parse(accepted.body.proposal.repliedAt),
      );
      expect(accepted.body).toMatchObject({
        status: 'approved',
        venueId: SARY_ARKA_SQUARE,
        startsAt: '2026-12-23T15:00:00+05:00',
      });
      const bookings = await db.query(
        `SELECT venue_id, active FROM booking WHERE filing_id = $1 ORDER BY active`,
        [body.id],
      );
      expect(bookings).toEqual([
        { venue_id: GANDHI_PARK, active: false },
        { venue_id: SARY_ARKA_SQUARE, active: true },
      ]);
      const refuse = await decide(body.id, {
        outcome: 'refused',
        grounds: ['threat_to_security_or_rights'],
        reason: 'x',
      });
      expect(refuse.status).toBe(409);
      const oldSlot = await file(filingBody({ ...slot, purpose: 'the freed slot' }));
      expect(oldSlot.status).toBe(201);
    });

    it('after a declined proposal the akimat may refuse for the place being taken', async () => {
      const { body } = await file(filingBody(hourSlot('2026-12-23', 12)));
      await decide(body.id, {
        outcome: 'change_proposed',
        reason: 'A concert is planned',
        proposal: { venueId: SARY_ARKA_SQUARE, ...hourSlot('2026-12-23', 17) },
      });
      const early = await decide(body.id, {
        outcome: 'refused',
        grounds: ['venue_occupied_or_works'],
        reason: 'A concert',
      });
      expect(early.status).toBe(422);
      expect(early.body.code).toBe('proposal_reply_pending');
      const declined = await post(api.baseUrl, `/api/v1/filings/${body.id}/proposal/decline`, organizer, {
        reason: 'We need the park',
      });
      expect(declined.status).toBe(200);
      const refused = await decide(body.id, {
        outcome: 'refused',
        grounds: ['venue_occupied_or_works'],
        reason: 'A concert is planned there.',
      });
      expect(refused.status).toBe(200);
      expect(refused.body.status).toBe('refused');
    });

    it('the organizer withdraws and the slot is free again', async () => {
      const slot = hourSlot('2026-12-24', 10);
      const { body } = await file(filingBody(slot));
      expect((await post(api.baseUrl, `/api/v1/filings/${body.id}/withdraw`, stranger, {})).status).toBe(404);
      const withdrawn = await post(api.baseUrl, `/api/v1/filings/${body.id}/withdraw`, organizer, {
        reason: 'Plans changed',
      });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.status).toBe('withdrawn');
      expect((await file(filingBody({ ...slot, purpose: 'next' }))).status).toBe(201);
    });

    it('registers a paper filing received earlier, judged by its time of receipt', async () => {
      const paper = {
        ...filingBody({ ...hourSlot('2026-12-08', 10), venueId: GANDHI_PARK }),
        channel: 'paper',
        registeredAt: '2026-11-30T17:30:00+05:00',
      };
      delete (paper as any).signature;
      const byOrganizer = await post(api.baseUrl, '/api/v1/filings', organizer, paper);
      expect(byOrganizer.status).toBe(403);
      const registered = await post(api.baseUrl, '/api/v1/filings', officer, paper);
      expect(registered.status).toBe(201);
      expect(registered.body.registrationDate).toBe('2026-11-30');
      expect(registered.body.deadlines.answerDueBy).toBe('2026-12-03');
      const mine = await get(api.baseUrl, `/api/v1/filings/${registered.body.id}`, organizer);
      expect(mine.status).toBe(200);
      expect(mine.body.channel).toBe('paper');
    });

    it("lists the officer's queue soonest deadline first, with time left, and counts answers", async () => {
      const { status, body } = await get(api.baseUrl, '/api/v1/filings?status=submitted', officer);
      expect(status).toBe(200);
      expect(body.length).toBeGreaterThan(2);
      const deadlines = body.map((f: any) => Date.parse(f.deadlines.answerDeadline));
      expect([...deadlines].sort((a, b) => a - b)).toEqual(deadlines);
      expect(body.every((f: any) => f.jurisdiction.startsWith('75') && f.timeLeftSeconds >= 0)).toBe(true);
      // time left counts down to the answer deadline from the system clock (other suites' filings
      // may already be past it by this suite's clock, and show 0)
      const clock = Date.parse(CLOCK_START);
      for (const f of body) {
        const left = (Date.parse(f.deadlines.answerDeadline) - clock) / 1000;
        expect(f.timeLeftSeconds).toBeLessThanOrEqual(Math.max(0, Math.ceil(left)));
        expect(f.timeLeftSeconds).toBeGreaterThanOrEqual(Math.max(0, Math.floor(left) - 600));
      }
      const astana = await get(api.baseUrl, '/api/v1/filings?status=submitted', astanaOfficer);
      expect(astana.body).toEqual([]);
      const mine = await get(api.baseUrl, '/api/v1/filings', stranger);
      expect(mine.body.every((f: any) => f.organizer.iin === strangerPerson.iin)).toBe(true);
      const stats = await get(api.baseUrl, '/api/v1/filings/queue-stats', officer);
      expect(stats.body.pending).toBeGreaterThan(0);
      expect(stats.body.answeredOnTime).toBeGreaterThanOrEqual(3);
    });
  });

  it('keeps an intact audit chain for the jurisdiction', async () => {
    const chain = await verifyAuditChain(db.manager, '750000000');
    expect(chain.valid).toBe(true);
    expect(chain.rows).toBeGreaterThan(10);
    await db.query(`UPDATE audit_log SET reason = 'tampered' WHERE chain = '750000000' AND seq = 2`);
    const broken = await verifyAuditChain(db.manager, '750000000');
    expect(broken).toMatchObject({ valid: false, firstBrokenSeq: '2' });
    await db.query(`UPDATE audit_log SET reason = NULL WHERE chain = '750000000' AND seq = 2`);
    expect((await verifyAuditChain(db.manager, '750000000')).valid).toBe(true);
  });
});
