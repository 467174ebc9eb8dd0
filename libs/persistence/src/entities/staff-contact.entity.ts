import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How to reach a member of staff (by IIN, whatever roles they hold): where the worker sends the
 * akimat officers' reminders before answer deadlines. Optional: staff without a row get none.
 */
@Entity({ name: 'staff_contact' })
export class StaffContactEntity {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  iin: string;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  phone: string | null;

  /** The language of their messages: kk, ru or en. */
  @Column({ type: 'varchar', length: 2, default: 'kk' })
  locale: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
