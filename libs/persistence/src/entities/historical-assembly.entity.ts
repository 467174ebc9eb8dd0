import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { JurisdictionEntity } from './jurisdiction.entity';

/**
 * A past assembly held on paper, imported by an administrator (POST /api/v1/admin/import) for the
 * public register and the statistics. It holds no personal data: form, jurisdiction, date, place,
 * participants and outcome only. `dedupeKey` (content hash and occurrence within its file) makes
 * re-importing the same file harmless.
 */
@Entity({ name: 'historical_assembly' })
@Index('historical_assembly_date_idx', ['assemblyDate'])
@Index('historical_assembly_jurisdiction_idx', ['jurisdictionKato', 'assemblyDate'])
@Index('historical_assembly_batch_idx', ['batchId'])
@Check('historical_assembly_participants_ck', 'participants > 0')
export class HistoricalAssemblyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'batch_id', type: 'uuid' })
  batchId: string;

  /** The line of the imported file this record came from. */
  @Column({ type: 'integer' })
  line: number;

  @Column({ name: 'jurisdiction_kato', type: 'varchar', length: 9 })
  jurisdictionKato: string;

  @ManyToOne(() => JurisdictionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdiction_kato' })
  jurisdiction?: JurisdictionEntity;

  @Column({ type: 'varchar', length: 16 })
  form: string;

  @Column({ name: 'assembly_date', type: 'date' })
  assemblyDate: string;

  @Column({ type: 'text' })
  place: string;

  @Column({ type: 'integer' })
  participants: number;

  @Column({ type: 'varchar', length: 32 })
  status: string;

  @Index('historical_assembly_dedupe_uq', { unique: true })
  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey: string;

  @Column({ name: 'imported_by', type: 'varchar', length: 12 })
  importedBy: string;

  @Column({ name: 'imported_at', type: 'timestamptz' })
  importedAt: Date;
}
