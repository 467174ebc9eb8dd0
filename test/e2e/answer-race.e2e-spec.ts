import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource } from '@jiyn/persistence';
import { createPrivateDatabase, PrivateDatabase } from '../chaos/harness';
import { DeadlineDecider } from '../../apps/worker/src/deadlines/deadline-decider';
import { PEOPLE, post, Session, signBody, signIn } from '../support/auth';
import { RunningApi, startApi, startWorker } from '../support/test-app';

/**
 * An officer's answer racing the deemed-approval decision, 1,000 times: each filing must end in
 * exactly one terminal state with exactly one audit transition, and the loser must be told so.
 * The api's clock stands before the deadline and the worker's after it, so each side believes it
 * may act; only the database's conditional updates decide.
 */
const RACES = 1000;
const DEADLINE = new Date('2027-02-10T00:00:00+05:00');

describe('an answer against deemed approval', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  let officer: Session;
  let privateDb: PrivateDatabase | undefined;
  const prefix = `RACE-${Date.now().toString(36)}`;

  beforeAll(async () => {
    // A database of its own: a worker whose clock stands in 2027 would decide every other suite's filings.
    privateDb = await createPrivateDatabase('race');
    const own = { DATABASE_URL: privateDb.url, REDIS_PREFIX: `${process.env.REDIS_PREFIX}:race` };
    api = await startApi({ ...own, CLOCK_START: new Date(DEADLINE.getTime() - 3_600_000).toISOString() });
    worker = await startWorker({
      ...own,
      CLOCK_START: new Date(DEADLINE.getTime() + 60_000).toISOString(),
      SWEEP_INTERVAL_MS: '3600000',
    });
    db = createDataSource({ databaseUrl: own.DATABASE_URL });
    await db.initialize();
    officer = await signIn(api.baseUrl, PEOPLE.almatyOfficer);
    // Filed on paper before the worker could see them: no outbox event, no delayed job.
    await db.query(
      `INSERT INTO filing (number, jurisdiction_kato, form, procedure, status, channel, policy_id, organizer_iin, organizer, purpose,
         starts_at, ends_at, assembly_date, location, object, expected_participants, equipment, financing, personal_data_consent,
         registered_at, registered_by, registration_date, file_by, answer_due_by, answer_deadline, created_at, updated_at)
       SELECT $1 || '-' || lpad(i::text, 6, '0'), '750000000', 'picket', 'notification', 'submitted', 'paper', 'KZ-2020', $2::varchar,
         jsonb_build_object('iin', $2::text, 'fullName', 'ERMEKOV TIMUR', 'email', 'timur@example.kz', 'phone', '+77011234567'),
         'race ' || i, $3::timestamptz + (i || ' minutes')::interval, $3::timestamptz + (i || ' minutes')::interval + interval '1 hour', '2027-02-20',
         ST_SetSRID(ST_MakePoint(76.9 + i * 0.0001, 43.2), 4326), 'object ' || i, 1, '{}'::jsonb, 'own', true,
         '2027-02-04T10:00:00+05:00', $4::varchar, '2027-02-04', '2027-02-12', '2027-02-09', $5, now(), now()
       FROM generate_series(1, $6) AS i`,
      [prefix, PEOPLE.organizer.iin, '2027-02-20T09:00:00+05:00', PEOPLE.almatyOfficer.iin, DEADLINE, RACES],
    );
  });
  afterAll(async () => {
    await api.close();
    await worker.close();
    await db.destroy();
    await privateDb?.drop();
  });

  it(`ends each of ${RACES} races with exactly one winner`, async () => {
    const decider = worker.get(DeadlineDecider);
    const ids: string[] = (
      await db.query(`SELECT id FROM filing WHERE number LIKE $1 ORDER BY number`, [`${prefix}-%`])
    ).map((r: any) => r.id);
    expect(ids).toHaveLength(RACES);
    const answers = new Map<string, number>();
    const deemed = new Set<string>();
    const body = signBody({ outcome: 'approved', deliveredVia: 'e_document' }, PEOPLE.almatyOfficer);
    const concurrency = 16;
    let next = 0;
    // An answer travels over HTTP and is verified before it reaches the database; the decider is
    // called in-process, so started together it tends to win. Half of the races start it at once,
    // half after a random part of the answer's usual round trip (which favours the answer), so that
    // each side wins a share of the races on a fast machine or a loaded one.
    let roundTripMs = 20;
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < ids.length) {
          const race = next++;
          const id = ids[race];
          const started = Date.now();
          const delay = race % 2 === 0 ? 0 : Math.random() * 1.5 * roundTripMs;
          const [answer, decided] = await Promise.all([
            post(api.baseUrl, `/api/v1/filings/${id}/decision`, officer, body).then((r) => {
              roundTripMs = 0.9 * roundTripMs + 0.1 * (Date.now() - started);
              return r;
            }),
            sleep(delay).then(() => decider.decideOne(id)),
          ]);
          answers.set(id, answer.status);
          if (answer.status !== 200) expect(answer.body.code).toBe('not_pending');
          if (decided) deemed.add(id);
        }
      }),
    );
    const rows: { id: string; status: string; transitions: number }[] = await db.query(
      `SELECT f.id, f.status, (SELECT count(*)::int FROM audit_log a WHERE a.entity_id = f.id::text
          AND a.action IN ('filing.approved', 'filing.deemed_approved')) AS transitions
       FROM filing f WHERE f.number LIKE $1`,
      [`${prefix}-%`],
    );
    for (const row of rows) {
      expect(row.transitions).toBe(1);
      if (row.status === 'approved') {
        expect(answers.get(row.id)).toBe(200);
        expect(deemed.has(row.id)).toBe(false);
      } else {
        expect(row.status).toBe('deemed_approved');
        expect(answers.get(row.id)).toBe(409);
        expect(deemed.has(row.id)).toBe(true);
      }
    }
    const outcome = {
      approved: rows.filter((r) => r.status === 'approved').length,
      deemed: rows.filter((r) => r.status === 'deemed_approved').length,
    };
    expect(outcome.approved + outcome.deemed).toBe(RACES);
    // Both sides must have won some races, or this did not test a race at all.
    expect(outcome.approved).toBeGreaterThan(0);
    expect(outcome.deemed).toBeGreaterThan(0);
  }, 300_000);
});
