import { DynamicModule, Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { dataSourceOptions } from '@jiyn/persistence';
import { JiynConfig, PlatformModule } from '@jiyn/platform';
import { AuditHeadExporter } from './audit/audit-head-exporter';
import { DeadlineDecider } from './deadlines/deadline-decider';
import { DeadlineHandler } from './deadlines/deadline.handler';
import { DeadlineJobs } from './deadlines/deadline-jobs';
import { Reconciler } from './deadlines/reconciler';
import { Heartbeat } from './heartbeat';
import { MessageService } from './messages/message.service';
import {
  LoggingSmsProvider,
  LogMailTransport,
  MAIL_TRANSPORT,
  MailTransport,
  SMS_PROVIDER,
  SmsProvider,
  SmtpMailTransport,
} from './messages/transports';
import { OutboxRelay } from './outbox/outbox-relay';
import { QueueRegistry } from './queue-registry';
import { WorkerHealth } from './worker-health';
import { WORKER_SETTINGS, WorkerSettings } from './worker-settings';

export interface WorkerOverrides {
  mail?: MailTransport;
  sms?: SmsProvider;
}

@Module({})
export class WorkerModule implements OnApplicationBootstrap {
  constructor(@Inject(QueueRegistry) private readonly registry: QueueRegistry) {}

  static forRoot(
    config: JiynConfig,
    logger: Logger,
    settings: WorkerSettings,
    overrides: WorkerOverrides = {},
  ): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(config, logger, 'worker'),
        TypeOrmModule.forRoot(
          dataSourceOptions({
            databaseUrl: config.databaseUrl,
            applicationName: 'jiyn-worker',
            poolSize: 20,
          }),
        ),
      ],
      providers: [
        { provide: WORKER_SETTINGS, useValue: settings },
        {
          provide: MAIL_TRANSPORT,
          useFactory: () =>
            overrides.mail ??
            (config.smtpUrl
              ? new SmtpMailTransport(config.smtpUrl, config.mailFrom)
              : new LogMailTransport(logger)),
        },
        { provide: SMS_PROVIDER, useFactory: () => overrides.sms ?? new LoggingSmsProvider(logger) },
        QueueRegistry,
        DeadlineDecider,
        DeadlineJobs,
        DeadlineHandler,
        MessageService,
        OutboxRelay,
        Reconciler,
        WorkerHealth,
        Heartbeat,
        AuditHeadExporter,
      ],
    };
  }

  /** Every handler has registered in its constructor by now; start consuming. */
  onApplicationBootstrap(): void {
    this.registry.start();
  }
}
