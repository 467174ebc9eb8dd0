import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { StatsDimension, StatsResponse, StatsRow } from '@jiyn/contracts';
import { problems } from '../common/problem';
import { JurisdictionsService } from '../legal/jurisdictions.service';
import { dateWindow } from '../register/dates';
import { StatsQuery } from './stats.query';

export const STATS_DIMENSIONS: readonly StatsDimension[] = [
  'jurisdiction',
  'form',
  'month',
  'status',
  'source',
];

/**
 * Counts of assemblies by assembly date: the filings and the past assemblies imported from paper
 * records, grouped by any of jurisdiction, form, month (YYYY-MM), status and source.
 */
@Injectable()
export class StatsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jurisdictions: JurisdictionsService,
  ) {}

  parseGroupBy(value: string | undefined): StatsDimension[] {
    if (value === undefined || value.trim() === '') return [];
    const items = value.split(',').map((s) => s.trim());
    const unknown = items.filter((i) => !STATS_DIMENSIONS.includes(i as StatsDimension));
    if (unknown.length) {
      throw problems.validation([
        {
          field: 'groupBy',
          code: 'unknown_dimension',
          message: `groupBy is a comma list of ${STATS_DIMENSIONS.join(', ')}; unknown: ${unknown.map((u) => u || '(empty)').join(', ')}`,
        },
      ]);
    }
    return [...new Set(items as StatsDimension[])];
  }

  async stats(query: StatsQuery): Promise<StatsResponse> {
    const groupBy = this.parseGroupBy(query.groupBy);
    if (query.jurisdiction && !this.jurisdictions.find(query.jurisdiction)) {
      throw problems.validation([
        { field: 'jurisdiction', code: 'unknown', message: 'No such jurisdiction.' },
      ]);
    }
    const window = dateWindow(query.from, query.to, undefined);
    const scope = query.jurisdiction ? this.jurisdictions.withDescendants(query.jurisdiction) : null;
    // The dimensions are names from STATS_DIMENSIONS only, never text from the request.
    const columns = groupBy.map((d) => `e.${d}`).join(', ');
    const rows: any[] = await this.dataSource.query(
      `WITH e AS (
         SELECT f.jurisdiction_kato AS jurisdiction, f.form, to_char(f.assembly_date, 'YYYY-MM') AS month,
                f.status, 'filing'::text AS source
         FROM filing f
         WHERE $4::boolean AND ($1::text[] IS NULL OR f.jurisdiction_kato = ANY($1))
           AND ($2::date IS NULL OR f.assembly_date >= $2::date) AND ($3::date IS NULL OR f.assembly_date <= $3::date)
         UNION ALL
         SELECT h.jurisdiction_kato, h.form, to_char(h.assembly_date, 'YYYY-MM'), h.status, 'import'::text
         FROM historical_assembly h
         WHERE $5::boolean AND ($1::text[] IS NULL OR h.jurisdiction_kato = ANY($1))
           AND ($2::date IS NULL OR h.assembly_date >= $2::date) AND ($3::date IS NULL OR h.assembly_date <= $3::date)
       )
       SELECT ${columns ? `${columns}, ` : ''}count(*)::int AS count FROM e
       ${columns ? `GROUP BY ${columns} ORDER BY ${columns}` : ''}`,
      [scope, window.from, window.to, query.source !== 'import', query.source !== 'filing'],
    );
    const out: StatsRow[] = rows.map((r) => {
      const row: Record<string, unknown> = {};
      for (const d of groupBy) row[d] = r[d];
      row.count = Number(r.count);
      return row as unknown as StatsRow;
    });
    return {
      rows: out,
      total: out.reduce((sum, r) => sum + r.count, 0),
      from: window.from,
      to: window.to,
      groupBy,
    };
  }
}
