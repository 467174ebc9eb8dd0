import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One entry of the working-day calendar (a holiday rule, a dated holiday or a decree swap). The
 * definition is the domain's CalendarEntry as JSON, so that the rules stay in libs/domain.
 */
@Entity({ name: 'calendar_entry' })
export class CalendarEntryEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'jsonb' })
  definition: Record<string, unknown>;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;
}
