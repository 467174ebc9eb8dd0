import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '@jiyn/platform';
import type { VenueBookingsResponse, VenueFeature, VenueFeatureCollection } from '@jiyn/contracts';
import { formatInstant, localDateOf, localTimeOf } from '@jiyn/domain';
import { problems } from '../common/problem';
import { dateWindow } from '../register/dates';

const KZ_ZONE = 'Asia/Almaty';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The default window of GET /venues/{id}/bookings: today and the next 60 days. */
export const BOOKINGS_DEFAULT_DAYS = 60;
/** The longest window one request may ask for. */
export const BOOKINGS_MAX_DAYS = 366;

const VENUE_COLUMNS = `v.id, v.name, v.kind, v.max_occupancy, v.jurisdiction_kato, v.decision_ref,
  v.active_from::text AS active_from, v.active_to::text AS active_to,
  ST_AsGeoJSON(v.geometry, 6)::json AS geometry`;

const featureOf = (r: any): VenueFeature => ({
  type: 'Feature',
  id: r.id,
  geometry: r.geometry,
  properties: {
    id: r.id,
    name: r.name,
    kind: r.kind,
    maxOccupancy: r.max_occupancy,
    jurisdiction: r.jurisdiction_kato,
    decisionRef: r.decision_ref,
    activeFrom: r.active_from,
    activeTo: r.active_to,
  },
});

const hhmm = (instant: Date, tz: string) => {
  const t = localTimeOf(instant, tz);
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
};

@Injectable()
export class VenuesService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Active specialized places and routes (today, in Kazakhstan) as a GeoJSON FeatureCollection. */
  async activeVenues(jurisdiction?: string): Promise<VenueFeatureCollection> {
    const today = localDateOf(this.clock.now(), KZ_ZONE);
    const rows: any[] = await this.dataSource.query(
      `SELECT ${VENUE_COLUMNS}
       FROM venue v JOIN jurisdiction j ON j.kato = v.jurisdiction_kato
       WHERE v.active_from <= $1::date AND (v.active_to IS NULL OR v.active_to >= $1::date)
         AND ($2::text IS NULL OR v.jurisdiction_kato = $2 OR j.parent_kato = $2)
       ORDER BY v.jurisdiction_kato, v.kind, v.name`,
      [today, jurisdiction ?? null],
    );
    return { type: 'FeatureCollection', features: rows.map(featureOf) };
  }

  /** One venue, active or not, as a GeoJSON Feature; 404 when there is none. */
  async one(id: string): Promise<VenueFeature> {
    if (!UUID.test(id)) throw problems.notFound('venue');
    const [row] = await this.dataSource.query(`SELECT ${VENUE_COLUMNS} FROM venue v WHERE v.id = $1`, [id]);
    if (!row) throw problems.notFound('venue');
    return featureOf(row);
  }

  /**
   * What the akimat publishes per place (Art. 8(3)(10); Constitutional Court, 2025): the assemblies
   * that hold the venue in the window of assembly dates, with date, start, end, expected
   * participants and status. Active bookings only; no personal data.
   */
  async bookings(id: string, from?: string, to?: string): Promise<VenueBookingsResponse> {
    if (!UUID.test(id)) throw problems.notFound('venue');
    const [venue] = await this.dataSource.query(
      `SELECT id, name, kind, max_occupancy, jurisdiction_kato FROM venue WHERE id = $1`,
      [id],
    );
    if (!venue) throw problems.notFound('venue');
    const today = localDateOf(this.clock.now(), KZ_ZONE);
    const window = dateWindow(from, to, { from: today, toDays: BOOKINGS_DEFAULT_DAYS }, BOOKINGS_MAX_DAYS);
    const rows: any[] = await this.dataSource.query(
      `SELECT f.id AS filing_id, f.number, f.form, f.status, f.expected_participants,
              lower(b.during) AS starts_at, upper(b.during) AS ends_at, j.time_zone
       FROM booking b
       JOIN filing f ON f.id = b.filing_id
       JOIN jurisdiction j ON j.kato = f.jurisdiction_kato
       WHERE b.venue_id = $1 AND b.active
         AND (lower(b.during) AT TIME ZONE j.time_zone)::date BETWEEN $2::date AND $3::date
       ORDER BY lower(b.during), b.id`,
      [id, window.from, window.to],
    );
    return {
      venue: {
        id: venue.id,
        name: venue.name,
        kind: venue.kind,
        maxOccupancy: venue.max_occupancy,
        jurisdiction: venue.jurisdiction_kato,
      },
      from: window.from!,
      to: window.to!,
      bookings: rows.map((r) => {
        const tz = r.time_zone ?? KZ_ZONE;
        const startsAt = new Date(r.starts_at);
        const endsAt = new Date(r.ends_at);
        return {
          date: localDateOf(startsAt, tz),
          start: hhmm(startsAt, tz),
          end: hhmm(endsAt, tz),
          startsAt: formatInstant(startsAt, tz),
          endsAt: formatInstant(endsAt, tz),
          expectedParticipants: r.expected_participants,
          status: r.status,
          form: r.form,
          number: r.number,
          filingId: r.filing_id,
        };
      }),
    };
  }
}
