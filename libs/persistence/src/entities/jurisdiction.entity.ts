import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

export type JurisdictionKind = 'country' | 'region' | 'city' | 'district';

/** An administrative unit by KATO code: the region, city or district whose akimat answers. */
@Entity({ name: 'jurisdiction' })
export class JurisdictionEntity {
  @PrimaryColumn({ type: 'varchar', length: 9 })
  kato: string;

  @Index('jurisdiction_parent_idx')
  @Column({ name: 'parent_kato', type: 'varchar', length: 9, nullable: true })
  parentKato: string | null;

  @ManyToOne(() => JurisdictionEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_kato' })
  parent?: JurisdictionEntity | null;

  @Column({ type: 'varchar', length: 16 })
  kind: JurisdictionKind;

  @Column({ name: 'name_kk', type: 'text' })
  nameKk: string;

  @Column({ name: 'name_ru', type: 'text' })
  nameRu: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;

  /** Prefix of human-readable filing numbers, e.g. ALA in ALA-2026-000123. */
  @Column({ name: 'number_prefix', type: 'varchar', length: 8 })
  numberPrefix: string;
}
