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

export {
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
};
export type { JurisdictionKind } from './jurisdiction.entity';
export type { VenueKind } from './venue.entity';
export type { StaffRole } from './staff-member.entity';

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
