import { Body, Controller, Get, Header, Headers, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest, AuthUser } from '../auth/auth.types';
import { CurrentUser, Roles } from '../auth/roles.decorator';
import { IdempotencyService } from '../filings/idempotency.service';
import { CreateZoneBody, ZonesQuery } from './zone.dto';
import { ZonesService } from './zones.service';

@ApiTags('restricted-zones')
@Controller('restricted-zones')
export class ZonesController {
  constructor(
    private readonly zones: ZonesService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Get()
  @Header('content-type', 'application/geo+json')
  @ApiOperation({ summary: 'No-picketing zones in force (Art. 9(5)) as GeoJSON MultiPolygons' })
  @ApiOkResponse({
    description:
      'FeatureCollection; properties {id, jurisdiction, reason, decisionRef, activeFrom, activeTo}',
  })
  list(@Query() query: ZonesQuery) {
    return this.zones.list(query.jurisdiction, query.date);
  }

  @Post()
  @Roles('maslikhat_staff')
  @ApiBearerAuth()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({
    summary: 'Draw a no-picketing zone (Polygon or MultiPolygon); maslikhat staff of its jurisdiction',
  })
  async create(
    @Body() body: CreateZoneBody,
    @CurrentUser() user: AuthUser,
    @Req() request: AuthenticatedRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.idempotency.run(
      user.iin,
      key,
      'POST /restricted-zones',
      request.body,
      async () => ({
        status: 201,
        body: await this.zones.create(body, user, String(request.id)),
      }),
    );
    reply.status(result.status);
    reply.header('content-type', 'application/geo+json');
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return result.body;
  }
}
