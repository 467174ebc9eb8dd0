import { Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { KeyObject } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  auditChains,
  exportAuditHeads,
  latestAuditHeadExports,
  verifyAuditChain,
  verifyAuditHeadExport,
} from '@jiyn/persistence';
import { CLOCK, Clock } from '@jiyn/platform';
import { Roles } from '../auth/roles.decorator';
import { AUDIT_SIGNING_KEY } from './audit.tokens';

class ChainQuery {
  @IsOptional()
  @Matches(/^(national|\d{9})$/, { message: 'chain is "national" or a 9-digit KATO code' })
  chain?: string;
}

/**
 * Anyone can check that the audit log is intact: each chain is re-computed from its first row and
 * compared with the latest signed head export. No row content is shown, only hashes and counts.
 */
@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(AUDIT_SIGNING_KEY) private readonly key: KeyObject,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('audit/verify')
  @ApiOperation({ summary: 'Verify the hash chains of the audit log (one chain, or all)' })
  async verify(@Query() query: ChainQuery) {
    const chains = query.chain ? [query.chain] : await auditChains(this.dataSource.manager);
    const exports = new Map(
      (await latestAuditHeadExports(this.dataSource.manager, query.chain)).map((e) => [e.chain, e]),
    );
    const results = [];
    for (const chain of chains) {
      const result = await verifyAuditChain(this.dataSource.manager, chain);
      const exported = exports.get(chain);
      let signedHead = null;
      if (exported) {
        const [row] = await this.dataSource.query(
          `SELECT hash FROM audit_log WHERE chain = $1 AND seq = $2`,
          [chain, exported.seq],
        );
        signedHead = {
          seq: exported.seq,
          exportedAt: exported.exportedAt,
          signatureValid: verifyAuditHeadExport(exported),
          matchesLog: row?.hash === exported.hash,
        };
      }
      results.push({
        ...result,
        valid: result.valid && (!signedHead || (signedHead.signatureValid && signedHead.matchesLog)),
        signedHead,
      });
    }
    return { valid: results.every((r) => r.valid), chains: results };
  }

  @Get('audit/heads')
  @ApiOperation({ summary: 'The latest signed export of each chain head (Ed25519, public key included)' })
  heads(@Query() query: ChainQuery) {
    return latestAuditHeadExports(this.dataSource.manager, query.chain);
  }

  @Post('admin/audit/export')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Export and sign the chain heads now (the worker also does it regularly)' })
  exportNow() {
    return this.dataSource.transaction((m) => exportAuditHeads(m, this.key, this.clock.now()));
  }
}
