import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsLocalDate } from '../register/dates';
import { GeometryBody } from './geometry';

const KATO = /^\d{9}$/;

/** A specialized place (Point or Polygon) or route (LineString), as the maslikhat decided it. */
export class CreateVenueBody {
  @ApiProperty({ example: 'Square by the Auezov theatre' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @ApiProperty({ example: '750000000', description: 'KATO code of the city, region or district' })
  @Matches(KATO, { message: 'jurisdiction must be a 9-digit KATO code' })
  jurisdiction: string;

  @ApiProperty({
    type: GeometryBody,
    description: 'GeoJSON Point or Polygon (a place) or LineString (a route), WGS 84',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => GeometryBody)
  geometry: GeometryBody;

  @ApiProperty({ example: 300 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  maxOccupancy: number;

  @ApiProperty({ example: 'Almaty city maslikhat decision No. 462 of 23.06.2020' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  decisionRef: string;

  @ApiProperty({ example: '2026-12-01', description: 'First day it is a specialized place' })
  @IsLocalDate()
  activeFrom: string;

  @ApiPropertyOptional({
    example: '2027-06-30',
    nullable: true,
    description: 'Last day it is a specialized place',
  })
  @IsOptional()
  @IsLocalDate()
  activeTo?: string | null;
}

/** Any of the fields of a venue; `activeTo: null` reopens a closed venue. */
export class UpdateVenueBody {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name?: string;

  @ApiPropertyOptional({ example: '751110000' })
  @IsOptional()
  @Matches(KATO, { message: 'jurisdiction must be a 9-digit KATO code' })
  jurisdiction?: string;

  @ApiPropertyOptional({ type: GeometryBody })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => GeometryBody)
  geometry?: GeometryBody;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  maxOccupancy?: number;

  @ApiPropertyOptional({ description: 'The decision behind this change' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  decisionRef?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsLocalDate()
  activeFrom?: string;

  @ApiPropertyOptional({ nullable: true, description: 'Last day; null reopens the venue' })
  @ValidateIf((o: UpdateVenueBody) => o.activeTo !== null && o.activeTo !== undefined)
  @IsLocalDate()
  activeTo?: string | null;
}

export class VenueBookingsQuery {
  @ApiPropertyOptional({ example: '2026-12-01', description: 'First assembly date (default: today)' })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({ example: '2027-01-30', description: 'Last assembly date (default: from + 60 days)' })
  @IsOptional()
  @IsLocalDate()
  to?: string;
}
