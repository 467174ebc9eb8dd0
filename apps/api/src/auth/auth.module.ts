import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { EsignService } from './esign.service';
import { RateLimiter } from './rate-limiter';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';

@Global()
@Module({
  controllers: [AuthController, StaffController],
  providers: [
    AuthService,
    EsignService,
    RateLimiter,
    StaffService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, EsignService, RateLimiter],
})
export class AuthModule {}
