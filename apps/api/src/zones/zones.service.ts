import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RestrictedZoneFeature, RestrictedZoneFeatureCollection } from '@jiyn/contracts';
import { localDateOf } from '@jiyn/domain';
import { appendAudit } from '@jiyn/persistence';
import { CLOCK, Clock } from '@jiyn/platform';
import { holdsRoleIn, type AuthUser } from '../auth/auth.types';
import { problems } from '../common/problem';
import { JurisdictionsService } from '../legal/jurisdictions.service';
import { checkGeometry } from '../venues/geometry';
import { CreateZoneBody } from './zone.dto';

const KZ_ZONE = 'Asia/Almaty';
const ZONE_COLUMNS = `z.id, z.jurisdiction_kato, z.reason, z.decision_ref, z.active_from::text AS active_from,
  z.active_to::text AS active_to, ST_AsGeoJSON(z.geometry, 7)::json AS geometry`;

const featureOf = (r: any): RestrictedZoneFeature => ({
  type: 'Feature',
  id: r.id,
  geometry: r.geometry,
  properties: {
    id: r.id,
    jurisdiction: r.jurisdiction_kato,
    reason: r.reason,
    decisionRef: r.decision_ref,
    activeFrom: r.active_from,
    activeTo: r.active_to,
  },
});

/** The no-picketing zones (Art. 9(5)): public as GeoJSON; drawn by maslikhat staff, audited. */
@Injectable()
export class ZonesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jurisdictions: JurisdictionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(jurisdiction?: string, date?: string): Promise<RestrictedZoneFeatureCollection> {
    if (jurisdiction && !this.jurisdictions.find(jurisdiction)) {
      throw problems.validation([
        { field: 'jurisdiction', code: 'unknown', message: 'No such jurisdiction.' },
      ]);
    }
    const day = date ?? localDateOf(this.clock.now(), KZ_ZONE);
    const rows: any[] = await this.dataSource.query(
      `SELECT ${ZONE_COLUMNS} FROM restricted_zone z
       WHERE z.active_from <= $1::date AND (z.active_to IS NULL OR z.active_to >= $1::date)
         AND ($2::text[] IS NULL OR z.jurisdiction_kato = ANY($2))
       ORDER BY z.jurisdiction_kato, z.active_from, z.id`,
      [day, jurisdiction ? this.jurisdictions.withDescendants(jurisdiction) : null],
    );
    return { type: 'FeatureCollection', features: rows.map(featureOf) };
  }

  async create(body: CreateZoneBody, user: AuthUser, correlationId: string): Promise<RestrictedZoneFeature> {
    if (!this.jurisdictions.find(body.jurisdiction)) {
      throw problems.validation([
        { field: 'jurisdiction', code: 'unknown', message: 'No such jurisdiction.' },
      ]);
    }
    if (!holdsRoleIn(user, 'maslikhat_staff', body.jurisdiction, this.jurisdictions.parentOf)) {
      throw problems.forbidden(
        'jurisdiction_forbidden',
        'Only maslikhat staff of this jurisdiction (or of its city) draw its no-picketing zones.',
      );
    }
    const now = this.clock.now();
    const activeFrom = body.activeFrom ?? localDateOf(now, KZ_ZONE);
    if (body.activeTo !== undefined && body.activeTo < activeFrom) {
      throw problems.validation([
        { field: 'activeTo', code: 'before_active_from', message: 'activeTo must not be before activeFrom' },
      ]);
    }
    const geometry = await checkGeometry(this.dataSource, body.geometry, ['Polygon', 'MultiPolygon']);
    return this.dataSource.transaction(async (m) => {
      const [row] = await m.query(
        `INSERT INTO restricted_zone (jurisdiction_kato, geometry, reason, decision_ref, active_from, active_to, created_at)
         VALUES ($1, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($2), 4326)), $3, $4, $5, $6, $7) RETURNING id`,
        [
          body.jurisdiction,
          geometry,
          body.reason.trim(),
          body.decisionRef.trim(),
          activeFrom,
          body.activeTo ?? null,
          now,
        ],
      );
      const [created] = await m.query(`SELECT ${ZONE_COLUMNS} FROM restricted_zone z WHERE z.id = $1`, [
        row.id,
      ]);
      const feature = featureOf(created);
      await appendAudit(m, {
        chain: body.jurisdiction,
        occurredAt: now,
        actor: user.iin,
        action: 'restricted_zone.created',
        entityType: 'restricted_zone',
        entityId: row.id,
        before: null,
        after: { ...feature.properties, geometry: feature.geometry },
        reason: feature.properties.decisionRef,
        correlationId,
      });
      return feature;
    });
  }
}
