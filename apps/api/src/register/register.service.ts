import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Geometry } from 'geojson';
import type { RegisterEntry, RegisterPage } from '@jiyn/contracts';
import { addDays, ASSEMBLY_FORMS, FILING_STATUSES, isMovingForm, AssemblyForm } from '@jiyn/domain';
import { CLOCK, Clock } from '@jiyn/platform';
import { FieldError, problems } from '../common/problem';
import { FILING_COLUMNS, FILING_FROM, toRegisterEntry } from '../filings/filing-view';
import { JurisdictionsService } from '../legal/jurisdictions.service';
import { csvLine } from './csv';
import { dateWindow } from './dates';
import { foldLine, icsDate, icsText, icsUtc } from './ics';
import { RegisterFilterQuery, RegisterQuery } from './register.query';

export const REGISTER_DEFAULT_LIMIT = 50;
/** The most entries one export (GeoJSON, iCalendar, CSV) carries; narrow the window for more. */
export const EXPORT_MAX = 10_000;

interface Filter {
  jurisdictions: string[] | null;
  from: string | null;
  to: string | null;
  forms: string[] | null;
  statuses: string[] | null;
  filings: boolean;
  imports: boolean;
}

/** A register entry with the geometry of its place, for the GeoJSON and iCalendar exports. */
export type PlacedEntry = RegisterEntry & { geometry: Geometry | null };

const FORM_LABEL: Record<string, string> = {
  picket: 'Picket',
  meeting: 'Meeting',
  rally: 'Rally',
  demonstration: 'Demonstration',
  procession: 'Procession',
};

const CSV_COLUMNS = [
  'source',
  'id',
  'number',
  'jurisdiction',
  'form',
  'procedure',
  'status',
  'assemblyDate',
  'startsAt',
  'endsAt',
  'place',
  'venueId',
  'venueKind',
  'longitude',
  'latitude',
  'purpose',
  'expectedParticipants',
  'organizerKind',
  'organizerName',
  'organizerBin',
  'registrationDate',
  'fileBy',
  'answerDueBy',
  'answerDeadline',
  'answerOutcome',
  'answerGrounds',
  'answerReason',
  'answerRestrictions',
  'decidedAt',
  'deemedApprovedAt',
] as const;

/**
 * The public register (Art. 8(3)(10)): every filing, by assembly date, with its place, times,
 * answer and deadlines, and the past assemblies imported from paper records; as JSON pages,
 * GeoJSON, iCalendar and CSV. Built on toRegisterEntry: never an individual's name, IIN, address
 * or contacts.
 */
