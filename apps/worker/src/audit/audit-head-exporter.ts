import { Inject, Injectable } from '@nestjs/common';
import { KeyObject } from 'node:crypto';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { JOBS } from '@jiyn/jobs';
import { exportAuditHeads } from '@jiyn/persistence';
import { CLOCK, Clock, JIYN_CONFIG, JiynConfig, loadAuditSigningKey, LOGGER } from '@jiyn/platform';
import { QueueRegistry } from '../queue-registry';

/** How often the heads of the audit chains are signed and exported (a repeatable job). */
export const AUDIT_EXPORT_EVERY_MS = 5 * 60_000;

/**
 * Signs the head of every audit chain that moved since its last export (Ed25519; see
 * exportAuditHeads), so that a rewrite of the log after the fact no longer matches a signed head.
 */
@Injectable()
export class AuditHeadExporter {
  private readonly key: KeyObject;

  constructor(
    registry: QueueRegistry,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(JIYN_CONFIG) config: JiynConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.key = loadAuditSigningKey(config, logger);
    registry.handle(JOBS.exportAuditHeads, () => this.export());
  }

  async export(): Promise<{ exported: number }> {
    const out = await this.dataSource.transaction((m) => exportAuditHeads(m, this.key, this.clock.now()));
    if (out.length > 0) this.logger.info({ chains: out.map((e) => e.chain) }, 'audit heads exported');
    return { exported: out.length };
  }
}
