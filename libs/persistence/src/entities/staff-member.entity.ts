import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type StaffRole = 'akimat_officer' | 'maslikhat_staff' | 'admin';

/** The staff register: who holds which role where. A removal is a date, never a delete. */
@Entity({ name: 'staff_member' })
@Check('staff_member_role_ck', `role IN ('akimat_officer', 'maslikhat_staff', 'admin')`)
@Check('staff_member_jurisdiction_ck', `(role = 'admin') OR jurisdiction_kato IS NOT NULL`)
@Index('staff_member_active_uq', ['iin', 'role', 'jurisdictionKato'], {
  unique: true,
  where: 'removed_at IS NULL',
})
export class StaffMemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('staff_member_iin_idx')
  @Column({ type: 'varchar', length: 12 })
  iin: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  @Column({ type: 'varchar', length: 24 })
  role: StaffRole;

  /** Null only for administrators, whose remit is the whole country. */
  @Column({ name: 'jurisdiction_kato', type: 'varchar', length: 9, nullable: true })
  jurisdictionKato: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt: Date | null;

  @Column({ name: 'removed_by', type: 'text', nullable: true })
  removedBy: string | null;
}
