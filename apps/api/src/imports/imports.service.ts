import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ImportRejection, ImportResult } from '@jiyn/contracts';
import { ASSEMBLY_FORMS, isValidLocalDate, localDateOf } from '@jiyn/domain';
import { appendAudit } from '@jiyn/persistence';
import { CLOCK, Clock } from '@jiyn/platform';
import type { AuthUser } from '../auth/auth.types';
import { ProblemException, problems } from '../common/problem';
import { JurisdictionsService } from '../legal/jurisdictions.service';
import { parseCsv } from './csv-parse';

export const IMPORT_COLUMNS = ['form', 'jurisdiction', 'date', 'place', 'participants', 'status'] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

/** The outcomes a past assembly may have on paper (not "submitted": these are finished). */
export const IMPORT_STATUSES = [
  'approved',
  'approved_with_restrictions',
  'deemed_approved',
  'refused',
  'answer_overdue',
  'withdrawn',
  'held',
  'suspended',
  'terminated',
  'cancelled',
] as const;

export const IMPORT_MAX_ROWS = 50_000;
/** Independence of the Republic of Kazakhstan: no earlier record belongs here. */
const EARLIEST_DATE = '1991-12-16';
const MAX_PLACE = 500;
const MAX_PARTICIPANTS = 1_000_000;
const CHUNK = 2_000;

interface GoodRow {
  line: number;
  form: string;
  jurisdiction: string;
  date: string;
  place: string;
  participants: number;
  status: string;
  dedupeKey: string;
}

