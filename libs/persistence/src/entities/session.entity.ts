import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A signed-in session. Only the SHA-256 of the bearer token is stored. */
@Entity({ name: 'user_session' })
export class UserSessionEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @Index('user_session_iin_idx')
  @Column({ type: 'varchar', length: 12 })
  iin: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  @Column({ name: 'signature_format', type: 'varchar', length: 8 })
  signatureFormat: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_reason', type: 'text', nullable: true })
  revokedReason: string | null;
}

/** A login challenge: single use (deleted when used), short-lived. Keyed by its SHA-256. */
@Entity({ name: 'auth_challenge' })
export class AuthChallengeEntity {
  @PrimaryColumn({ type: 'char', length: 64 })
  digest: string;

  @Column({ type: 'text' })
  challenge: string;

  @Index('auth_challenge_expires_idx')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
