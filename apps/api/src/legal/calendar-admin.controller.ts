import { Body, Controller, Delete, Get, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedRequest, AuthUser } from '../auth/auth.types';
import { CurrentUser, Roles } from '../auth/roles.decorator';
import { CalendarAdminService } from './calendar-admin.service';
import { CalendarEntryBody, PolicyBody, ReasonBody } from './legal.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin')
export class CalendarAdminController {
  constructor(private readonly admin: CalendarAdminService) {}

  @Get('calendar/entries')
  @ApiOperation({
    summary: 'Every calendar entry (holiday rules, dated holidays, decrees), retired ones too',
  })
  list() {
    return this.admin.list();
  }

  @Post('calendar/entries')
  @ApiOperation({ summary: 'Add a holiday rule, a dated holiday or a decree' })
  create(@Body() body: CalendarEntryBody, @CurrentUser() user: AuthUser, @Req() req: AuthenticatedRequest) {
    return this.admin.create(body.entry, body.reason, user, String(req.id));
  }

  @Put('calendar/entries/:id')
  @ApiOperation({ summary: 'Change a calendar entry' })
  replace(
    @Param('id') id: string,
    @Body() body: CalendarEntryBody,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ) {
    return this.admin.replace(id, body.entry, body.reason, user, String(req.id));
  }

  @Delete('calendar/entries/:id')
  @ApiOperation({ summary: 'Retire a calendar entry (kept for the record)' })
  retire(
    @Param('id') id: string,
    @Body() body: ReasonBody,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ) {
    return this.admin.retire(id, body.reason, user, String(req.id));
  }

  @Post('policies')
  @ApiOperation({ summary: 'Add a legal policy version with its effective date' })
  addPolicy(@Body() body: PolicyBody, @CurrentUser() user: AuthUser, @Req() req: AuthenticatedRequest) {
    return this.admin.addPolicy(body.policy, body.reason, user, String(req.id));
  }
}
