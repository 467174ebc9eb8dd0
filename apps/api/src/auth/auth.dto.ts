import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { STAFF_ROLES, StaffRole } from './auth.types';

export class CreateSessionBody {
  @ApiProperty({
    description: 'Signature envelope over the UTF-8 bytes of the challenge',
    example: { format: 'stub', iin: '880808300004', fullName: 'ERMEKOV TIMUR', digest: '<sha256 hex>' },
  })
  @IsObject()
  signature: Record<string, unknown>;

  @ApiPropertyOptional({
    description: 'The challenge that was signed (optional: it is found from the signature otherwise)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  challenge?: string;
}

export class CreateStaffBody {
  @ApiProperty({ example: '870302400008' })
  @Matches(/^\d{12}$/, { message: 'iin must be 12 digits' })
  iin: string;

  @ApiProperty({ example: 'SULTANOVA AIGERIM' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES as unknown as string[])
  role: StaffRole;

  @ApiPropertyOptional({ description: 'KATO code; required except for administrators', example: '750000000' })
  @ValidateIf((o: CreateStaffBody) => o.role !== 'admin' || o.jurisdiction !== undefined)
  @Matches(/^\d{9}$/, { message: 'jurisdiction must be a 9-digit KATO code' })
  jurisdiction?: string;

  @ApiPropertyOptional({ description: 'Work e-mail, for reminders before answer deadlines' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(200)
  email?: string;

  @ApiPropertyOptional({ example: '+77011234567' })
  @IsOptional()
  @Matches(/^\+7\d{10}$/, { message: 'phone must be a Kazakh mobile number like +77011234567' })
  phone?: string;

  @ApiPropertyOptional({ enum: ['kk', 'ru', 'en'] })
  @IsOptional()
  @IsIn(['kk', 'ru', 'en'])
  locale?: 'kk' | 'ru' | 'en';

  @ApiPropertyOptional({ description: 'Why (kept in the audit log)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class RemoveStaffBody {
  @ApiProperty({ description: 'Why (kept in the audit log)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}
