import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RegisterFilterQuery, RegisterQuery } from './register.query';
import { EXPORT_MAX, RegisterService } from './register.service';

const EXPORT_NOTE = `Not paginated: at most ${EXPORT_MAX} entries (header x-truncated: true when there were more; narrow the window).`;

/**
 * The public register. The exports are separate static routes (`/register.csv` etc.), which
 * Fastify's router matches exactly, before and apart from `/register`.
 */
@ApiTags('register')
@Controller()
export class RegisterController {
  constructor(private readonly register: RegisterService) {}

  @Get('register')
  @ApiOperation({
    summary: 'The public register of assemblies, by assembly date',
    description:
      'Every filing with form, place or route, times, purpose, expected participants, status, the answer ' +
      'with its grounds and reasons, and deadlines; past assemblies imported from paper records carry ' +
      "`source: 'import'`. A legal entity organizer by name; never an individual's name, IIN, address or " +
      'contacts. Sorted by startsAt; pages by limit with cursor (nextCursor) or offset.',
  })
  @ApiOkResponse({ description: '{items, total, limit, offset, nextCursor, from, to}' })
  list(@Query() query: RegisterQuery) {
    return this.register.page(query);
  }

  @Get('register.geojson')
  @ApiProduces('application/geo+json')
  @ApiOperation({ summary: 'The register as a GeoJSON FeatureCollection', description: EXPORT_NOTE })
  async geojson(@Query() query: RegisterFilterQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const { body, truncated } = await this.register.geojson(query);
    reply.header('content-type', 'application/geo+json; charset=utf-8');
    reply.header('x-truncated', String(truncated));
    return body;
  }

  @Get('register.ics')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('content-disposition', 'inline; filename="jiyn-register.ics"')
  @ApiProduces('text/calendar')
  @ApiOperation({ summary: 'The register as an iCalendar feed (RFC 5545)', description: EXPORT_NOTE })
  async ics(@Query() query: RegisterFilterQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const { body, truncated } = await this.register.ics(query);
    reply.header('x-truncated', String(truncated));
    return body;
  }

  @Get('register.csv')
  @Header('content-type', 'text/csv; charset=utf-8; header=present')
  @Header('content-disposition', 'attachment; filename="jiyn-register.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'The register as CSV (RFC 4180, header row)',
    description: `${EXPORT_NOTE} Cells starting with = + - @ are prefixed with a single quote.`,
  })
  async csv(@Query() query: RegisterFilterQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const { body, truncated } = await this.register.csv(query);
    reply.header('x-truncated', String(truncated));
    return body;
  }
}
