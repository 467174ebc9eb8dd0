import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * The append-only audit log. Rows are hash-chained per chain (one chain per jurisdiction, and
 * "national" for the calendar, policies and staff): hash = SHA-256(prevHash + canonical row).
 */
@Entity({ name: 'audit_log' })
@Unique('audit_log_chain_seq_uq', ['chain', 'seq'])
@Index('audit_log_entity_idx', ['entityType', 'entityId'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  chain: string;

  @Column({ type: 'bigint' })
  seq: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'text' })
  actor: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType: string;

  @Column({ name: 'entity_id', type: 'text' })
  entityId: string;

  @Column({ type: 'jsonb', nullable: true })
  before: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after: unknown;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId: string | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}

/** The latest link of each audit chain; locking its row orders appends to that chain. */
@Entity({ name: 'audit_chain_head' })
export class AuditChainHeadEntity {
  @PrimaryColumn({ type: 'text' })
  chain: string;

  @Column({ type: 'bigint' })
  seq: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}

/**
 * A signed snapshot of a chain's head, taken regularly: once published, rewriting history before
 * it would need the signing key too (the model of CloudTrail's digest files).
 */
@Entity({ name: 'audit_head_export' })
@Index('audit_head_export_chain_idx', ['chain', 'exportedAt'])
export class AuditHeadExportEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  chain: string;

  @Column({ type: 'bigint' })
  seq: string;

  @Column({ type: 'char', length: 64 })
  hash: string;

  @Column({ name: 'exported_at', type: 'timestamptz' })
  exportedAt: Date;

  /** Ed25519 signature (base64) over the canonical JSON of {chain, seq, hash, exportedAt}. */
  @Column({ type: 'text' })
  signature: string;

  /** The signer's public key (SPKI PEM), so that anyone can check the signature. */
  @Column({ name: 'public_key', type: 'text' })
  publicKey: string;
}
