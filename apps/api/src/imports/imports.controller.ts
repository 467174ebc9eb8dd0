import { Body, Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedRequest, AuthUser } from '../auth/auth.types';
import { CurrentUser, Roles } from '../auth/roles.decorator';
import { ProblemException } from '../common/problem';
import { IdempotencyService } from '../filings/idempotency.service';
import { IMPORT_COLUMNS, ImportsService } from './imports.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Post('import')
  @HttpCode(200)
  @Roles('admin')
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example: `${IMPORT_COLUMNS.join(',')}\nmeeting,750000000,2019-06-12,Old Square,300,held\n`,
    },
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({
    summary: 'Import records of past assemblies held on paper (text/csv); admin',
    description:
      `Header ${IMPORT_COLUMNS.join(',')}. Good lines are imported, bad ones rejected with their line ` +
      'numbers; a line imported before is rejected as a duplicate. A body that is not CSV is a 415 or 400.',
  })
  @ApiOkResponse({ description: '{batchId, imported, rejected:[{line, code, message}]}' })
  async import(
    @Body() body: unknown,
    @CurrentUser() user: AuthUser,
    @Req() request: AuthenticatedRequest,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const type = String(request.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (type !== 'text/csv') {
      throw new ProblemException(
        415,
        'unsupported_media_type',
        'Unsupported media type',
        'Send the records as text/csv.',
      );
    }
    const result = await this.idempotency.run(
      user.iin,
      key,
      'POST /admin/import',
      body ?? null,
      async () => ({
        status: 200,
        body: await this.imports.import(body, user, String(request.id)),
      }),
    );
    return result.body;
  }
}