@Injectable()
export class RegisterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jurisdictions: JurisdictionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private filter(query: RegisterFilterQuery): Filter {
    const errors: FieldError[] = [];
    if (query.jurisdiction && !this.jurisdictions.find(query.jurisdiction))
      errors.push({ field: 'jurisdiction', code: 'unknown', message: 'No such jurisdiction.' });
    const list = (value: string | undefined, allowed: readonly string[], field: string) => {
      if (!value) return null;
      const items = [...new Set(value.split(','))];
      const unknown = items.filter((i) => !allowed.includes(i));
      if (unknown.length)
        errors.push({ field, code: 'unknown', message: `Unknown ${field}: ${unknown.join(', ')}.` });
      return items;
    };
    const forms = list(query.form, ASSEMBLY_FORMS, 'form');
    const statuses = list(query.status, FILING_STATUSES, 'status');
    if (errors.length) throw problems.validation(errors);
    const window = dateWindow(query.from, query.to, undefined);
    return {
      jurisdictions: query.jurisdiction ? this.jurisdictions.withDescendants(query.jurisdiction) : null,
      from: window.from,
      to: window.to,
      forms,
      statuses,
      filings: query.source !== 'import',
      imports: query.source !== 'filing',
    };
  }

  /** The entries' keys in register order (assembly start, then id), and their total. */
  private keysSql(f: Filter): { sql: string; params: unknown[] } {
    const params: unknown[] = [f.jurisdictions, f.from, f.to, f.forms, f.statuses, f.filings, f.imports];
    const sql = `
      SELECT 'filing'::text AS source, f.id, f.starts_at AS sort_at FROM filing f
      WHERE $6::boolean
        AND ($1::text[] IS NULL OR f.jurisdiction_kato = ANY($1))
        AND ($2::date IS NULL OR f.assembly_date >= $2::date) AND ($3::date IS NULL OR f.assembly_date <= $3::date)
        AND ($4::text[] IS NULL OR f.form = ANY($4)) AND ($5::text[] IS NULL OR f.status = ANY($5))
      UNION ALL
      SELECT 'import'::text, h.id, (h.assembly_date::timestamp AT TIME ZONE j.time_zone)
      FROM historical_assembly h JOIN jurisdiction j ON j.kato = h.jurisdiction_kato
      WHERE $7::boolean
        AND ($1::text[] IS NULL OR h.jurisdiction_kato = ANY($1))
        AND ($2::date IS NULL OR h.assembly_date >= $2::date) AND ($3::date IS NULL OR h.assembly_date <= $3::date)
        AND ($4::text[] IS NULL OR h.form = ANY($4)) AND ($5::text[] IS NULL OR h.status = ANY($5))`;
    return { sql, params };
  }

  async page(query: RegisterQuery): Promise<RegisterPage> {
    if (query.cursor !== undefined && query.offset !== undefined) {
      throw problems.validation([
        { field: 'cursor', code: 'exclusive', message: 'Give cursor or offset, not both.' },
      ]);
    }
    const f = this.filter(query);
    const limit = query.limit ?? REGISTER_DEFAULT_LIMIT;
    const after = query.cursor !== undefined ? decodeCursor(query.cursor) : null;
    const { sql, params } = this.keysSql(f);
    const n = params.length;
    const keys: { source: 'filing' | 'import'; id: string; sort_at: Date }[] = await this.dataSource.query(
      `SELECT source, id, sort_at FROM (${sql}) e
       WHERE ($${n + 1}::timestamptz IS NULL OR (e.sort_at, e.id) > ($${n + 1}::timestamptz, $${n + 2}::uuid))
       ORDER BY e.sort_at, e.id LIMIT $${n + 3} OFFSET $${n + 4}`,
      [...params, after?.at ?? null, after?.id ?? null, limit + 1, query.offset ?? 0],
    );
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM (${sql}) e`, params);
    const more = keys.length > limit;
    const shown = keys.slice(0, limit);
    const entries = await this.entries(shown);
    const last = shown[shown.length - 1];
    return {
      items: entries.map(({ geometry: _geometry, ...entry }) => entry),
      total,
      limit,
      offset: query.cursor !== undefined ? null : (query.offset ?? 0),
      nextCursor: more && last ? encodeCursor(new Date(last.sort_at), last.id) : null,
      from: f.from,
      to: f.to,
    };
  }

  /** Every entry of the filter, in order, up to EXPORT_MAX; `truncated` when there were more. */
  async all(
    query: RegisterFilterQuery,
  ): Promise<{ entries: PlacedEntry[]; total: number; truncated: boolean }> {
    const f = this.filter(query);
    const { sql, params } = this.keysSql(f);
    const keys: any[] = await this.dataSource.query(
      `SELECT source, id, sort_at FROM (${sql}) e ORDER BY e.sort_at, e.id LIMIT $${params.length + 1}`,
      [...params, EXPORT_MAX + 1],
    );
    const truncated = keys.length > EXPORT_MAX;
    const entries = await this.entries(keys.slice(0, EXPORT_MAX));
    return { entries, total: entries.length, truncated };
  }

  /** The entries of the keys, in the keys' order. */
  private async entries(keys: { source: 'filing' | 'import'; id: string }[]): Promise<PlacedEntry[]> {
    const filingIds = keys.filter((k) => k.source === 'filing').map((k) => k.id);
    const importIds = keys.filter((k) => k.source === 'import').map((k) => k.id);
    const byId = new Map<string, PlacedEntry>();
    if (filingIds.length) {
      const rows: any[] = await this.dataSource.query(
        `SELECT ${FILING_COLUMNS}, ST_AsGeoJSON(v.geometry, 6)::json AS venue_geometry
         FROM ${FILING_FROM} WHERE f.id = ANY($1::uuid[])`,
        [filingIds],
      );
      for (const row of rows) byId.set(row.id, filingEntry(row));
    }
    if (importIds.length) {
      const rows: any[] = await this.dataSource.query(
        `SELECT h.id, h.jurisdiction_kato, h.form, h.status, h.place, h.participants,
                h.assembly_date::text AS assembly_date
         FROM historical_assembly h WHERE h.id = ANY($1::uuid[])`,
        [importIds],
      );
      for (const row of rows) byId.set(row.id, importEntry(row));
    }
    return keys.map((k) => byId.get(k.id)).filter((e): e is PlacedEntry => e !== undefined);
  }

  async geojson(query: RegisterFilterQuery) {
    const { entries, truncated } = await this.all(query);
    return {
      body: {
        type: 'FeatureCollection' as const,
        features: entries.map(({ geometry, location: _location, ...properties }) => ({
          type: 'Feature' as const,
          id: properties.id,
          geometry,
          properties,
        })),
      },
      truncated,
    };
  }

  async csv(query: RegisterFilterQuery): Promise<{ body: string; truncated: boolean; count: number }> {
    const { entries, truncated } = await this.all(query);
    let body = csvLine(CSV_COLUMNS);
    for (const e of entries) {
      const point = pointOf(e.geometry);
      const legal = e.organizer && 'legalEntity' in e.organizer ? e.organizer.legalEntity : null;
      const row: Record<(typeof CSV_COLUMNS)[number], unknown> = {
        source: e.source,
        id: e.id,
        number: e.number,
        jurisdiction: e.jurisdiction,
        form: e.form,
        procedure: e.procedure,
        status: e.status,
        assemblyDate: e.assemblyDate,
        startsAt: e.startsAt,
        endsAt: e.endsAt,
        place: e.place,
        venueId: e.venueId,
        venueKind: e.venueKind,
        longitude: point?.[0],
        latitude: point?.[1],
        purpose: e.purpose,
        expectedParticipants: e.expectedParticipants,
        organizerKind: e.organizer ? (legal ? 'legal_entity' : 'individual') : null,
        organizerName: legal?.name,
        organizerBin: legal?.bin,
        registrationDate: e.registrationDate,
        fileBy: e.deadlines?.fileBy,
        answerDueBy: e.deadlines?.answerDueBy,
        answerDeadline: e.deadlines?.answerDeadline,
        answerOutcome: e.answer?.outcome,
        answerGrounds: e.answer?.grounds.join(';'),
        answerReason: e.answer?.reason,
        answerRestrictions: e.answer?.restrictions.join(';'),
        decidedAt: e.answer?.decidedAt,
        deemedApprovedAt: e.deemedApprovedAt,
      };
      body += csvLine(CSV_COLUMNS.map((c) => row[c]));
    }
    return { body, truncated, count: entries.length };
  }

  async ics(query: RegisterFilterQuery): Promise<{ body: string; truncated: boolean; count: number }> {
    const { entries, truncated } = await this.all(query);
    const stamp = icsUtc(this.clock.now());
    let body =
      foldLine('BEGIN:VCALENDAR') +
      foldLine('VERSION:2.0') +
      foldLine('PRODID:-//Jiyn//Public register of peaceful assemblies//EN') +
      foldLine('CALSCALE:GREGORIAN') +
      foldLine('METHOD:PUBLISH') +
      foldLine('X-WR-CALNAME:Jiyn: peaceful assemblies') +
      foldLine('X-WR-TIMEZONE:Asia/Almaty');
    for (const e of entries) {
      const lines: string[] = ['BEGIN:VEVENT', `UID:${e.source}-${e.id}@jiyn.kz`, `DTSTAMP:${stamp}`];
      if (e.startsAt && e.endsAt) {
        lines.push(`DTSTART:${icsUtc(new Date(e.startsAt))}`, `DTEND:${icsUtc(new Date(e.endsAt))}`);
      } else {
        lines.push(
          `DTSTART;VALUE=DATE:${icsDate(e.assemblyDate)}`,
          `DTEND;VALUE=DATE:${icsDate(addDays(e.assemblyDate, 1))}`,
        );
      }
      const label = FORM_LABEL[e.form] ?? e.form;
      lines.push(`SUMMARY:${icsText(e.purpose ? `${label}: ${e.purpose}` : `${label} (paper record)`)}`);
      const place = e.place ?? placeText(e);
      if (place) lines.push(`LOCATION:${icsText(place)}`);
      const point = pointOf(e.geometry);
      if (point) lines.push(`GEO:${point[1]};${point[0]}`);
      lines.push(`DESCRIPTION:${icsText(describe(e))}`);
      lines.push(`STATUS:${icsStatus(e.status)}`);
      lines.push(`CATEGORIES:${icsText(e.form)}`);
      lines.push('END:VEVENT');
      body += lines.map(foldLine).join('');
    }
    body += foldLine('END:VCALENDAR');
    return { body, truncated, count: entries.length };
  }
}

function filingEntry(row: any): PlacedEntry {
  const base = toRegisterEntry(row);
  return {
    source: 'filing',
    ...base,
    place: row.venue_name ?? row.object ?? null,
    venueKind: row.venue_kind ?? null,
    geometry: row.location_json ?? row.venue_geometry ?? null,
  } as PlacedEntry;
}

function importEntry(row: any): PlacedEntry {
  return {
    source: 'import',
    id: row.id,
    number: null,
    jurisdiction: row.jurisdiction_kato,
    form: row.form,
    procedure: isMovingForm(row.form as AssemblyForm) ? 'application' : 'notification',
    status: row.status,
    purpose: null,
    place: row.place,
    venueId: null,
    venueName: null,
    venueKind: null,
    location: null,
    object: null,
    startsAt: null,
    endsAt: null,
    assemblyDate: row.assembly_date,
    expectedParticipants: row.participants,
    organizer: null,
    registrationDate: null,
    deadlines: null,
    answer: null,
    deemedApprovedAt: null,
    geometry: null,
  };
}

function pointOf(geometry: Geometry | null): [number, number] | null {
  return geometry?.type === 'Point' ? [geometry.coordinates[0], geometry.coordinates[1]] : null;
}

function placeText(e: RegisterEntry): string | null {
  return e.venueName ?? e.object ?? null;
}

function icsStatus(status: string): 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE' {
  if (
    ['approved', 'approved_with_restrictions', 'deemed_approved', 'held', 'suspended', 'terminated'].includes(
      status,
    )
  )
    return 'CONFIRMED';
  if (['refused', 'withdrawn', 'cancelled'].includes(status)) return 'CANCELLED';
  return 'TENTATIVE';
}

function describe(e: RegisterEntry): string {
  const lines = [`Status: ${e.status}`];
  if (e.number) lines.push(`Number: ${e.number}`);
  lines.push(`Form: ${e.form} (${e.procedure})`, `Expected participants: ${e.expectedParticipants}`);
  if (e.organizer && 'legalEntity' in e.organizer)
    lines.push(`Organizer: ${e.organizer.legalEntity.name} (BIN ${e.organizer.legalEntity.bin})`);
  if (e.answer) {
    lines.push(`Answer: ${e.answer.outcome}`);
    if (e.answer.grounds.length) lines.push(`Grounds: ${e.answer.grounds.join(', ')}`);
    if (e.answer.reason) lines.push(`Reasons: ${e.answer.reason}`);
    if (e.answer.restrictions.length) lines.push(`Restrictions: ${e.answer.restrictions.join('; ')}`);
  }
  if (e.deadlines?.answerDeadline) lines.push(`Answer deadline: ${e.deadlines.answerDeadline}`);
  if (e.source === 'import') lines.push('Source: imported from paper records');
  return lines.join('\n');
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      typeof at === 'string' &&
      !Number.isNaN(Date.parse(at)) &&
      typeof id === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
    )
      return { at, id };
  } catch {}
  throw problems.validation([
    { field: 'cursor', code: 'invalid', message: 'cursor must be the nextCursor of a previous page' },
  ]);
}
