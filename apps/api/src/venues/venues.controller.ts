import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { VenuesQuery } from './venues.query';
import { VenuesService } from './venues.service';

@ApiTags('venues')
@Controller('venues')
export class VenuesController {
  constructor(private readonly venues: VenuesService) {}

  @Get()
  @Header('content-type', 'application/geo+json')
  @ApiOperation({ summary: 'Active specialized places and routes as GeoJSON' })
  @ApiOkResponse({
    description: 'FeatureCollection; properties {id, name, kind, maxOccupancy, jurisdiction}',
  })
  list(@Query() query: VenuesQuery) {
    return this.venues.activeVenues(query.jurisdiction);
  }
}
