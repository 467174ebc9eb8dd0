import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { CreateStaffBody, RemoveStaffBody } from './auth.dto';
import type { AuthenticatedRequest, AuthUser } from './auth.types';
import { CurrentUser, Roles } from './roles.decorator';
import { StaffService } from './staff.service';

class StaffQuery {
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'jurisdiction must be a 9-digit KATO code' })
  jurisdiction?: string;
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/staff')
@Roles('admin')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @ApiOperation({ summary: 'The staff register (active members)' })
  list(@Query() query: StaffQuery) {
    return this.staff.list(query.jurisdiction);
  }

  @Post()
  @ApiOperation({ summary: 'Add an akimat officer, maslikhat staff member or administrator' })
  add(@Body() body: CreateStaffBody, @CurrentUser() user: AuthUser, @Req() request: AuthenticatedRequest) {
    return this.staff.add(body, user, String(request.id));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: "Remove a staff role; that person's sessions are revoked" })
  async remove(
    @Param('id') id: string,
    @Body() body: RemoveStaffBody,
    @CurrentUser() user: AuthUser,
    @Req() request: AuthenticatedRequest,
  ) {
    await this.staff.remove(id, body.reason, user, String(request.id));
  }
}
