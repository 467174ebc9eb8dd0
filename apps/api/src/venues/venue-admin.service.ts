import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AffectedBooking, VenueChangeResponse, VenueKind, VenueWarning } from '@jiyn/contracts';
import { addDays, formatInstant, localDateOf, selectPolicy } from '@jiyn/domain';
import { appendAudit } from '@jiyn/persistence';
import { CLOCK, Clock } from '@jiyn/platform';
import { holdsRoleIn, type AuthUser } from '../auth/auth.types';
import { problems } from '../common/problem';
import { JurisdictionsService } from '../legal/jurisdictions.service';
import { LegalRulesService } from '../legal/legal-rules.service';
import { checkGeometry, GeometryType } from './geometry';
import { CreateVenueBody, UpdateVenueBody } from './venue.dto';

const KZ_ZONE = 'Asia/Almaty';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VENUE_TYPES: readonly GeometryType[] = ['Point', 'Polygon', 'LineString'];

const VENUE_SELECT = `SELECT v.id, v.name, v.kind, v.jurisdiction_kato, v.max_occupancy, v.decision_ref,
  v.active_from::text AS active_from, v.active_to::text AS active_to, v.created_at, v.updated_at,
  ST_AsGeoJSON(v.geometry, 7)::json AS geometry FROM venue v`;

interface VenueRecord {
  id: string;
  name: string;
  kind: VenueKind;
  jurisdiction: string;
  geometry: any;
  maxOccupancy: number;
  decisionRef: string;
  activeFrom: string;
  activeTo: string | null;
  createdAt: string;
  updatedAt: string;
}

const recordOf = (r: any): VenueRecord => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  jurisdiction: r.jurisdiction_kato,
  geometry: r.geometry,
  maxOccupancy: r.max_occupancy,
  decisionRef: r.decision_ref,
  activeFrom: r.active_from,
  activeTo: r.active_to,
  createdAt: formatInstant(new Date(r.created_at), KZ_ZONE),
  updatedAt: formatInstant(new Date(r.updated_at), KZ_ZONE),
});

/** Auditable snapshot of a venue (what changed, for the audit log). */
const snapshot = (v: VenueRecord) => ({
  name: v.name,
  kind: v.kind,
  jurisdiction: v.jurisdiction,
  geometry: v.geometry,
  maxOccupancy: v.maxOccupancy,
  decisionRef: v.decisionRef,
  activeFrom: v.activeFrom,
  activeTo: v.activeTo,
});

const kindOf = (type: GeometryType): VenueKind => (type === 'LineString' ? 'route' : 'place');

/**
 * The maslikhat's register of specialized places and routes: create and change them (each change
 * audited in its jurisdiction's chain), list the future bookings a change leaves stranded, and warn
 * when a district or city is left with fewer places than the law asks (Art. 9(2)).
 */
