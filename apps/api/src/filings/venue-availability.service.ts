import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { instantOfLocal, LegalPolicy, localDateOf, addDays, parseClockTime } from '@jiyn/domain';

export interface VenueRow {
  id: string;
  jurisdictionKato: string;
  name: string;
  kind: 'place' | 'route';
  maxOccupancy: number;
  activeFrom: string;
  activeTo: string | null;
}

export interface Slot {
  venueId: string;
  venueName?: string;
  startsAt: string;
  endsAt: string;
}

const venueOf = (r: any): VenueRow => ({
  id: r.id,
  jurisdictionKato: r.jurisdiction_kato,
  name: r.name,
  kind: r.kind,
  maxOccupancy: r.max_occupancy,
  activeFrom: r.active_from,
  activeTo: r.active_to,
});

const VENUE_COLUMNS = `id, jurisdiction_kato, name, kind, max_occupancy, active_from::text AS active_from, active_to::text AS active_to`;

/** Where and when a specialized place or route is free; the database's EXCLUDE constraint has the last word. */
@Injectable()
export class VenueAvailabilityService {
  constructor(private readonly dataSource: DataSource) {}

  async venue(id: string, manager: EntityManager = this.dataSource.manager): Promise<VenueRow | undefined> {
    const [row] = await manager.query(`SELECT ${VENUE_COLUMNS} FROM venue WHERE id = $1`, [id]);
    return row ? venueOf(row) : undefined;
  }

  async isFree(venueId: string, startsAt: Date, endsAt: Date, exceptFilingId?: string): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `SELECT NOT EXISTS (SELECT 1 FROM booking WHERE venue_id = $1 AND active AND during && tstzrange($2, $3, '[)')
         AND ($4::uuid IS NULL OR filing_id <> $4)) AS free`,
      [venueId, startsAt, endsAt, exceptFilingId ?? null],
    );
    return row.free === true;
  }

  /**
   * The nearest active venue of the kind, in the jurisdictions, large enough and free at that
   * time: nearest to `near`, else to the first venue of the jurisdiction.
   */
  async nearestFree(input: {
    jurisdictions: string[];
    kind: 'place' | 'route';
    participants: number;
    startsAt: Date;
    endsAt: Date;
    near?: [number, number];
    exceptVenueId?: string;
    limit: number;
  }): Promise<VenueRow[]> {
    const day = localDateOf(input.startsAt, 'Asia/Almaty');
    const rows = await this.dataSource.query(
      `SELECT ${VENUE_COLUMNS} FROM venue v
       WHERE v.jurisdiction_kato = ANY($1) AND v.kind = $2 AND v.max_occupancy >= $3
         AND v.active_from <= $4::date AND (v.active_to IS NULL OR v.active_to >= $4::date)
         AND ($8::uuid IS NULL OR v.id <> $8)
         AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.venue_id = v.id AND b.active AND b.during && tstzrange($5, $6, '[)'))
       ORDER BY CASE WHEN $7::text IS NULL THEN 0 ELSE ST_Distance(v.geometry::geography, ST_SetSRID(ST_GeomFromGeoJSON($7), 4326)::geography) END,
                v.name
       LIMIT $9`,
      [
        input.jurisdictions,
        input.kind,
        input.participants,
        day,
        input.startsAt,
        input.endsAt,
        input.near ? JSON.stringify({ type: 'Point', coordinates: input.near }) : null,
        input.exceptVenueId ?? null,
        input.limit,
      ],
    );
    return rows.map(venueOf);
  }

  async centroidOf(venueId: string): Promise<[number, number] | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT ST_X(c) AS lng, ST_Y(c) AS lat FROM (SELECT ST_PointOnSurface(geometry) AS c FROM venue WHERE id = $1) s`,
      [venueId],
    );
    return row ? [Number(row.lng), Number(row.lat)] : undefined;
  }

  /**
   * Real alternatives to a taken slot: the nearest free places (or routes) for the same time, and
   * the nearest free times of the same length at the same venue within the daily window, that day
   * and the following days.
   */
  async alternatives(input: {
    venue: VenueRow;
    jurisdictions: string[];
    participants: number;
    startsAt: Date;
    endsAt: Date;
    timeZone: string;
    policy: LegalPolicy;
    exceptFilingId?: string;
  }): Promise<Slot[]> {
    const near = await this.centroidOf(input.venue.id);
    const places = await this.nearestFree({
      jurisdictions: input.jurisdictions,
      kind: input.venue.kind,
      participants: input.participants,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      near,
      exceptVenueId: input.venue.id,
      limit: 3,
    });
    const slots: Slot[] = places.map((v) => ({
      venueId: v.id,
      venueName: v.name,
      startsAt: input.startsAt.toISOString(),
      endsAt: input.endsAt.toISOString(),
    }));
    const times = await this.freeTimesAt(
      input.venue,
      input.startsAt,
      input.endsAt,
      input.timeZone,
      input.policy,
      3,
      input.exceptFilingId,
    );
    return [...slots, ...times.map((t) => ({ venueId: input.venue.id, venueName: input.venue.name, ...t }))];
  }

  /** Free slots of the same length at one venue, nearest in time first (30-minute steps). */
  async freeTimesAt(
    venue: VenueRow,
    startsAt: Date,
    endsAt: Date,
    timeZone: string,
    policy: LegalPolicy,
    limit: number,
    exceptFilingId?: string,
  ): Promise<{ startsAt: string; endsAt: string }[]> {
    const duration = endsAt.getTime() - startsAt.getTime();
    const step = 30 * 60_000;
    const day = localDateOf(startsAt, timeZone);
    const windowStart = parseClockTime(policy.dailyWindow.start);
    const windowEnd = parseClockTime(policy.dailyWindow.end);
    const candidates: Date[] = [];
    for (let offset = 0; offset <= 7; offset++) {
      const date = addDays(day, offset);
      const open = instantOfLocal(date, Math.floor(windowStart / 60), windowStart % 60, timeZone).getTime();
      const close = instantOfLocal(date, Math.floor(windowEnd / 60), windowEnd % 60, timeZone).getTime();
      for (let t = open; t + duration <= close; t += step) {
        if (t !== startsAt.getTime()) candidates.push(new Date(t));
      }
    }
    candidates.sort(
      (a, b) => Math.abs(a.getTime() - startsAt.getTime()) - Math.abs(b.getTime() - startsAt.getTime()),
    );
    const busy: { lower: Date; upper: Date }[] = (
      await this.dataSource.query(
        `SELECT lower(during) AS lower, upper(during) AS upper FROM booking
         WHERE venue_id = $1 AND active AND during && tstzrange($2, $3) AND ($4::uuid IS NULL OR filing_id <> $4)`,
        [
          venue.id,
          new Date(startsAt.getTime() - 24 * 3_600_000),
          new Date(startsAt.getTime() + 9 * 24 * 3_600_000),
          exceptFilingId ?? null,
        ],
      )
    ).map((r: any) => ({ lower: new Date(r.lower), upper: new Date(r.upper) }));
    const out: { startsAt: string; endsAt: string }[] = [];
    for (const start of candidates) {
      const end = new Date(start.getTime() + duration);
      if (busy.every((b) => end <= b.lower || start >= b.upper)) {
        out.push({ startsAt: start.toISOString(), endsAt: end.toISOString() });
        if (out.length === limit) break;
      }
    }
    return out;
  }
}
