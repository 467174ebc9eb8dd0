import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { canonicalJson } from '@jiyn/esign';

export const GENESIS_HASH = '0'.repeat(64);
export const NATIONAL_CHAIN = 'national';

export interface AuditRecord {
  chain: string;
  occurredAt: Date;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  correlationId?: string | null;
}

/** What the hash of an audit row covers, as canonical JSON (RFC 8785). */
export function auditRowCanonical(row: AuditRecord & { seq: string }): string {
  return canonicalJson({
    chain: row.chain,
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    actor: row.actor,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
    reason: row.reason ?? null,
  });
}

export function auditHash(prevHash: string, row: AuditRecord & { seq: string }): string {
  return createHash('sha256').update(prevHash).update(auditRowCanonical(row)).digest('hex');
}

/**
 * Appends one row to an audit chain inside the caller's transaction. The chain head's row lock
 * orders appends to one chain; take it late in the transaction so it is held briefly.
 */
export async function appendAudit(
  manager: EntityManager,
  record: AuditRecord,
): Promise<{ seq: string; hash: string }> {
  await manager.query(
    `INSERT INTO audit_chain_head (chain, seq, hash) VALUES ($1, 0, $2) ON CONFLICT (chain) DO NOTHING`,
    [record.chain, GENESIS_HASH],
  );
  const [head] = await manager.query(`SELECT seq, hash FROM audit_chain_head WHERE chain = $1 FOR UPDATE`, [
    record.chain,
  ]);
  const seq = String(BigInt(head.seq) + 1n);
  const row = { ...record, seq };
  const hash = auditHash(head.hash, row);
  await manager.query(
    `INSERT INTO audit_log (chain, seq, occurred_at, actor, action, entity_type, entity_id, before, after, reason,
       correlation_id, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      record.chain,
      seq,
      record.occurredAt,
      record.actor,
      record.action,
      record.entityType,
      record.entityId,
      record.before === undefined ? null : JSON.stringify(record.before),
      record.after === undefined ? null : JSON.stringify(record.after),
      record.reason ?? null,
      record.correlationId ?? null,
      head.hash,
      hash,
    ],
  );
  await manager.query(`UPDATE audit_chain_head SET seq = $2, hash = $3 WHERE chain = $1`, [
    record.chain,
    seq,
    hash,
  ]);
  return { seq, hash };
}

/** The hashed part of an audit_log row as read from the database (snake_case columns). */
export function auditRecordOfRow(r: any): AuditRecord & { seq: string } {
  return {
    chain: r.chain,
    seq: String(r.seq),
    occurredAt: new Date(r.occurred_at),
    actor: r.actor,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
    reason: r.reason,
  };
}

export interface ChainVerification {
  chain: string;
  rows: number;
  valid: boolean;
  headHash: string;
  firstBrokenSeq?: string;
  problem?: string;
}

/** Re-computes a chain from its first row and compares every link and the head. */
export async function verifyAuditChain(
  manager: EntityManager,
  chain: string,
  batch = 5000,
): Promise<ChainVerification> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1n;
  let rows = 0;
  for (;;) {
    const page: any[] = await manager.query(
      `SELECT chain, seq, occurred_at, actor, action, entity_type, entity_id, before, after, reason, prev_hash, hash
       FROM audit_log WHERE chain = $1 AND seq >= $2 ORDER BY seq LIMIT $3`,
      [chain, String(expectedSeq), batch],
    );
    for (const r of page) {
      const seq = String(r.seq);
      if (BigInt(seq) !== expectedSeq)
        return {
          chain,
          rows,
          valid: false,
          headHash: prev,
          firstBrokenSeq: String(expectedSeq),
          problem: 'missing row',
        };
      const hash = auditHash(prev, auditRecordOfRow(r));
      if (r.prev_hash !== prev || r.hash !== hash) {
        return { chain, rows, valid: false, headHash: prev, firstBrokenSeq: seq, problem: 'hash mismatch' };
      }
      prev = hash;
      expectedSeq += 1n;
      rows += 1;
    }
    if (page.length < batch) break;
  }
  const [head] = await manager.query(`SELECT seq, hash FROM audit_chain_head WHERE chain = $1`, [chain]);
  if (head && (head.hash !== prev || BigInt(head.seq) !== expectedSeq - 1n)) {
    return { chain, rows, valid: false, headHash: prev, problem: 'head does not match the last row' };
  }
  return { chain, rows, valid: true, headHash: prev };
}

export async function auditChains(manager: EntityManager): Promise<string[]> {
  const rows: { chain: string }[] = await manager.query(`SELECT chain FROM audit_chain_head ORDER BY chain`);
  return rows.map((r) => r.chain);
}
