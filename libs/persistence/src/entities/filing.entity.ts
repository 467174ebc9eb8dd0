import {
  Check,
  Column,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Point } from 'geojson';
import { JurisdictionEntity } from './jurisdiction.entity';
import { VenueEntity } from './venue.entity';

/** A notification or application, with its fixed deadlines and its answer. */
@Entity({ name: 'filing' })
@Index('filing_pending_deadline_idx', ['answerDeadline'], { where: `status = 'submitted'` })
@Index('filing_jurisdiction_status_idx', ['jurisdictionKato', 'status', 'answerDeadline'])
@Index('filing_organizer_idx', ['organizerIin', 'createdAt'])
@Index('filing_starts_idx', ['startsAt'])
@Check('filing_time_ck', 'ends_at > starts_at')
@Check('filing_participants_ck', 'expected_participants > 0')
@Check('filing_place_ck', '(venue_id IS NOT NULL) <> (location IS NOT NULL)')
export class FilingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Human-readable, per jurisdiction and year: ALA-2026-000123. */
  @Column({ type: 'text', unique: true })
  number: string;

  @Column({ name: 'jurisdiction_kato', type: 'varchar', length: 9 })
  jurisdictionKato: string;

  @ManyToOne(() => JurisdictionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdiction_kato' })
  jurisdiction?: JurisdictionEntity;

  @Column({ type: 'varchar', length: 16 })
  form: string;

  @Column({ type: 'varchar', length: 16 })
  procedure: string;

  @Column({ type: 'varchar', length: 32 })
  status: string;

  @Column({ type: 'varchar', length: 12 })
  channel: string;

  @Column({ name: 'policy_id', type: 'text' })
  policyId: string;

  @Column({ name: 'organizer_iin', type: 'varchar', length: 12 })
  organizerIin: string;

  @Column({ name: 'organizer_bin', type: 'varchar', length: 12, nullable: true })
  organizerBin: string | null;

  @Column({ type: 'jsonb' })
  organizer: Record<string, unknown>;

  @Column({ type: 'jsonb', nullable: true })
  representative: Record<string, unknown> | null;

  @Column({ type: 'text' })
  purpose: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ name: 'assembly_date', type: 'date' })
  assemblyDate: string;

  @Column({ name: 'venue_id', type: 'uuid', nullable: true })
  venueId: string | null;

  @ManyToOne(() => VenueEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'venue_id' })
  venue?: VenueEntity | null;

  @Column({ type: 'geometry', spatialFeatureType: 'Point', srid: 4326, nullable: true })
  location: Point | null;

  @Column({ type: 'text', nullable: true })
  object: string | null;

  @Column({ name: 'expected_participants', type: 'integer' })
  expectedParticipants: number;

  @Column({ type: 'jsonb' })
  equipment: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  regulations: string | null;

  @Column({ type: 'text' })
  financing: string;

  @Column({ name: 'personal_data_consent', type: 'boolean' })
  personalDataConsent: boolean;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  /** IIN of whoever registered it: the organizer, or the officer for a paper filing. */
  @Column({ name: 'registered_by', type: 'varchar', length: 12 })
  registeredBy: string;

  @Column({ name: 'registration_date', type: 'date' })
  registrationDate: string;

  @Column({ name: 'file_by', type: 'date' })
  fileBy: string;

  @Column({ name: 'answer_due_by', type: 'date' })
  answerDueBy: string;

  @Column({ name: 'answer_deadline', type: 'timestamptz' })
  answerDeadline: Date;

  /** When silence turned into deemed approval (notifications only), once it has. */
  @Column({ name: 'deemed_approved_at', type: 'timestamptz', nullable: true })
  deemedApprovedAt: Date | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  decision: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  proposal: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  signature: Record<string, unknown> | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}

/**
 * The time a filing holds at a specialized place or route. The database refuses two active
 * bookings of one venue whose times overlap: double booking is impossible, not merely checked.
 */
@Entity({ name: 'booking' })
@Exclusion('booking_no_overlap', 'USING gist ("venue_id" WITH =, "during" WITH &&) WHERE ("active")')
@Index('booking_filing_idx', ['filingId'])
export class BookingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'filing_id', type: 'uuid' })
  filingId: string;

  @ManyToOne(() => FilingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'filing_id' })
  filing?: FilingEntity;

  @Column({ name: 'venue_id', type: 'uuid' })
  venueId: string;

  @ManyToOne(() => VenueEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'venue_id' })
  venue?: VenueEntity;

  @Column({ type: 'tstzrange' })
  during: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}

/** Last filing number issued per jurisdiction and year. */
@Entity({ name: 'filing_counter' })
export class FilingCounterEntity {
  @PrimaryColumn({ name: 'jurisdiction_kato', type: 'varchar', length: 9 })
  jurisdictionKato: string;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ name: 'last_value', type: 'integer' })
  lastValue: number;
}

/** A remembered response to a creating POST, so that a retry with the same key gets it again. */
@Entity({ name: 'idempotency_record' })
@Index('idempotency_record_expires_idx', ['expiresAt'])
export class IdempotencyRecordEntity {
  @PrimaryColumn({ name: 'principal', type: 'text' })
  principal: string;

  @PrimaryColumn({ name: 'key', type: 'text' })
  key: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;

  @Column({ name: 'state', type: 'varchar', length: 12 })
  state: string;

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus: number | null;

  @Column({ name: 'response_body', type: 'jsonb', nullable: true })
  responseBody: unknown;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}

/** A message to a person about a filing; unique per event, channel and recipient (sent once). */
@Entity({ name: 'message' })
@Index('message_event_recipient_uq', ['eventId', 'channel', 'recipient'], { unique: true })
@Index('message_filing_idx', ['filingId'])
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'text' })
  eventId: string;

  @Column({ name: 'filing_id', type: 'uuid', nullable: true })
  filingId: string | null;

  @Column({ type: 'varchar', length: 8 })
  channel: string;

  @Column({ type: 'text' })
  recipient: string;

  @Column({ type: 'text' })
  template: string;

  @Column({ type: 'varchar', length: 2 })
  locale: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 12 })
  status: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;
}
