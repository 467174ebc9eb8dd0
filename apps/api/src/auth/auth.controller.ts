import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { JIYN_CONFIG, JiynConfig } from '@jiyn/platform';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateSessionBody } from './auth.dto';
import { AuthService } from './auth.service';
import type { AuthenticatedRequest, AuthUser } from './auth.types';
import { RateLimiter } from './rate-limiter';
import { CurrentUser, Roles } from './roles.decorator';

const publicUser = (user: AuthUser) => ({
  iin: user.iin,
  fullName: user.fullName,
  roles: user.roles,
  jurisdictions: user.jurisdictions,
  staff: user.staff.map(({ role, jurisdiction }) => ({ role, jurisdiction })),
});

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly limiter: RateLimiter,
    @Inject(JIYN_CONFIG) private readonly config: JiynConfig,
  ) {}

  @Post('challenge')
  @HttpCode(200)
  @ApiOperation({ summary: 'A single-use login challenge, valid for two minutes' })
  async challenge(@Req() request: AuthenticatedRequest) {
    await this.limiter.consume('challenge', request.ip, this.config.authAttemptsPerMinute * 3, 60);
    return this.auth.createChallenge();
  }

  @Post('session')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with a signature over the challenge; answers a bearer token' })
  async session(@Body() body: CreateSessionBody, @Req() request: AuthenticatedRequest) {
    await this.limiter.consume('session', request.ip, this.config.authAttemptsPerMinute, 60);
    const { token, user } = await this.auth.createSession(body.signature, body.challenge);
    return { token, user: publicUser(user) };
  }

  @Post('logout')
  @HttpCode(204)
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke this session' })
  async logout(@CurrentUser() user: AuthUser) {
    await this.auth.logout(user);
  }

  @Get('me')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who is signed in, with roles read from the staff register now' })
  me(@CurrentUser() user: AuthUser) {
    return publicUser(user);
  }
}
