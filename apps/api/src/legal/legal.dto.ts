import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  IsOptional,
} from 'class-validator';
import { ASSEMBLY_FORMS } from '@jiyn/domain';

export class DeadlinesQuery {
  @ApiProperty({ enum: ASSEMBLY_FORMS })
  @IsIn(ASSEMBLY_FORMS as unknown as string[], {
    message: `form must be one of ${ASSEMBLY_FORMS.join(', ')}`,
  })
  form: string;

  @ApiProperty({ example: '2025-03-26', description: 'The assembly day (local date)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date YYYY-MM-DD' })
  date: string;

  @ApiProperty({ example: '750000000' })
  @Matches(/^\d{9}$/, { message: 'jurisdiction must be a 9-digit KATO code' })
  jurisdiction: string;

  @ApiPropertyOptional({
    example: '2025-03-14T10:00:00+05:00',
    description: 'When the filing was (or would be) received',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'registeredAt must be an ISO 8601 instant with offset' })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'registeredAt must carry an offset' })
  registeredAt?: string;
}

export class CalendarEntryBody {
  @ApiProperty({
    description:
      'A calendar entry: recurring_holiday, dated_holiday or decree (see GET /api/v1/admin/calendar/entries)',
  })
  @IsObject()
  entry: Record<string, unknown>;

  @ApiProperty({ description: 'Why (kept in the audit log)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

export class ReasonBody {
  @ApiProperty({ description: 'Why (kept in the audit log)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

export class PolicyBody {
  @ApiProperty({ description: 'A legal policy version (see GET /api/v1/policies)' })
  @IsObject()
  policy: Record<string, unknown>;

  @ApiProperty({ description: 'Why (kept in the audit log)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}
