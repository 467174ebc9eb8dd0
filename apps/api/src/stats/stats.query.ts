import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches, MaxLength } from 'class-validator';
import { IsLocalDate } from '../register/dates';

export class StatsQuery {
  @ApiPropertyOptional({ description: 'First assembly date (inclusive)', example: '2026-01-01' })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Last assembly date (inclusive)', example: '2026-12-31' })
  @IsOptional()
  @IsLocalDate()
  to?: string;

  @ApiPropertyOptional({
    description: 'Comma list of jurisdiction, form, month, status (and source: filing or import)',
    example: 'jurisdiction,month',
  })
  @IsOptional()
  @MaxLength(200)
  groupBy?: string;

  @ApiPropertyOptional({ description: 'KATO code; a city includes its districts', example: '750000000' })
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'jurisdiction must be a 9-digit KATO code' })
  jurisdiction?: string;

  @ApiPropertyOptional({ enum: ['filing', 'import'], description: 'Count only one source (default: both)' })
  @IsOptional()
  @IsIn(['filing', 'import'])
  source?: 'filing' | 'import';
}