@Injectable()
export class VenueAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jurisdictions: JurisdictionsService,
    private readonly rules: LegalRulesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private requireJurisdiction(kato: string): void {
    if (!this.jurisdictions.find(kato))
      throw problems.validation([
        { field: 'jurisdiction', code: 'unknown', message: 'No such jurisdiction.' },
      ]);
  }

  private mayMaintain(user: AuthUser, kato: string): boolean {
    return holdsRoleIn(user, 'maslikhat_staff', kato, this.jurisdictions.parentOf);
  }

  async load(id: string, m: EntityManager = this.dataSource.manager): Promise<VenueRecord | undefined> {
    if (!UUID.test(id)) return undefined;
    const [row] = await m.query(`${VENUE_SELECT} WHERE v.id = $1`, [id]);
    return row ? recordOf(row) : undefined;
  }

  async create(body: CreateVenueBody, user: AuthUser, correlationId: string): Promise<VenueChangeResponse> {
    this.requireJurisdiction(body.jurisdiction);
    if (!this.mayMaintain(user, body.jurisdiction)) {
      throw problems.forbidden(
        'jurisdiction_forbidden',
        'Only maslikhat staff of this jurisdiction (or of its city) keep its specialized places.',
      );
    }
    const activeTo = body.activeTo ?? null;
    this.checkRange(body.activeFrom, activeTo);
    const geometry = await checkGeometry(this.dataSource, body.geometry, VENUE_TYPES);
    const now = this.clock.now();
    const created = await this.dataSource.transaction(async (m) => {
      const [row] = await m.query(
        `INSERT INTO venue (jurisdiction_kato, name, kind, geometry, max_occupancy, decision_ref, active_from, active_to,
           created_at, updated_at)
         VALUES ($1, $2, $3, ST_SetSRID(ST_GeomFromGeoJSON($4), 4326), $5, $6, $7, $8, $9, $9) RETURNING id`,
        [
          body.jurisdiction,
          body.name.trim(),
          kindOf(body.geometry.type),
          geometry,
          body.maxOccupancy,
          body.decisionRef.trim(),
          body.activeFrom,
          activeTo,
          now,
        ],
      );
      const venue = (await this.load(row.id, m))!;
      await appendAudit(m, {
        chain: venue.jurisdiction,
        occurredAt: now,
        actor: user.iin,
        action: 'venue.created',
        entityType: 'venue',
        entityId: venue.id,
        before: null,
        after: snapshot(venue),
        reason: venue.decisionRef,
        correlationId,
      });
      return venue;
    });
    return {
      ...created,
      warnings: await this.placeWarnings(created, this.effectiveDate(created)),
      affectedBookings: [],
    };
  }

  async update(
    id: string,
    body: UpdateVenueBody,
    user: AuthUser,
    correlationId: string,
  ): Promise<VenueChangeResponse> {
    const current = await this.load(id);
    if (!current || !this.mayMaintain(user, current.jurisdiction)) throw problems.notFound('venue');
    const fields = [
      'name',
      'jurisdiction',
      'geometry',
      'maxOccupancy',
      'decisionRef',
      'activeFrom',
      'activeTo',
    ];
    if (!fields.some((f) => (body as any)[f] !== undefined)) {
      throw problems.validation([
        { field: 'body', code: 'empty', message: `Give at least one of ${fields.join(', ')}.` },
      ]);
    }
    if (body.jurisdiction !== undefined && body.jurisdiction !== current.jurisdiction) {
      this.requireJurisdiction(body.jurisdiction);
      if (!this.mayMaintain(user, body.jurisdiction))
        throw problems.forbidden(
          'jurisdiction_forbidden',
          'You may not move a venue to a jurisdiction you do not keep.',
        );
    }
    const activeFrom = body.activeFrom ?? current.activeFrom;
    const activeTo = body.activeTo === undefined ? current.activeTo : body.activeTo;
    this.checkRange(activeFrom, activeTo);
    const geometry = body.geometry
      ? await checkGeometry(this.dataSource, body.geometry, VENUE_TYPES)
      : undefined;
    const now = this.clock.now();

    const updated = await this.dataSource.transaction(async (m) => {
      const [locked] = await m.query(`SELECT id FROM venue WHERE id = $1 FOR UPDATE`, [id]);
      if (!locked) throw problems.notFound('venue');
      const before = (await this.load(id, m))!;
      await m.query(
        `UPDATE venue SET
           name = COALESCE($2, name),
           jurisdiction_kato = COALESCE($3, jurisdiction_kato),
           geometry = CASE WHEN $4::text IS NULL THEN geometry ELSE ST_SetSRID(ST_GeomFromGeoJSON($4), 4326) END,
           kind = COALESCE($5, kind),
           max_occupancy = COALESCE($6, max_occupancy),
           decision_ref = COALESCE($7, decision_ref),
           active_from = $8,
           active_to = $9,
           updated_at = $10
         WHERE id = $1`,
        [
          id,
          body.name?.trim() ?? null,
          body.jurisdiction ?? null,
          geometry ?? null,
          body.geometry ? kindOf(body.geometry.type) : null,
          body.maxOccupancy ?? null,
          body.decisionRef?.trim() ?? null,
          activeFrom,
          activeTo,
          now,
        ],
      );
      const after = (await this.load(id, m))!;
      const action =
        after.activeTo !== null && after.activeTo !== before.activeTo
          ? 'venue.closed'
          : before.activeTo !== null && after.activeTo === null
            ? 'venue.reopened'
            : 'venue.updated';
      const affected = await this.affectedBookings(m, after, now);
      await appendAudit(m, {
        chain: after.jurisdiction,
        occurredAt: now,
        actor: user.iin,
        action,
        entityType: 'venue',
        entityId: id,
        before: snapshot(before),
        after: {
          ...snapshot(after),
          affectedBookings: affected.map((a) => ({
            bookingId: a.bookingId,
            filingId: a.filingId,
            reason: a.reason,
          })),
        },
        reason: after.decisionRef,
        correlationId,
      });
      return { venue: after, affected, before };
    });
    const warnings = await this.placeWarnings(updated.venue, this.effectiveDate(updated.venue));
    if (updated.before.jurisdiction !== updated.venue.jurisdiction) {
      warnings.push(...(await this.placeWarnings(updated.before, localDateOf(now, KZ_ZONE))));
    }
    return { ...updated.venue, warnings: dedupe(warnings), affectedBookings: updated.affected };
  }

  private checkRange(activeFrom: string, activeTo: string | null): void {
    if (activeTo !== null && activeTo < activeFrom) {
      throw problems.validation([
        { field: 'activeTo', code: 'before_active_from', message: 'activeTo must not be before activeFrom' },
      ]);
    }
  }

  /** The day a change takes effect: the day after closing, the first day of a future venue, or today. */
  private effectiveDate(venue: VenueRecord): string {
    const today = localDateOf(this.clock.now(), KZ_ZONE);
    if (venue.activeTo !== null && venue.activeTo >= today) return addDays(venue.activeTo, 1);
    if (venue.activeFrom > today) return venue.activeFrom;
    return today;
  }

  /**
   * Future active bookings of the venue that no longer fit it: outside its active days, more
   * people than it now holds, or a standing form on what is now a route (or the reverse).
   */
  private async affectedBookings(
    m: EntityManager,
    venue: VenueRecord,
    now: Date,
  ): Promise<AffectedBooking[]> {
    const rows: any[] = await m.query(
      `SELECT b.id AS booking_id, f.id AS filing_id, f.number, f.status, f.form, f.expected_participants,
              lower(b.during) AS starts_at, upper(b.during) AS ends_at, j.time_zone
       FROM booking b JOIN filing f ON f.id = b.filing_id JOIN jurisdiction j ON j.kato = f.jurisdiction_kato
       WHERE b.venue_id = $1 AND b.active AND upper(b.during) > $2
       ORDER BY lower(b.during), b.id`,
      [venue.id, now],
    );
    const out: AffectedBooking[] = [];
    for (const r of rows) {
      const tz = r.time_zone ?? KZ_ZONE;
      const startsAt = new Date(r.starts_at);
      const date = localDateOf(startsAt, tz);
      const moving = r.form === 'demonstration' || r.form === 'procession';
      const reason: AffectedBooking['reason'] | null =
        venue.activeTo !== null && date > venue.activeTo
          ? 'venue_closed'
          : date < venue.activeFrom
            ? 'venue_not_yet_active'
            : (moving ? 'route' : 'place') !== venue.kind
              ? 'kind_changed'
              : r.expected_participants > venue.maxOccupancy
                ? 'over_capacity'
                : null;
      if (reason === null) continue;
      out.push({
        bookingId: r.booking_id,
        filingId: r.filing_id,
        number: r.number,
        status: r.status,
        assemblyDate: date,
        startsAt: formatInstant(startsAt, tz),
        endsAt: formatInstant(new Date(r.ends_at), tz),
        expectedParticipants: r.expected_participants,
        reason,
      });
    }
    return out;
  }

  /**
   * Warnings when the venue's jurisdiction (and, for a district, its city) has fewer active
   * specialized places on `onDate` than the policy's minimumPlacesPerDistrict (Art. 9(2)).
   */
  async placeWarnings(venue: { jurisdiction: string }, onDate: string): Promise<VenueWarning[]> {
    const today = localDateOf(this.clock.now(), KZ_ZONE);
    const minimum = selectPolicy(this.rules.policies, today).minimumPlacesPerDistrict;
    const parent = this.jurisdictions.parentOf(venue.jurisdiction);
    const areas = [venue.jurisdiction, ...(parent ? [parent] : [])];
    const warnings: VenueWarning[] = [];
    for (const kato of areas) {
      const scope = this.jurisdictions.withDescendants(kato);
      const [row] = await this.dataSource.query(
        `SELECT count(*)::int AS places FROM venue
         WHERE jurisdiction_kato = ANY($1) AND kind = 'place'
           AND active_from <= $2::date AND (active_to IS NULL OR active_to >= $2::date)`,
        [scope, onDate],
      );
      if (row.places < minimum) {
        const j = this.jurisdictions.find(kato);
        warnings.push({
          code: 'too_few_places',
          jurisdiction: kato,
          activePlaces: row.places,
          minimum,
          onDate,
          message: `${j?.name.en ?? kato} has ${row.places} active specialized place(s) on ${onDate}; the law asks for at least ${minimum} (Art. 9(2)).`,
        });
      }
    }
    return warnings;
  }
}

function dedupe(warnings: VenueWarning[]): VenueWarning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = `${w.code}:${w.jurisdiction}:${w.onDate}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