/**
 * Imports records of past assemblies held on paper (form, jurisdiction, date, place,
 * participants, status) into historical_assembly, for the register and the statistics. Bad lines
 * are reported with their line numbers; good lines are imported; a line already imported (same
 * content, same occurrence within its file) is reported as a duplicate, so a repeated import
 * changes nothing. Audited per jurisdiction.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jurisdictions: JurisdictionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async import(text: unknown, user: AuthUser, correlationId: string): Promise<ImportResult> {
    if (typeof text !== 'string') {
      throw new ProblemException(
        415,
        'unsupported_media_type',
        'Unsupported media type',
        'Send the records as text/csv.',
      );
    }
    if (text.includes('\u0000')) throw problems.badRequest('malformed_csv', 'The body is not CSV text.');
    const records = parseCsv(text.replace(/^\uFEFF/, ''));
    if (records.length === 0) throw problems.badRequest('csv_empty', 'The CSV has no header and no records.');
    const [header, ...rows] = records;
    const names = header.fields.map((f) => f.trim().toLowerCase());
    const missing = IMPORT_COLUMNS.filter((c) => !names.includes(c));
    const unknown = names.filter((n) => !(IMPORT_COLUMNS as readonly string[]).includes(n));
    const repeated = names.filter((n, i) => names.indexOf(n) !== i);
    if (header.malformed || missing.length || unknown.length || repeated.length) {
      throw problems.badRequest(
        'csv_header_invalid',
        `The first line must be the header ${IMPORT_COLUMNS.join(',')}` +
          (missing.length ? `; missing: ${missing.join(', ')}` : '') +
          (unknown.length ? `; unknown: ${unknown.join(', ')}` : '') +
          (repeated.length ? `; repeated: ${repeated.join(', ')}` : '') +
          '.',
      );
    }
    if (rows.length > IMPORT_MAX_ROWS) {
      throw problems.badRequest(
        'too_many_rows',
        `At most ${IMPORT_MAX_ROWS} records per import; split the file.`,
      );
    }
    const index = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<
      Column,
      number
    >;
    const now = this.clock.now();
    const today = localDateOf(now, 'Asia/Almaty');
    const rejected: ImportRejection[] = [];
    const good: GoodRow[] = [];
    const occurrences = new Map<string, number>();
    for (const record of rows) {
      const reject = (code: string, message: string) => rejected.push({ line: record.line, code, message });
      if (record.malformed) {
        reject('malformed_row', 'The line is not well-formed CSV (check its quotes).');
        continue;
      }
      if (record.fields.length !== names.length) {
        reject('column_count', `Expected ${names.length} fields, found ${record.fields.length}.`);
        continue;
      }
      const get = (c: Column) => record.fields[index[c]].trim();
      const checked = this.checkRow(get, today);
      if ('code' in checked) {
        reject(checked.code, checked.message);
        continue;
      }
      const content = createHash('sha256')
        .update(
          JSON.stringify([
            checked.form,
            checked.jurisdiction,
            checked.date,
            checked.place.replace(/\s+/g, ' ').toLowerCase(),
            checked.participants,
            checked.status,
          ]),
        )
        .digest('hex');
      const occurrence = (occurrences.get(content) ?? 0) + 1;
      occurrences.set(content, occurrence);
      good.push({ ...checked, line: record.line, dedupeKey: `${content}:${occurrence}` });
    }

    const batchId = randomUUID();
    const inserted = good.length
      ? await this.dataSource.transaction(async (m) => {
          const lines = new Set<number>();
          for (let i = 0; i < good.length; i += CHUNK) {
            const chunk = good.slice(i, i + CHUNK);
            const result: { line: number }[] = await m.query(
              `INSERT INTO historical_assembly (batch_id, line, jurisdiction_kato, form, assembly_date, place, participants,
                 status, dedupe_key, imported_by, imported_at)
               SELECT $1::uuid, t.line, t.jurisdiction, t.form, t.date, t.place, t.participants, t.status, t.key, $9, $10
               FROM unnest($2::int[], $3::text[], $4::text[], $5::date[], $6::text[], $7::int[], $8::text[], $11::text[])
                 AS t(line, jurisdiction, form, date, place, participants, status, key)
               ON CONFLICT (dedupe_key) DO NOTHING
               RETURNING line`,
              [
                batchId,
                chunk.map((r) => r.line),
                chunk.map((r) => r.jurisdiction),
                chunk.map((r) => r.form),
                chunk.map((r) => r.date),
                chunk.map((r) => r.place),
                chunk.map((r) => r.participants),
                chunk.map((r) => r.status),
                user.iin,
                now,
                chunk.map((r) => r.dedupeKey),
              ],
            );
            for (const r of result) lines.add(Number(r.line));
          }
          const byJurisdiction = new Map<string, number[]>();
          for (const r of good) {
            if (!lines.has(r.line)) continue;
            byJurisdiction.set(r.jurisdiction, [...(byJurisdiction.get(r.jurisdiction) ?? []), r.line]);
          }
          for (const [kato, importedLines] of [...byJurisdiction.entries()].sort()) {
            await appendAudit(m, {
              chain: kato,
              occurredAt: now,
              actor: user.iin,
              action: 'historical_assembly.imported',
              entityType: 'import_batch',
              entityId: batchId,
              before: null,
              after: { batchId, jurisdiction: kato, imported: importedLines.length, lines: importedLines },
              reason: 'Records of past assemblies held on paper',
              correlationId,
            });
          }
          return lines;
        })
      : new Set<number>();
    for (const r of good) {
      if (!inserted.has(r.line))
        rejected.push({ line: r.line, code: 'duplicate', message: 'This record was imported before.' });
    }
    rejected.sort((a, b) => a.line - b.line);
    return { batchId, imported: inserted.size, rejected };
  }

  private checkRow(
    get: (c: Column) => string,
    today: string,
  ): Omit<GoodRow, 'line' | 'dedupeKey'> | { code: string; message: string } {
    const form = get('form').toLowerCase();
    if (!(ASSEMBLY_FORMS as readonly string[]).includes(form))
      return { code: 'invalid_form', message: `form must be one of ${ASSEMBLY_FORMS.join(', ')}.` };
    const jurisdiction = get('jurisdiction');
    if (!/^\d{9}$/.test(jurisdiction) || !this.jurisdictions.find(jurisdiction))
      return { code: 'unknown_jurisdiction', message: 'jurisdiction must be a known 9-digit KATO code.' };
    const raw = get('date');
    const dotted = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(raw);
    const date = dotted ? `${dotted[3]}-${dotted[2]}-${dotted[1]}` : raw;
    if (!isValidLocalDate(date))
      return { code: 'invalid_date', message: 'date must be a real date YYYY-MM-DD (or DD.MM.YYYY).' };
    if (date > today) return { code: 'date_in_future', message: 'Only past assemblies may be imported.' };
    if (date < EARLIEST_DATE)
      return { code: 'date_out_of_range', message: `date must be on or after ${EARLIEST_DATE}.` };
    const place = get('place');
    if (!place) return { code: 'place_required', message: 'place is required.' };
    if (place.length > MAX_PLACE)
      return { code: 'place_too_long', message: `place may have at most ${MAX_PLACE} characters.` };
    const participantsText = get('participants');
    const participants = Number(participantsText);
    if (!/^\d{1,7}$/.test(participantsText) || participants < 1 || participants > MAX_PARTICIPANTS)
      return {
        code: 'invalid_participants',
        message: `participants must be a whole number from 1 to ${MAX_PARTICIPANTS}.`,
      };
    const status = get('status').toLowerCase();
    if (!(IMPORT_STATUSES as readonly string[]).includes(status))
      return { code: 'invalid_status', message: `status must be one of ${IMPORT_STATUSES.join(', ')}.` };
    return { form, jurisdiction, date, place, participants, status };
  }
}
