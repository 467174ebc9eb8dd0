import { EntityManager } from 'typeorm';
import { AuditRecord, auditHash, GENESIS_HASH } from '@jiyn/persistence';

/**
 * appendAudit of @jiyn/persistence for many rows of one chain at once: the chain head is locked
 * once, the hashes are chained in memory, and the rows go in with one INSERT. The rows and the
 * hashes are exactly those that appendAudit would write one by one (verifyAuditChain checks them).
 * Used by the deadline decider, which turns thousands of filings at one instant.
 */
export async function appendAuditBatch(
  manager: EntityManager,
  chain: string,
  records: AuditRecord[],
): Promise<{ seq: string; hash: string }[]> {
  if (records.length === 0) return [];
  if (records.some((r) => r.chain !== chain)) throw new Error('appendAuditBatch: one chain per call');
  await manager.query(
    `INSERT INTO audit_chain_head (chain, seq, hash) VALUES ($1, 0, $2) ON CONFLICT (chain) DO NOTHING`,
    [chain, GENESIS_HASH],
  );
  const [head] = await manager.query(`SELECT seq, hash FROM audit_chain_head WHERE chain = $1 FOR UPDATE`, [
    chain,
  ]);
  let seq = BigInt(head.seq);
  let prev: string = head.hash;
  const cols = {
    seq: [] as string[],
    occurredAt: [] as string[],
    actor: [] as string[],
    action: [] as string[],
    entityType: [] as string[],
    entityId: [] as string[],
    before: [] as (string | null)[],
    after: [] as (string | null)[],
    reason: [] as (string | null)[],
    correlationId: [] as (string | null)[],
    prevHash: [] as string[],
    hash: [] as string[],
  };
  const out: { seq: string; hash: string }[] = [];
  for (const record of records) {
    seq += 1n;
    const s = String(seq);
    const hash = auditHash(prev, { ...record, seq: s });
    cols.seq.push(s);
    cols.occurredAt.push(record.occurredAt.toISOString());
    cols.actor.push(record.actor);
    cols.action.push(record.action);
    cols.entityType.push(record.entityType);
    cols.entityId.push(record.entityId);
    cols.before.push(record.before === undefined ? null : JSON.stringify(record.before));
    cols.after.push(record.after === undefined ? null : JSON.stringify(record.after));
    cols.reason.push(record.reason ?? null);
    cols.correlationId.push(record.correlationId ?? null);
    cols.prevHash.push(prev);
    cols.hash.push(hash);
    out.push({ seq: s, hash });
    prev = hash;
  }
  await manager.query(
    `INSERT INTO audit_log (chain, seq, occurred_at, actor, action, entity_type, entity_id, before, after, reason,
       correlation_id, prev_hash, hash)
     SELECT $1, t.seq, t.occurred_at, t.actor, t.action, t.entity_type, t.entity_id, t.before::jsonb, t.after::jsonb,
       t.reason, t.correlation_id, t.prev_hash, t.hash
     FROM unnest($2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
       $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
       AS t(seq, occurred_at, actor, action, entity_type, entity_id, before, after, reason, correlation_id, prev_hash, hash)
     ORDER BY t.seq`,
    [
      chain,
      cols.seq,
      cols.occurredAt,
      cols.actor,
      cols.action,
      cols.entityType,
      cols.entityId,
      cols.before,
      cols.after,
      cols.reason,
      cols.correlationId,
      cols.prevHash,
      cols.hash,
    ],
  );
  await manager.query(`UPDATE audit_chain_head SET seq = $2, hash = $3 WHERE chain = $1`, [
    chain,
    String(seq),
    prev,
  ]);
  return out;
}
