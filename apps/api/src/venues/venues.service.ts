import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '@jiyn/platform';
import type { VenueFeatureCollection } from '@jiyn/contracts';
import { localDateOf } from '@jiyn/domain';

@Injectable()
export class VenuesService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Active specialized places and routes (today, in Kazakhstan) as a GeoJSON FeatureCollection. */
  async activeVenues(jurisdiction?: string): Promise<VenueFeatureCollection> {
    const today = localDateOf(this.clock.now(), 'Asia/Almaty');
    const rows: any[] = await this.dataSource.query(
      `SELECT v.id, v.name, v.kind, v.max_occupancy, v.jurisdiction_kato, v.decision_ref,
              v.active_from::text AS active_from, v.active_to::text AS active_to,
              ST_AsGeoJSON(v.geometry, 6)::json AS geometry
       FROM venue v JOIN jurisdiction j ON j.kato = v.jurisdiction_kato
       WHERE v.active_from <= $1::date AND (v.active_to IS NULL OR v.active_to >= $1::date)
         AND ($2::text IS NULL OR v.jurisdiction_kato = $2 OR j.parent_kato = $2)
       ORDER BY v.jurisdiction_kato, v.kind, v.name`,
      [today, jurisdiction ?? null],
    );
    return {
      type: 'FeatureCollection',
      features: rows.map((r) => ({
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
      })),
    };
  }
}
