import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface Jurisdiction {
  kato: string;
  parentKato: string | null;
  kind: string;
  name: { kk: string; ru: string; en: string };
  timeZone: string;
  numberPrefix: string;
}

/** The jurisdictions, read once at start-up (they change with a seed or migration, not at run time). */
@Injectable()
export class JurisdictionsService implements OnApplicationBootstrap {
  private byKato = new Map<string, Jurisdiction>();

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reload();
  }

  async reload(): Promise<void> {
    const rows: any[] = await this.dataSource.query(`SELECT * FROM jurisdiction ORDER BY kato`);
    this.byKato = new Map(
      rows.map((r) => [
        r.kato,
        {
          kato: r.kato,
          parentKato: r.parent_kato,
          kind: r.kind,
          name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en },
          timeZone: r.time_zone,
          numberPrefix: r.number_prefix,
        },
      ]),
    );
  }

  find(kato: string): Jurisdiction | undefined {
    return this.byKato.get(kato);
  }

  all(): Jurisdiction[] {
    return [...this.byKato.values()];
  }

  parentOf = (kato: string): string | null => this.byKato.get(kato)?.parentKato ?? null;

  /** The jurisdiction itself and every one below it. */
  withDescendants(kato: string): string[] {
    return this.all()
      .filter((j) => j.kato === kato || j.parentKato === kato)
      .map((j) => j.kato);
  }
}
