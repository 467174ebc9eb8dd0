import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AssemblyForm,
  computeDeadlines,
  isValidLocalDate,
  refusalGroundsInForce,
  localDateOf,
  selectPolicy,
} from '@jiyn/domain';
import type { CalendarYearResponse, DeadlinesResponse } from '@jiyn/contracts';
import { CLOCK, Clock } from '@jiyn/platform';
import { Inject } from '@nestjs/common';
import { problems } from '../common/problem';
import { JurisdictionsService } from './jurisdictions.service';
import { DeadlinesQuery } from './legal.dto';
import { LegalRulesService } from './legal-rules.service';

@ApiTags('legal clock')
@Controller()
export class DeadlinesController {
  constructor(
    private readonly rules: LegalRulesService,
    private readonly jurisdictions: JurisdictionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('deadlines')
  @ApiOperation({ summary: 'The legal deadlines of an assembly: file by, answer due, deemed approval' })
  deadlines(@Query() query: DeadlinesQuery): DeadlinesResponse {
    if (!isValidLocalDate(query.date)) {
      throw problems.validation([
        { field: 'date', code: 'invalid_date', message: 'date is not a calendar date' },
      ]);
    }
    const jurisdiction = this.jurisdictions.find(query.jurisdiction);
    if (!jurisdiction) {
      throw problems.validation([
        { field: 'jurisdiction', code: 'unknown', message: 'No such jurisdiction.' },
      ]);
    }
    const registeredAt = query.registeredAt ? new Date(query.registeredAt) : undefined;
    const policyDate = registeredAt
      ? localDateOf(registeredAt, jurisdiction.timeZone)
      : localDateOf(this.clock.now(), jurisdiction.timeZone);
    const result = computeDeadlines({
      form: query.form as AssemblyForm,
      assemblyDate: query.date,
      timeZone: jurisdiction.timeZone,
      calendar: this.rules.calendar,
      policy: selectPolicy(this.rules.policies, policyDate),
      registeredAt,
    });
    return result as DeadlinesResponse;
  }

  @Get('calendar/:year')
  @ApiOperation({ summary: 'Days off and working weekend days of a year, with reasons' })
  calendar(@Param('year') year: string): CalendarYearResponse {
    const value = Number(year);
    if (!/^\d{4}$/.test(year) || value < 2000 || value > 2100) {
      throw problems.validation([
        { field: 'year', code: 'out_of_range', message: 'year must be from 2000 to 2100' },
      ]);
    }
    return this.rules.calendar.yearView(value);
  }

  @Get('refusal-grounds')
  @ApiOperation({
    summary: 'The refusal grounds of Art. 14(1) in force today, in Kazakh, Russian and English',
  })
  refusalGrounds() {
    const today = localDateOf(this.clock.now(), 'Asia/Almaty');
    return refusalGroundsInForce(today).map((g) => ({
      code: g.code,
      article: g.article,
      title: g.title,
      requiresPriorProposal: g.requiresPriorProposal ?? false,
    }));
  }

  @Get('policies')
  @ApiOperation({ summary: 'The versions of the legal policy (periods, daily window, counting)' })
  policies() {
    return this.rules.policies;
  }

  @Get('jurisdictions')
  @ApiOperation({ summary: 'Jurisdictions by KATO code' })
  listJurisdictions() {
    return this.jurisdictions
      .all()
      .map(({ kato, parentKato, kind, name }) => ({ kato, parentKato, kind, name }));
  }
}
