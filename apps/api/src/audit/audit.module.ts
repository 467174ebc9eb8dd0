import { Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { JIYN_CONFIG, JiynConfig, loadAuditSigningKey, LOGGER } from '@jiyn/platform';
import { AuditController } from './audit.controller';
import { AUDIT_SIGNING_KEY } from './audit.tokens';

@Module({
  controllers: [AuditController],
  providers: [
    {
      provide: AUDIT_SIGNING_KEY,
      inject: [JIYN_CONFIG, LOGGER],
      useFactory: (config: JiynConfig, logger: Logger) => loadAuditSigningKey(config, logger),
    },
  ],
})
export class AuditModule {}
