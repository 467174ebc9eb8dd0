import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { formatInstant } from '@jiyn/domain';
import { auditHash, auditRecordOfRow, GENESIS_HASH, verifyAuditChain } from '@jiyn/persistence';
import { CLOCK, Clock, JIYN_CONFIG, JiynConfig } from '@jiyn/platform';
import type { AuthUser } from '../auth/auth.types';
import { problems } from '../common/problem';

/** The statuses of a filing whose deemed approval still holds (the day itself may have come). */
export const DEEMED_STATUSES = ['deemed_approved', 'held', 'suspended', 'terminated'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How long a full re-computation of a chain is reused by the public verification. */
const CHAIN_CHECK_TTL_MS = 60_000;

export interface CertificateFiling {
  id: string;
  number: string;
  form: string;
  procedure: string;
  status: string;
  jurisdictionKato: string;
  jurisdiction: { kk: string; ru: string; en: string };
  timeZone: string;
  organizer: Record<string, any>;
  purpose: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  registeredAt: Date;
  answerDueBy: string;
  answerDeadline: Date;
  deemedApprovedAt: Date | null;
}

export interface AuditEvidence {
  chain: string;
  seq: string;
  hash: string;
  prevHash: string;
  occurredAt: Date;
  /** The row's hash re-computes from its content and its predecessor's hash. */
  rowValid: boolean;
  /** The row links to its neighbours: seq-1's hash is its prev_hash, seq+1 (or the head) follows it. */
  linked: boolean;
  /** The row says what the filing says: this filing, deemed approved at this instant. */
  matches: boolean;
}

export interface Verification {
  valid: boolean;
  filingId: string;
  number: string;
  status: string;
  deemedApprovedAt: string | null;
  answerDeadline: string;
  auditChain: string | null;
  auditSeq: string | null;
  auditHash: string | null;
  chainValid: boolean | null;
  checkedAt: string;
}

/**
 * The deemed-approval certificate and its public verification against the audit log: the
 * transition's audit row is re-hashed and its links to its neighbours checked on every request,
 * and the whole chain of the jurisdiction is re-computed (at most once a minute per chain).
 */
@Injectable()
export class CertificateService {
  private readonly chainChecks = new Map<string, { at: number; valid: Promise<boolean> }>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(JIYN_CONFIG) private readonly config: JiynConfig,
  ) {}

  async filing(id: string): Promise<CertificateFiling | undefined> {
    if (!UUID.test(id)) return undefined;
    const [r] = await this.dataSource.query(
      `SELECT f.id, f.number, f.form, f.procedure, f.status, f.jurisdiction_kato, j.name_kk, j.name_ru, j.name_en,
         j.time_zone, f.organizer, f.purpose, f.starts_at, f.ends_at, f.object, ST_Y(f.location) AS lat,
         ST_X(f.location) AS lng, v.name AS venue_name, f.registered_at, f.answer_due_by::text AS answer_due_by,
         f.answer_deadline, f.deemed_approved_at
       FROM filing f JOIN jurisdiction j ON j.kato = f.jurisdiction_kato LEFT JOIN venue v ON v.id = f.venue_id
       WHERE f.id = $1`,
      [id],
    );
    if (!r) return undefined;
    return {
      id: r.id,
      number: r.number,
      form: r.form,
      procedure: r.procedure,
      status: r.status,
      jurisdictionKato: r.jurisdiction_kato,
      jurisdiction: { kk: r.name_kk, ru: r.name_ru, en: r.name_en },
      timeZone: r.time_zone,
      organizer: r.organizer ?? {},
      purpose: r.purpose,
      startsAt: new Date(r.starts_at),
      endsAt: new Date(r.ends_at),
      place:
        r.venue_name ??
        [r.object, r.lat != null ? `${Number(r.lat).toFixed(5)}, ${Number(r.lng).toFixed(5)}` : null]
          .filter(Boolean)
          .join(', '),
      registeredAt: new Date(r.registered_at),
      answerDueBy: r.answer_due_by,
      answerDeadline: new Date(r.answer_deadline),
      deemedApprovedAt: r.deemed_approved_at ? new Date(r.deemed_approved_at) : null,
    };
  }

  /** The filing of a certificate its organizer asks for; 404 for anyone else or before deemed approval. */
  async forOrganizer(
    id: string,
    user: AuthUser,
  ): Promise<{ filing: CertificateFiling; audit: AuditEvidence }> {
    const filing = await this.filing(id);
    if (!filing || filing.organizer.iin !== user.iin || !isDeemed(filing))
      throw problems.notFound('certificate');
    const audit = await this.evidence(filing);
    if (!audit) throw problems.notFound('certificate');
    return { filing, audit };
  }

  async verify(id: string): Promise<{ filing: CertificateFiling; verification: Verification }> {
    const filing = await this.filing(id);
    if (!filing) throw problems.notFound('filing');
    const audit = isDeemed(filing) || filing.deemedApprovedAt ? await this.evidence(filing) : undefined;
    const chainValid = audit ? await this.chainValid(audit.chain) : null;
    const tz = filing.timeZone;
    return {
      filing,
      verification: {
        valid: Boolean(
          audit && isDeemed(filing) && audit.rowValid && audit.linked && audit.matches && chainValid,
        ),
        filingId: filing.id,
        number: filing.number,
        status: filing.status,
        deemedApprovedAt: filing.deemedApprovedAt ? formatInstant(filing.deemedApprovedAt, tz) : null,
        answerDeadline: formatInstant(filing.answerDeadline, tz),
        auditChain: audit?.chain ?? null,
        auditSeq: audit?.seq ?? null,
        auditHash: audit?.hash ?? null,
        chainValid,
        checkedAt: formatInstant(this.clock.now(), tz),
      },
    };
  }

  verifyUrl(filingId: string): string {
    return `${this.config.publicBaseUrl.replace(/\/$/, '')}/api/v1/certificates/${filingId}`;
  }

  /** The audit row of the deemed approval, re-hashed and checked against its neighbours. */
  async evidence(filing: CertificateFiling): Promise<AuditEvidence | undefined> {
    const chain = filing.jurisdictionKato;
    const [r] = await this.dataSource.query(
      `SELECT chain, seq::text AS seq, occurred_at, actor, action, entity_type, entity_id, before, after, reason,
         prev_hash, hash
       FROM audit_log
       WHERE chain = $1 AND entity_type = 'filing' AND entity_id = $2 AND action = 'filing.deemed_approved'
       ORDER BY seq LIMIT 1`,
      [chain, filing.id],
    );
    if (!r) return undefined;
    const seq = BigInt(r.seq);
    const recomputed = auditHash(r.prev_hash, auditRecordOfRow(r));
    const [prev] =
      seq > 1n
        ? await this.dataSource.query(`SELECT hash FROM audit_log WHERE chain = $1 AND seq = $2`, [
            chain,
            String(seq - 1n),
          ])
        : [{ hash: GENESIS_HASH }];
    const [next] = await this.dataSource.query(
      `SELECT prev_hash FROM audit_log WHERE chain = $1 AND seq = $2`,
      [chain, String(seq + 1n)],
    );
    const [head] = await this.dataSource.query(
      `SELECT seq::text AS seq, hash FROM audit_chain_head WHERE chain = $1`,
      [chain],
    );
    const linked =
      prev?.hash === r.prev_hash &&
      (next ? next.prev_hash === r.hash : head?.seq === r.seq && head?.hash === r.hash);
    const deemedAt = r.after?.deemedApprovedAt ? new Date(r.after.deemedApprovedAt).getTime() : NaN;
    return {
      chain,
      seq: r.seq,
      hash: r.hash,
      prevHash: r.prev_hash,
      occurredAt: new Date(r.occurred_at),
      rowValid: recomputed === r.hash,
      linked,
      matches: r.after?.status === 'deemed_approved' && deemedAt === filing.deemedApprovedAt?.getTime(),
    };
  }

  /** The whole chain re-computed, reused for a minute (single flight per chain). */
  private chainValid(chain: string): Promise<boolean> {
    const cached = this.chainChecks.get(chain);
    if (cached && Date.now() - cached.at < CHAIN_CHECK_TTL_MS) return cached.valid;
    const valid = verifyAuditChain(this.dataSource.manager, chain).then(
      (r) => r.valid,
      (error) => {
        this.chainChecks.delete(chain);
        throw error;
      },
    );
    this.chainChecks.set(chain, { at: Date.now(), valid });
    return valid;
  }
}

export function isDeemed(filing: CertificateFiling): boolean {
  return filing.deemedApprovedAt !== null && DEEMED_STATUSES.includes(filing.status);
}
