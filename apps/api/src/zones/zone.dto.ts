import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsLocalDate } from '../register/dates';
import { GeometryBody } from '../venues/geometry';

const KATO = /^\d{9}$/;

export class ZonesQuery {
  @ApiPropertyOptional({ description: 'KATO code; a city includes its districts', example: '750000000' })
  @IsOptional()
  @Matches(KATO, { message: 'jurisdiction must be a 9-digit KATO code' })
  jurisdiction?: string;

  @ApiPropertyOptional({
    description: 'The zones in force on this day (default: today)',
    example: '2026-12-01',
  })
  @IsOptional()
  @IsLocalDate()
  date?: string;
}

/** A no-picketing zone drawn by the maslikhat (Art. 9(5)); stored as a MultiPolygon. */
export class CreateZoneBody {
  @ApiProperty({ example: '750000000' })
  @Matches(KATO, { message: 'jurisdiction must be a 9-digit KATO code' })
  jurisdiction: string;

  @ApiProperty({ type: GeometryBody, description: 'GeoJSON Polygon or MultiPolygon, WGS 84' })
  @IsObject()
  @ValidateNested()
  @Type(() => GeometryBody)
  geometry: GeometryBody;

  @ApiProperty({ example: 'Almaty-1 railway station and adjacent land (Art. 9(5)(2)), 400 m' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;

  @ApiProperty({ example: 'Almaty city maslikhat decision V24R0001755 (2024)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  decisionRef: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'First day in force (default: today)' })
  @IsOptional()
  @IsLocalDate()
  activeFrom?: string;

  @ApiPropertyOptional({ example: '2027-12-31', description: 'Last day in force (default: none)' })
  @IsOptional()
  @IsLocalDate()
  activeTo?: string;
}
