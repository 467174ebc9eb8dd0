import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { LegalPolicy, SLOT_HOLDING_STATUSES } from '@jiyn/domain';
import { problems } from '../common/problem';

/** Pickets closer than this to each other at the same object count as "the same place". */
export const SAME_PLACE_METRES = 50;

const normalizeObject = (object: string) => object.trim().toLowerCase().replace(/\s+/g, ' ');

/** The rules for a picket away from specialized places (Art. 9(5) and 9(6)). */
@Injectable()
export class PicketRules {
  constructor(private readonly dataSource: DataSource) {}

  /** No picket inside a no-picketing zone in force on the day. */
  async checkZones(coordinates: [number, number], assemblyDate: string): Promise<void> {
    const [lng, lat] = coordinates;
    if (!(lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90)) {
      throw problems.validation([
        {
          field: 'location.coordinates',
          code: 'out_of_range',
          message: 'coordinates are [longitude, latitude]',
        },
      ]);
    }
    const [zone] = await this.dataSource.query(
      `SELECT id, reason FROM restricted_zone
       WHERE ST_Intersects(geometry, ST_SetSRID(ST_MakePoint($1, $2), 4326))
         AND active_from <= $3::date AND (active_to IS NULL OR active_to >= $3::date) LIMIT 1`,
      [lng, lat, assemblyDate],
    );
    if (zone) {
      throw problems.unprocessable('restricted_zone', `Picketing is banned here: ${zone.reason}.`, {
        zoneId: zone.id,
      });
    }
  }

  /**
   * One picket per place, time and object, and at most the policy's minutes a day there. Runs in
   * the registering transaction under an advisory lock on the object, so two racing filings
   * cannot both pass.
   */
  async checkLimits(
    m: EntityManager,
    jurisdiction: string,
    object: string,
    coordinates: [number, number],
    startsAt: Date,
    endsAt: Date,
    assemblyDate: string,
    policy: LegalPolicy,
  ): Promise<void> {
    const key = normalizeObject(object);
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`picket:${jurisdiction}:${key}`]);
    const rows: { starts_at: Date; ends_at: Date }[] = await m.query(
      `SELECT starts_at, ends_at FROM filing
       WHERE jurisdiction_kato = $1 AND form = 'picket' AND location IS NOT NULL AND assembly_date = $2::date
         AND lower(regexp_replace(trim(object), '\\s+', ' ', 'g')) = $3
         AND status = ANY($4)
         AND ST_DWithin(location::geography, ST_SetSRID(ST_MakePoint($5, $6), 4326)::geography, $7)`,
      [
        jurisdiction,
        assemblyDate,
        key,
        SLOT_HOLDING_STATUSES,
        coordinates[0],
        coordinates[1],
        SAME_PLACE_METRES,
      ],
    );
    const overlapping = rows.some((r) => new Date(r.starts_at) < endsAt && new Date(r.ends_at) > startsAt);
    if (overlapping) {
      throw problems.unprocessable(
        'picket_limit',
        'Another picket stands at this place and object at that time (Art. 9(6)).',
      );
    }
    const minutes = rows.reduce(
      (sum, r) => sum + (new Date(r.ends_at).getTime() - new Date(r.starts_at).getTime()) / 60_000,
      0,
    );
    const wanted = (endsAt.getTime() - startsAt.getTime()) / 60_000;
    if (minutes + wanted > policy.picketMaxMinutesPerDayAtObject) {
      throw problems.unprocessable(
        'picket_limit',
        `Pickets at this place and object may last at most ${policy.picketMaxMinutesPerDayAtObject / 60} hours a day (Art. 9(6)).`,
        { minutesAlreadyBooked: minutes },
      );
    }
  }
}
