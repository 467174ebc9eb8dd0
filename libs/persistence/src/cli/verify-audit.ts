import 'reflect-metadata';
import { loadConfig, runMain } from '@jiyn/platform';
import { auditChains, verifyAuditChain } from '../audit-writer';
import { latestAuditHeadExports, verifyAuditHeadExport } from '../audit-heads';
import { createDataSource } from '../data-source';

/**
 * Re-computes every audit chain and checks it against the latest signed head exports:
 * `npm run audit:verify`. Exits 1 when any chain is broken.
 */
runMain('audit-verify', async () => {
  const config = loadConfig();
  const ds = createDataSource({ databaseUrl: config.databaseUrl, applicationName: 'jiyn-audit-verify' });
  await ds.initialize();
  let broken = 0;
  try {
    const exports = new Map((await latestAuditHeadExports(ds.manager)).map((e) => [e.chain, e]));
    for (const chain of await auditChains(ds.manager)) {
      const result = await verifyAuditChain(ds.manager, chain);
      const exported = exports.get(chain);
      let exportNote = 'no signed export yet';
      if (exported) {
        const signatureOk = verifyAuditHeadExport(exported);
        const [row] = await ds.query(`SELECT hash FROM audit_log WHERE chain = $1 AND seq = $2`, [
          chain,
          exported.seq,
        ]);
        const matches = row?.hash === exported.hash;
        exportNote = `signed export at seq ${exported.seq}: signature ${signatureOk ? 'ok' : 'BAD'}, ${matches ? 'matches the log' : 'DOES NOT MATCH the log'}`;
        if (!signatureOk || !matches) result.valid = false;
      }
      if (!result.valid) broken += 1;
      console.log(
        `${result.valid ? 'ok    ' : 'BROKEN'} ${chain}: ${result.rows} rows, head ${result.headHash.slice(0, 16)}…` +
          (result.firstBrokenSeq
            ? `, first broken at seq ${result.firstBrokenSeq} (${result.problem})`
            : '') +
          `; ${exportNote}`,
      );
    }
  } finally {
    await ds.destroy();
  }
  if (broken > 0) {
    console.log(`${broken} chain(s) broken`);
    process.exit(1);
  }
});
