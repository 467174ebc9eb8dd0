import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { dataSourceOptions } from '@jiyn/persistence';
import { JiynConfig, PlatformModule } from '@jiyn/platform';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CertificatesModule } from './certificates/certificates.module';
import { FilingsModule } from './filings/filings.module';
import { HealthModule } from './health/health.module';
import { LegalModule } from './legal/legal.module';
import { VenuesModule } from './venues/venues.module';
import { ZonesModule } from './zones/zones.module';
import { RegisterModule } from './register/register.module';
import { StatsModule } from './stats/stats.module';
import { ImportsModule } from './imports/imports.module';

@Module({})
export class AppModule {
  static forRoot(config: JiynConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config, logger, 'api'),
        TypeOrmModule.forRoot({
          ...dataSourceOptions({
            databaseUrl: config.databaseUrl,
            applicationName: 'jiyn-api',
            poolSize: 20,
          }),
        }),
        AuthModule,
        AuditModule,
        LegalModule,
        HealthModule,
        FilingsModule,
        CertificatesModule,
        VenuesModule,
        ZonesModule,
        RegisterModule,
        StatsModule,
        ImportsModule,
      ],
    };
  }
}
