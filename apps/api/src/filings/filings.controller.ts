import { Body, Controller, Get, Headers, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest, AuthUser } from '../auth/auth.types';
import { CurrentUser, Roles } from '../auth/roles.decorator';
import { CreateFilingBody, DecisionBody, FilingListQuery, FilingReasonBody } from './filing.dto';
import { FilingAnswerService } from './filing-answer.service';
import { FilingQueryService } from './filing-query.service';
import { FilingRegistrationService } from './filing-registration.service';
import { IdempotencyService } from './idempotency.service';

@ApiTags('filings')
@ApiBearerAuth()
@Controller('filings')
export class FilingsController {
  constructor(
    private readonly registration: FilingRegistrationService,
    private readonly answers: FilingAnswerService,
    private readonly queries: FilingQueryService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Post()
  @Roles('organizer')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retries with the same key and body answer the first response',
  })
  @ApiOperation({ summary: 'File a notification or application (or register a paper filing, as an officer)' })
  async create(
    @Body() body: CreateFilingBody,
    @CurrentUser() user: AuthUser,
    @Req() request: AuthenticatedRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const raw = request.body as object;
    const result = await this.idempotency.run(user.iin, key, 'POST /filings', raw, async () => ({
      status: 201,
      body: await this.registration.register(body, raw, user, String(request.id)),
    }));
    reply.status(result.status);
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return result.body;
  }

  @Get()
  @Roles('organizer')
  @ApiOperation({
    summary: 'Organizer: own filings. Staff: their jurisdiction. Soonest answer deadline first.',
  })
  list(@Query() query: FilingListQuery, @CurrentUser() user: AuthUser) {
    return this.queries.list(user, query);
  }

  @Get('queue-stats')
  @Roles('akimat_officer', 'admin')
  @ApiOperation({ summary: "The officer's counters: pending, answered on time and late, deemed approved" })
  queueStats(@Query() query: FilingListQuery, @CurrentUser() user: AuthUser) {
    return this.queries.queueStats(user, query.jurisdiction);
  }

  @Get(':id')
  @Roles('organizer')
  @ApiOperation({
    summary: 'A filing; its organizer and the staff of its jurisdiction only (404 for anyone else)',
  })
  get(@Param('id') id: string, @CurrentUser() user: AuthUser) {
    return this.queries.get(id, user);
  }

  @Post(':id/decision')
  @Roles('akimat_officer')
  @ApiOperation({ summary: "Record the akimat's answer (signed by the officer)" })
  decide(
    @Param('id') id: string,
    @Body() body: DecisionBody,
    @CurrentUser() user: AuthUser,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    reply.status(200);
    return this.answers.decide(id, body, request.body as object, user, String(request.id));
  }

  @Post(':id/withdraw')
  @Roles('organizer')
  @ApiOperation({ summary: 'Withdraw the filing; frees the slot' })
  withdraw(
    @Param('id') id: string,
    @Body() body: FilingReasonBody,
    @CurrentUser() user: AuthUser,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    reply.status(200);
    return this.answers.withdraw(id, user, body?.reason, String(request.id));
  }

  @Post(':id/proposal/accept')
  @Roles('organizer')
  @ApiOperation({ summary: "Accept the akimat's proposal; the booking moves to the proposed place and time" })
  accept(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    reply.status(200);
    return this.answers.acceptProposal(id, user, String(request.id));
  }

  @Post(':id/proposal/decline')
  @Roles('organizer')
  @ApiOperation({ summary: "Decline the akimat's proposal" })
  decline(
    @Param('id') id: string,
    @Body() body: FilingReasonBody,
    @CurrentUser() user: AuthUser,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    reply.status(200);
    return this.answers.declineProposal(id, user, body?.reason, String(request.id));
  }
}
