import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  Equals,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
  ArrayMinSize,
} from 'class-validator';
import { ASSEMBLY_FORMS, DECISION_OUTCOMES } from '@jiyn/domain';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class PointGeometry {
  @ApiProperty({ enum: ['Point'] })
  @IsIn(['Point'])
  type: 'Point';

  @ApiProperty({ example: [76.9094, 43.2318], description: '[longitude, latitude]' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true })
  coordinates: [number, number];
}

export class Equipment {
  @ApiProperty() @IsBoolean() sound: boolean;
  @ApiProperty() @IsBoolean() vehicles: boolean;
  @ApiProperty() @IsBoolean() structures: boolean;
  @ApiProperty() @IsBoolean() visualAids: boolean;
}

export class LegalEntity {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) name: string;
  @ApiProperty() @Matches(/^\d{12}$/, { message: 'bin must be 12 digits' }) bin: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(500) address: string;
}

export class Person {
  @ApiProperty({ example: '880808300004' })
  @Matches(/^\d{12}$/, { message: 'iin must be 12 digits' })
  iin: string;

  @ApiProperty({ example: 'ERMEKOV TIMUR' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ description: 'Place of residence or temporary stay' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  address: string;

  @ApiProperty({ example: '+77011234567' })
  @Matches(/^\+7\d{10}$/, { message: 'phone must be a Kazakh mobile number like +77011234567' })
  phone: string;

  @ApiProperty()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(200)
  email: string;
}

export class Organizer extends Person {
  @ApiPropertyOptional({
    enum: ['kk', 'ru', 'en'],
    description: 'The language of the messages Jiyn sends (default kk)',
  })
  @IsOptional()
  @IsIn(['kk', 'ru', 'en'])
  locale?: 'kk' | 'ru' | 'en';

  @ApiPropertyOptional({
    description: 'When the organizer is a legal entity (the person is its representative)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => LegalEntity)
  legalEntity?: LegalEntity;
}

export class CreateFilingBody {
  @ApiProperty({ enum: ASSEMBLY_FORMS })
  @IsIn(ASSEMBLY_FORMS as unknown as string[], {
    message: `form must be one of ${ASSEMBLY_FORMS.join(', ')}`,
  })
  form: string;

  @ApiProperty({ example: '750000000' })
  @Matches(/^\d{9}$/, { message: 'jurisdiction must be a 9-digit KATO code' })
  jurisdiction: string;

  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) purpose: string;

  @ApiProperty({ example: '2026-12-15T11:00:00+05:00' })
  @Matches(INSTANT, { message: 'startsAt must be an ISO 8601 instant with offset' })
  @IsISO8601({ strict: true }, { message: 'startsAt must be a real instant' })
  startsAt: string;

  @ApiProperty({ example: '2026-12-15T13:00:00+05:00' })
  @Matches(INSTANT, { message: 'endsAt must be an ISO 8601 instant with offset' })
  @IsISO8601({ strict: true }, { message: 'endsAt must be a real instant' })
  endsAt: string;

  @ApiProperty({ example: 200 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  expectedParticipants: number;

  @ApiPropertyOptional({ description: 'A specialized place or route id, or "auto" to have one assigned' })
  @ValidateIf((o: CreateFilingBody) => o.location === undefined || o.venueId !== undefined)
  @Matches(/^(auto|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: 'venueId must be a venue id or "auto" (or give location for a picket)',
  })
  venueId?: string;

  @ApiPropertyOptional({ description: 'With venueId "auto": assign the nearest to this point' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PointGeometry)
  near?: PointGeometry;

  @ApiPropertyOptional({ description: 'A picket away from specialized places, instead of venueId' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PointGeometry)
  location?: PointGeometry;

  @ApiPropertyOptional({ description: 'For a picket at a location: the building or object it stands at' })
  @ValidateIf((o: CreateFilingBody) => o.location !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'object is required for a picket at a location' })
  @MaxLength(300)
  object?: string;

  @ApiProperty({ type: Equipment })
  @ValidateNested()
  @Type(() => Equipment)
  @IsObject()
  equipment: Equipment;

  @ApiPropertyOptional({ description: "The assembly's regulations; required except for a picket" })
  @ValidateIf((o: CreateFilingBody) => o.form !== 'picket' || o.regulations !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'regulations are required except for a picket' })
  @MaxLength(20000)
  regulations?: string;

  @ApiProperty({ description: 'Sources of financing' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  financing: string;

  @ApiProperty({ description: 'Consent to the processing of personal data; must be true' })
  @Equals(true, { message: 'personalDataConsent must be true' })
  personalDataConsent: boolean;

  @ApiProperty({ type: Organizer })
  @ValidateNested()
  @Type(() => Organizer)
  @IsObject()
  organizer: Organizer;

  @ApiPropertyOptional({ type: Person })
  @IsOptional()
  @ValidateNested()
  @Type(() => Person)
  representative?: Person;

  @ApiPropertyOptional({
    enum: ['electronic', 'paper'],
    description: '"paper" when an officer registers a filing received on paper',
  })
  @IsOptional()
  @IsIn(['electronic', 'paper'])
  channel?: 'electronic' | 'paper';

  @ApiPropertyOptional({ description: 'Paper filings: when it was received' })
  @ValidateIf((o: CreateFilingBody) => o.channel === 'paper')
  @Matches(INSTANT, { message: 'registeredAt must be an ISO 8601 instant with offset' })
  @IsISO8601({ strict: true }, { message: 'registeredAt must be a real instant' })
  registeredAt?: string;

  @ApiPropertyOptional({
    description: 'Signature envelope over the JCS canonical body without signature (electronic filings)',
  })
  @ValidateIf((o: CreateFilingBody) => o.channel !== 'paper')
  @IsObject({ message: 'signature is required for an electronic filing' })
  signature?: Record<string, unknown>;
}

export class ProposalBody {
  @ApiProperty() @Matches(UUID, { message: 'venueId must be a venue id' }) venueId: string;

  @ApiProperty()
  @Matches(INSTANT, { message: 'startsAt must be an ISO 8601 instant with offset' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty()
  @Matches(INSTANT, { message: 'endsAt must be an ISO 8601 instant with offset' })
  @IsISO8601({ strict: true })
  endsAt: string;
}

export const DELIVERY_CHANNELS = ['in_person', 'registered_mail', 'e_document', 'email', 'sms'] as const;

export class DecisionBody {
  @ApiProperty({ enum: DECISION_OUTCOMES })
  @IsIn(DECISION_OUTCOMES as unknown as string[], {
    message: `outcome must be one of ${DECISION_OUTCOMES.join(', ')}`,
  })
  outcome: string;

  @ApiPropertyOptional({ type: [String], description: 'Refusal grounds (codes of /api/v1/refusal-grounds)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  grounds?: string[];

  @ApiPropertyOptional({ description: 'Written reasons (required for a refusal and a proposal)' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  reason?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'For approved_with_restrictions, e.g. "no sound amplification"',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  restrictions?: string[];

  @ApiPropertyOptional({ type: ProposalBody })
  @ValidateIf((o: DecisionBody) => o.outcome === 'change_proposed')
  @ValidateNested()
  @Type(() => ProposalBody)
  @IsObject({ message: 'proposal is required for change_proposed' })
  proposal?: ProposalBody;

  @ApiProperty({ enum: DELIVERY_CHANNELS })
  @IsIn(DELIVERY_CHANNELS as unknown as string[], {
    message: `deliveredVia must be one of ${DELIVERY_CHANNELS.join(', ')}`,
  })
  deliveredVia: string;

  @ApiPropertyOptional({
    description: 'Tracking number of the registered letter (e-mail and SMS must be followed by one)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  registeredMailTracking?: string;

  @ApiProperty({ description: "The officer's signature over the JCS canonical body without signature" })
  @IsObject({ message: 'signature is required' })
  signature: Record<string, unknown>;
}

export class FilingListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z_]+(,[a-z_]+)*$/, { message: 'status must be a comma list of statuses' })
  status?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'jurisdiction must be a 9-digit KATO code' })
  jurisdiction?: string;
  @ApiPropertyOptional({
    enum: ['mine', 'jurisdiction'],
    description: 'Staff: their jurisdiction (default); mine: as organizer',
  })
  @IsOptional()
  @IsIn(['mine', 'jurisdiction'])
  scope?: 'mine' | 'jurisdiction';
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}

export class FilingReasonBody {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}
