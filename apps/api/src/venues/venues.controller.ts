import { Body, Controller, Get, Header, Headers, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest, AuthUser } from '../auth/auth.types';
import { CurrentUser, Roles } from '../auth/roles.decorator';
import { IdempotencyService } from '../filings/idempotency.service';
import { CreateVenueBody, UpdateVenueBody, VenueBookingsQuery } from './venue.dto';
import { VenueAdminService } from './venue-admin.service';
import { VenuesQuery } from './venues.query';
import { VenuesService } from './venues.service';

@ApiTags('venues')
@Controller('venues')
export class VenuesController {
  constructor(
    private readonly venues: VenuesService,
    private readonly admin: VenueAdminService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Get()
  @Header('content-type', 'application/geo+json')
  @ApiOperation({ summary: 'Active specialized places and routes as GeoJSON' })
  @ApiOkResponse({
    description: 'FeatureCollection; properties {id, name, kind, maxOccupancy, jurisdiction}',
  })
  list(@Query() query: VenuesQuery) {
    return this.venues.activeVenues(query.jurisdiction);
  }

  @Post()
  @Roles('maslikhat_staff')
  @ApiBearerAuth()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({
    summary:
      'Add a specialized place (Point, Polygon) or route (LineString); maslikhat staff of its jurisdiction',
    description:
      'The geometry must be valid (PostGIS ST_IsValid, WGS 84) and inside Kazakhstan. The answer carries ' +
      '`warnings` when the district or city has fewer active places than the law asks (Art. 9(2)).',
  })
  async create(
    @Body() body: CreateVenueBody,
    @CurrentUser() user: AuthUser,
    @Req() request: AuthenticatedRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.idempotency.run(user.iin, key, 'POST /venues', request.body, async () => ({
      status: 201,
      body: await this.admin.create(body, user, String(request.id)),
    }));
    reply.status(result.status);
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return result.body;
  }

  @Get(':id')
  @Header('content-type', 'application/geo+json')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOperation({ summary: 'One specialized place or route (active or not) as a GeoJSON Feature' })
  one(@Param('id') id: string) {
    return this.venues.one(id);
  }

  @Patch(':id')
  @Roles('maslikhat_staff')
  @ApiBearerAuth()
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOperation({
    summary: 'Change or close (activeTo) a venue; maslikhat staff of its jurisdiction, others get 404',
    description:
      'Closing a venue that has future bookings is allowed: `affectedBookings` lists them, for the ' +
      'officer to propose another place. `warnings` as for POST.',
  })
  update(
    @Param('id') id: string,
    @Body() body: UpdateVenueBody,
    @CurrentUser() user: AuthUser,
    @Req() request: AuthenticatedRequest,
  ) {
    return this.admin.update(id, body, user, String(request.id));
  }

  @Get(':id/bookings')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOperation({
    summary: 'The assemblies booked at a venue: date, start, end, expected participants, status',
    description: 'Window of assembly dates; default today .. today + 60 days, at most 366 days.',
  })
  bookings(@Param('id') id: string, @Query() query: VenueBookingsQuery) {
    return this.venues.bookings(id, query.from, query.to);
  }
}
