import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StatsQuery } from './stats.query';
import { StatsService } from './stats.service';

@ApiTags('stats')
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get()
  @ApiOperation({
    summary: 'Counts of assemblies by assembly date, filings and imported paper records together',
    description:
      'groupBy is a comma list of jurisdiction, form, month (YYYY-MM), status, and source; an unknown name is a 400.',
  })
  @ApiOkResponse({ description: '{rows:[{jurisdiction?, form?, month?, status?, source?, count}], total}' })
  get(@Query() query: StatsQuery) {
    return this.stats.stats(query);
  }
}
