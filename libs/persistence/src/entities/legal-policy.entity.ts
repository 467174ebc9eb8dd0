import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A version of the legal policy (periods, window, counting); a filing is judged by the one in force. */
@Entity({ name: 'legal_policy' })
export class LegalPolicyEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'effective_from', type: 'date', unique: true })
  effectiveFrom: string;

  @Column({ type: 'jsonb' })
  definition: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;
}
