import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { signedContentDigest } from './challenge-digest';
import { returningRows } from '@jiyn/persistence';
import { CLOCK, Clock, JIYN_CONFIG, JiynConfig } from '@jiyn/platform';
import { problems } from '../common/problem';
import { AuthUser, Role, StaffAssignment } from './auth.types';
import { EsignService } from './esign.service';

export const CHALLENGE_TTL_SECONDS = 120;
const LAST_SEEN_RESOLUTION_MS = 60_000;

const sha256Hex = (value: string | Buffer) => createHash('sha256').update(value).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly esign: EsignService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(JIYN_CONFIG) private readonly config: JiynConfig,
  ) {}

  /** A fresh, single-use challenge to sign for login. */
  async createChallenge(): Promise<{ challenge: string; expiresAt: string }> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_SECONDS * 1000);
    const challenge = `jiyn-login:${randomBytes(24).toString('base64url')}:${expiresAt.toISOString()}`;
    await this.dataSource.query(`DELETE FROM auth_challenge WHERE expires_at < $1`, [now]);
    await this.dataSource.query(
      `INSERT INTO auth_challenge (digest, challenge, expires_at) VALUES ($1, $2, $3)`,
      [sha256Hex(challenge), challenge, expiresAt],
    );
    return { challenge, expiresAt: expiresAt.toISOString() };
  }

  /**
   * Signs a person in: the signature must cover an unexpired challenge of ours, which is used up
   * by this attempt whatever its outcome (so it can never be replayed).
   */
  async createSession(envelope: unknown, challenge?: string): Promise<{ token: string; user: AuthUser }> {
    const now = this.clock.now();
    const digest = challenge !== undefined ? sha256Hex(challenge) : signedContentDigest(envelope);
    if (!digest)
      throw problems.unauthorized('The signature does not cover a login challenge.', 'challenge_unknown');
    const [record] = returningRows<{ challenge: string; expires_at: Date }>(
      await this.dataSource.query(
        `DELETE FROM auth_challenge WHERE digest = $1 RETURNING challenge, expires_at`,
        [digest],
      ),
    );
    if (!record)
      throw problems.unauthorized(
        'Unknown or already used challenge; ask for a new one.',
        'challenge_unknown',
      );
    if (new Date(record.expires_at).getTime() <= now.getTime()) {
      throw problems.unauthorized('The challenge has expired; ask for a new one.', 'challenge_expired');
    }
    const signer = await this.esign.verify(envelope, Buffer.from(record.challenge, 'utf8'), now, 401, 'auth');
    if (!signer.iin) {
      throw problems.unauthorized('Sign in with a personal certificate (with an IIN).', 'certificate_no_iin');
    }
    const token = randomBytes(32).toString('base64url');
    const tokenHash = sha256Hex(token);
    const expiresAt = new Date(now.getTime() + this.config.sessionAbsoluteHours * 3_600_000);
    await this.dataSource.query(
      `INSERT INTO user_session (token_hash, iin, full_name, signature_format, created_at, last_seen_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $5, $6)`,
      [tokenHash, signer.iin, signer.fullName, signer.format, now, expiresAt],
    );
    return { token, user: await this.userFor(signer.iin, signer.fullName, tokenHash) };
  }

  /** The user behind a bearer token, or null when it is unknown, revoked, idle or expired. */
  async resolveToken(token: string): Promise<AuthUser | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const now = this.clock.now();
    const tokenHash = sha256Hex(token);
    const [session] = await this.dataSource.query(
      `SELECT iin, full_name, last_seen_at, expires_at, revoked_at FROM user_session WHERE token_hash = $1`,
      [tokenHash],
    );
    if (!session || session.revoked_at) return null;
    const lastSeen = new Date(session.last_seen_at).getTime();
    if (new Date(session.expires_at).getTime() <= now.getTime()) return null;
    if (lastSeen + this.config.sessionIdleMinutes * 60_000 <= now.getTime()) return null;
    if (now.getTime() - lastSeen > LAST_SEEN_RESOLUTION_MS) {
      await this.dataSource.query(`UPDATE user_session SET last_seen_at = $2 WHERE token_hash = $1`, [
        tokenHash,
        now,
      ]);
    }
    return this.userFor(session.iin, session.full_name, tokenHash);
  }

  async logout(user: AuthUser): Promise<void> {
    await this.dataSource.query(
      `UPDATE user_session SET revoked_at = $2, revoked_reason = 'logout' WHERE token_hash = $1 AND revoked_at IS NULL`,
      [user.tokenHash, this.clock.now()],
    );
  }

  private async userFor(iin: string, fullName: string, tokenHash: string): Promise<AuthUser> {
    const staffRows: { id: string; role: StaffAssignment['role']; jurisdiction_kato: string | null }[] =
      await this.dataSource.query(
        `SELECT id, role, jurisdiction_kato FROM staff_member WHERE iin = $1 AND removed_at IS NULL ORDER BY role, jurisdiction_kato`,
        [iin],
      );
    const staff = staffRows.map((r) => ({ id: r.id, role: r.role, jurisdiction: r.jurisdiction_kato }));
    const roles: Role[] = ['organizer', ...new Set(staff.map((s) => s.role))];
    const jurisdictions = [
      ...new Set(staff.map((s) => s.jurisdiction).filter((j): j is string => j !== null)),
    ];
    return { iin, fullName, roles, staff, jurisdictions, tokenHash };
  }
}
