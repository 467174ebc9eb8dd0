import { DynamicModule, Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { dataSourceOptions } from '@jiyn/persistence';
import { JiynConfig, PlatformModule } from '@jiyn/platform';
import { Heartbeat } from './heartbeat';
import { QueueRegistry } from './queue-registry';
import { WorkerHealth } from './worker-health';

@Module({})
export class WorkerModule implements OnApplicationBootstrap {
  constructor(@Inject(QueueRegistry) private readonly registry: QueueRegistry) {}

  static forRoot(config: JiynConfig, logger: Logger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(config, logger, 'worker'),
        TypeOrmModule.forRoot(
          dataSourceOptions({ databaseUrl: config.databaseUrl, applicationName: 'jiyn-worker' }),
        ),
      ],
      providers: [QueueRegistry, WorkerHealth, Heartbeat],
    };
  }

  /** Every handler has registered in its constructor by now; start consuming. */
  onApplicationBootstrap(): void {
    this.registry.start();
  }
}
