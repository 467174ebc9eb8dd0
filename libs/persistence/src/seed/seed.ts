import { DataSource } from 'typeorm';
import { JURISDICTIONS } from './jurisdictions';
import { DEMO_STAFF, RESTRICTED_ZONES, VENUES } from './venues';

/** Reference data every installation needs: the jurisdictions. Idempotent. */
export async function seedJurisdictions(ds: DataSource): Promise<number> {
  // Parents first, so that the foreign key holds.
  const ordered = [...JURISDICTIONS].sort(
    (a, b) => Number(a.parentKato !== null) - Number(b.parentKato !== null),
  );
  for (const j of ordered) {
    await ds.query(
      `INSERT INTO jurisdiction (kato, parent_kato, kind, name_kk, name_ru, name_en, time_zone, number_prefix)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (kato) DO UPDATE SET parent_kato = EXCLUDED.parent_kato, kind = EXCLUDED.kind,
         name_kk = EXCLUDED.name_kk, name_ru = EXCLUDED.name_ru, name_en = EXCLUDED.name_en,
         time_zone = EXCLUDED.time_zone, number_prefix = EXCLUDED.number_prefix`,
      [j.kato, j.parentKato, j.kind, j.name.kk, j.name.ru, j.name.en, j.timeZone, j.numberPrefix],
    );
  }
  return ordered.length;
}

/** Demo venues, a no-picketing zone and staff accounts. Idempotent; never removes anything. */
export async function seedDemoData(
  ds: DataSource,
): Promise<{ venues: number; zones: number; staff: number }> {
  await seedJurisdictions(ds);
  for (const v of VENUES) {
    await ds.query(
      `INSERT INTO venue (id, jurisdiction_kato, name, kind, geometry, max_occupancy, decision_ref, active_from)
       VALUES ($1, $2, $3, $4, ST_SetSRID(ST_GeomFromGeoJSON($5), 4326), $6, $7, DATE '2020-06-06')
       ON CONFLICT (id) DO NOTHING`,
      [v.id, v.jurisdictionKato, v.name, v.kind, JSON.stringify(v.geometry), v.maxOccupancy, v.decisionRef],
    );
  }
  for (const z of RESTRICTED_ZONES) {
    await ds.query(
      `INSERT INTO restricted_zone (id, jurisdiction_kato, geometry, reason, decision_ref, active_from)
       VALUES ($1, $2, ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint($3, $4), 4326)::geography, $5)::geometry), $6, $7, DATE '2024-01-01')
       ON CONFLICT (id) DO NOTHING`,
      [z.id, z.jurisdictionKato, z.center.lng, z.center.lat, z.radiusMeters, z.reason, z.decisionRef],
    );
  }
  for (const s of DEMO_STAFF) {
    await ds.query(
      `INSERT INTO staff_member (iin, full_name, role, jurisdiction_kato, created_by)
       SELECT $1::varchar, $2::text, $3::varchar, $4::varchar, 'seed'
       WHERE NOT EXISTS (SELECT 1 FROM staff_member WHERE iin = $1::varchar AND role = $3::varchar
         AND jurisdiction_kato IS NOT DISTINCT FROM $4::varchar AND removed_at IS NULL)`,
      [s.iin, s.fullName, s.role, s.jurisdictionKato],
    );
  }
  for (const s of DEMO_STAFF) {
    await ds.query(
      `INSERT INTO staff_contact (iin, email, locale, updated_at) VALUES ($1, $2, $3, now()) ON CONFLICT (iin) DO NOTHING`,
      [s.iin, s.email, s.locale],
    );
  }
  return { venues: VENUES.length, zones: RESTRICTED_ZONES.length, staff: DEMO_STAFF.length };
}
