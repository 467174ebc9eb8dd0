import { JurisdictionEntity } from './jurisdiction.entity';
import { VenueEntity } from './venue.entity';
import { RestrictedZoneEntity } from './restricted-zone.entity';
import { StaffMemberEntity } from './staff-member.entity';
import { StaffContactEntity } from './staff-contact.entity';
import { CalendarEntryEntity } from './calendar-entry.entity';
import { LegalPolicyEntity } from './legal-policy.entity';
import { AuditChainHeadEntity, AuditHeadExportEntity, AuditLogEntity } from './audit.entity';
import { OutboxEventEntity } from './outbox.entity';
import { AuthChallengeEntity, UserSessionEntity } from './session.entity';
import {
  BookingEntity,
  FilingCounterEntity,
  FilingEntity,
  IdempotencyRecordEntity,
  MessageEntity,
} from './filing.entity';
import { HistoricalAssemblyEntity } from './historical-assembly.entity';

/** Every entity; exported one by one too, below. */
export const ENTITIES = [
  JurisdictionEntity,
  VenueEntity,
  RestrictedZoneEntity,
  StaffMemberEntity,
  StaffContactEntity,
  CalendarEntryEntity,
  LegalPolicyEntity,
  AuditChainHeadEntity,
  AuditLogEntity,
  AuditHeadExportEntity,
  OutboxEventEntity,
  UserSessionEntity,
  AuthChallengeEntity,
  FilingEntity,
  BookingEntity,
  FilingCounterEntity,
  IdempotencyRecordEntity,
  MessageEntity,
  HistoricalAssemblyEntity,
];

export * from './jurisdiction.entity';
export * from './venue.entity';
export * from './restricted-zone.entity';
export * from './staff-member.entity';
export * from './staff-contact.entity';
export * from './calendar-entry.entity';
export * from './legal-policy.entity';
export * from './audit.entity';
export * from './outbox.entity';
export * from './session.entity';
export * from './filing.entity';
export * from './historical-assembly.entity';
