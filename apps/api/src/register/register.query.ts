import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsLocalDate } from './dates';

const LIST = /^[a-z_]+(,[a-z_]+)*$/;

/** The filters shared by the register and its exports. */
export class RegisterFilterQuery {
  @ApiPropertyOptional({ description: 'KATO code; a city includes its districts', example: '750000000' })
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'jurisdiction must be a 9-digit KATO code' })
  jurisdiction?: string;

  @ApiPropertyOptional({ description: 'First assembly date (inclusive)', example: '2026-12-01' })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Last assembly date (inclusive)', example: '2026-12-31' })
  @IsOptional()
  @IsLocalDate()
  to?: string;

  @ApiPropertyOptional({ description: 'Comma list of forms', example: 'meeting,rally' })
  @IsOptional()
  @Matches(LIST, { message: 'form must be a comma list of forms' })
  form?: string;

  @ApiPropertyOptional({ description: 'Comma list of statuses', example: 'approved,deemed_approved' })
  @IsOptional()
  @Matches(LIST, { message: 'status must be a comma list of statuses' })
  status?: string;

  @ApiPropertyOptional({
    enum: ['filing', 'import'],
    description: 'Only filings, or only past assemblies imported from paper records (default: both)',
  })
  @IsOptional()
  @IsIn(['filing', 'import'])
  source?: 'filing' | 'import';
}

export class RegisterQuery extends RegisterFilterQuery {
  @ApiPropertyOptional({ description: 'Entries per page (default 50, at most 500)', example: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be the nextCursor of a previous page' })
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ description: 'Skip this many entries (instead of cursor)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}
