import { createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { canonicalJson } from '@jiyn/esign';

export interface AuditHeadExport {
  chain: string;
  seq: string;
  hash: string;
  exportedAt: string;
  signature: string;
  publicKey: string;
}

const signedPart = (e: { chain: string; seq: string; hash: string; exportedAt: string }) =>
  Buffer.from(canonicalJson({ chain: e.chain, seq: e.seq, hash: e.hash, exportedAt: e.exportedAt }), 'utf8');

/**
 * Signs and stores the head of every chain that moved since its last export (Ed25519). Run
 * regularly by the worker; returns what it exported.
 */
export async function exportAuditHeads(
  manager: EntityManager,
  key: KeyObject,
  now: Date,
): Promise<AuditHeadExport[]> {
  const publicKey = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  const heads: { chain: string; seq: string; hash: string }[] = await manager.query(
    `SELECT h.chain, h.seq::text AS seq, h.hash FROM audit_chain_head h
     WHERE h.seq > 0 AND NOT EXISTS (SELECT 1 FROM audit_head_export e WHERE e.chain = h.chain AND e.seq = h.seq)
     ORDER BY h.chain`,
  );
  const out: AuditHeadExport[] = [];
  for (const head of heads) {
    const exportedAt = now.toISOString();
    const signature = sign(null, signedPart({ ...head, exportedAt }), key).toString('base64');
    await manager.query(
      `INSERT INTO audit_head_export (chain, seq, hash, exported_at, signature, public_key) VALUES ($1, $2, $3, $4, $5, $6)`,
      [head.chain, head.seq, head.hash, now, signature, publicKey],
    );
    out.push({ ...head, exportedAt, signature, publicKey });
  }
  return out;
}

/** Checks an export's signature with the public key it carries (or a pinned one). */
export function verifyAuditHeadExport(e: AuditHeadExport, pinnedPublicKey?: string): boolean {
  try {
    return verify(
      null,
      signedPart(e),
      createPublicKey(pinnedPublicKey ?? e.publicKey),
      Buffer.from(e.signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/** The latest export of each chain (or of one). */
export async function latestAuditHeadExports(
  manager: EntityManager,
  chain?: string,
): Promise<AuditHeadExport[]> {
  const rows = await manager.query(
    `SELECT DISTINCT ON (chain) chain, seq::text AS seq, hash, exported_at, signature, public_key FROM audit_head_export
     WHERE ($1::text IS NULL OR chain = $1) ORDER BY chain, exported_at DESC, id DESC`,
    [chain ?? null],
  );
  return rows.map((r: any) => ({
    chain: r.chain,
    seq: r.seq,
    hash: r.hash,
    exportedAt: new Date(r.exported_at).toISOString(),
    signature: r.signature,
    publicKey: r.public_key,
  }));
}
