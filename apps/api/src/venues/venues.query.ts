import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class VenuesQuery {
  @ApiPropertyOptional({ description: 'KATO code; a city includes its districts', example: '750000000' })
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'jurisdiction must be a 9-digit KATO code' })
  jurisdiction?: string;
}
