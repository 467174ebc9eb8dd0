import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AssemblyForm,
  checkDailyWindow,
  checkDecision,
  DecisionOutcome,
  DecisionProblem,
  eventOfOutcome,
  FilingStatus,
  localDateOf,
  nextStatus,
  proposalReplyDeadline,
  selectPolicy,
  canTransition,
} from '@jiyn/domain';
import { signedBytesOf } from '@jiyn/esign';
import { appendAudit, returningRows, writeOutbox } from '@jiyn/persistence';
import { CLOCK, Clock } from '@jiyn/platform';
import type { AuthUser } from '../auth/auth.types';
import { EsignService } from '../auth/esign.service';
import { problems } from '../common/problem';
import { JurisdictionsService } from '../legal/jurisdictions.service';
import { LegalRulesService } from '../legal/legal-rules.service';
import { DecisionBody } from './filing.dto';
import { isOfficerFor } from './filing-access';
import { FilingRegistrationService } from './filing-registration.service';
import { FILING_COLUMNS, FILING_FROM, toFilingView } from './filing-view';
import { VenueAvailabilityService } from './venue-availability.service';

const PROBLEM_DETAIL: Record<DecisionProblem, string> = {
  unknown_outcome: 'Unknown outcome.',
  not_pending: 'The filing is no longer awaiting an answer.',
  ground_required: 'A refusal names at least one ground of Art. 14(1).',
  unknown_ground: 'A ground is not in the catalogue (GET /api/v1/refusal-grounds).',
  ground_not_in_force: 'A ground is not in force on this date.',
  reason_required: 'A refusal gives written reasons (Art. 14(2)).',
  prior_proposal_required:
    'Before refusing because the place is taken, propose another place or time (Constitutional Court, 2025).',
  refusal_after_accepted_proposal: 'The organizer accepted the proposal: the akimat may not refuse.',
  proposal_reply_pending: 'The organizer may still answer the proposal.',
  grounds_only_for_refusal: 'Grounds belong to refusals only.',
};

/** The akimat's answers and the organizer's replies; each a conditional update with audit and outbox. */
@Injectable()
export class FilingAnswerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly esign: EsignService,
    private readonly rules: LegalRulesService,
    private readonly jurisdictions: JurisdictionsService,
    private readonly availability: VenueAvailabilityService,
    private readonly registration: FilingRegistrationService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private async load(id: string, m: EntityManager = this.dataSource.manager) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const [row] = await m.query(`SELECT ${FILING_COLUMNS} FROM ${FILING_FROM} WHERE f.id = $1`, [id]);
    return row;
  }

  async decide(id: string, body: DecisionBody, rawBody: object, user: AuthUser, correlationId: string) {
    const row = await this.load(id);
    if (!row || !isOfficerFor(user, row.jurisdiction_kato, this.jurisdictions.parentOf))
      throw problems.notFound('filing');
    const now = this.clock.now();
    const signer = await this.esign.verify(body.signature, signedBytesOf(rawBody), now);
    if (signer.iin !== user.iin)
      throw problems.forbidden('signature_mismatch', 'Sign the decision with the key you signed in with.');

    const tz = row.time_zone;
    const outcome = body.outcome as DecisionOutcome;
    const policy = selectPolicy(this.rules.policies, row.registration_date_text);
    const late = now.getTime() >= new Date(row.answer_deadline).getTime();
    if (late && row.procedure === 'notification' && row.status === 'submitted') {
      throw problems.conflict(
        'not_pending',
        'The answer period has ended: the notification is deemed approved.',
      );
    }
    const found = checkDecision({
      outcome,
      grounds: body.grounds ?? [],
      reason: body.reason,
      filingStatus: row.status as FilingStatus,
      proposalHistory: row.proposal
        ? [{ reply: row.proposal.reply, replyDeadline: row.proposal.replyDeadline }]
        : [],
      decidedAt: now,
      decisionDate: localDateOf(now, tz),
    });
    if (found.includes('not_pending'))
      throw problems.conflict('not_pending', `The filing is ${row.status}, no longer awaiting an answer.`);
    if (found.length > 0) {
      throw problems.unprocessable(found[0], found.map((p) => PROBLEM_DETAIL[p]).join(' '), {
        problems: found,
      });
    }
    if (outcome === 'approved_with_restrictions' && !body.restrictions?.length) {
      throw problems.unprocessable(
        'restrictions_required',
        'Name the restrictions (for example: without sound amplification).',
      );
    }
    let proposal: Record<string, unknown> | null = row.proposal;
    if (outcome === 'change_proposed') {
      if (!body.reason?.trim())
        throw problems.unprocessable(
          'reason_required',
          'A proposal to change place or time gives its reasons.',
        );
      proposal = await this.checkedProposal(row, body, now, tz, policy);
    }
    const target = nextStatus(row.status as FilingStatus, eventOfOutcome(outcome));
    const decision = {
      outcome,
      grounds: outcome === 'refused' ? body.grounds : [],
      reason: body.reason ?? null,
      restrictions: body.restrictions ?? [],
      deliveredVia: body.deliveredVia,
      registeredMailRequired: body.deliveredVia === 'email' || body.deliveredVia === 'sms',
      registeredMailTracking: body.registeredMailTracking ?? null,
      late,
      officer: { iin: user.iin, fullName: user.fullName },
      signature: {
        format: signer.format,
        iin: signer.iin,
        envelope: body.signature,
        certificate: signer.certificate ?? null,
      },
    };

    const updated = await this.dataSource.transaction(async (m) => {
      const [after] = returningRows(
        await m.query(
          `UPDATE filing SET status = $3, decision = $4, decided_at = $5, proposal = $6, version = version + 1, updated_at = $5
           WHERE id = $1 AND status = $2 AND (procedure = 'application' OR answer_deadline > $5) RETURNING id`,
          [id, row.status, target, JSON.stringify(decision), now, proposal ? JSON.stringify(proposal) : null],
        ),
      );
      if (!after) throw problems.conflict('not_pending', 'The filing was answered or decided meanwhile.');
      if (target === 'refused') await m.query(`UPDATE booking SET active = false WHERE filing_id = $1`, [id]);
      await appendAudit(m, {
        chain: row.jurisdiction_kato,
        occurredAt: now,
        actor: user.iin,
        action: `filing.${outcome}`,
        entityType: 'filing',
        entityId: id,
        before: { status: row.status },
        after: {
          status: target,
          outcome,
          grounds: decision.grounds,
          reason: decision.reason,
          restrictions: decision.restrictions,
          proposal,
          late,
        },
        reason: body.reason ?? null,
        correlationId,
      });
      await writeOutbox(m, outcome === 'change_proposed' ? 'filing.change_proposed' : 'filing.answered', id, {
        filingId: id,
        status: target,
        outcome,
      });
      return this.load(id, m);
    });
    return toFilingView(updated, now);
  }

  private async checkedProposal(
    row: any,
    body: DecisionBody,
    now: Date,
    tz: string,
    policy: ReturnType<typeof selectPolicy>,
  ) {
    const p = body.proposal!;
    const startsAt = new Date(p.startsAt);
    const endsAt = new Date(p.endsAt);
    const assemblyDate = localDateOf(startsAt, tz);
    const area = this.registration.areaOf(row.jurisdiction_kato);
    const venue = await this.registration.checkedVenue(
      p.venueId,
      row.form as AssemblyForm,
      row.expected_participants,
      area,
      assemblyDate,
    );
    if (checkDailyWindow(startsAt, endsAt, tz, policy)) {
      throw problems.unprocessable(
        'outside_daily_window',
        `The proposed time must fit ${policy.dailyWindow.start}-${policy.dailyWindow.end} on one day.`,
      );
    }
    if (!(await this.availability.isFree(venue.id, startsAt, endsAt, row.id))) {
      const alternatives = await this.availability.alternatives({
        venue,
        jurisdictions: area,
        participants: row.expected_participants,
        startsAt,
        endsAt,
        timeZone: tz,
        policy,
        exceptFilingId: row.id,
      });
      throw problems.conflict('venue_unavailable', `${venue.name} is taken for the proposed time.`, {
        alternatives,
      });
    }
    const replyDeadline = proposalReplyDeadline(now, tz, this.rules.calendar, policy);
    return {
      venueId: venue.id,
      venueName: venue.name,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      reason: body.reason,
      proposedAt: now.toISOString(),
      receivedAt: now.toISOString(),
      replyDeadline: replyDeadline.toISOString(),
      reply: 'pending',
      repliedAt: null,
    };
  }

  /** The organizer accepts: the booking moves to the proposed place and time atomically. */
  async acceptProposal(id: string, user: AuthUser, correlationId: string) {
    const row = await this.ownPending(id, user);
    const now = this.clock.now();
    const p = row.proposal;
    const startsAt = new Date(p.startsAt);
    const endsAt = new Date(p.endsAt);
    const updated = await this.dataSource
      .transaction(async (m) => {
        const [after] = returningRows(
          await m.query(
            `UPDATE filing SET status = 'approved', venue_id = $2, starts_at = $3, ends_at = $4, assembly_date = $5,
               proposal = proposal || jsonb_build_object('reply', 'accepted', 'repliedAt', $6::text), version = version + 1, updated_at = $7
             WHERE id = $1 AND status = 'change_proposed' AND proposal->>'reply' = 'pending' AND (proposal->>'replyDeadline')::timestamptz > $7
             RETURNING id`,
            [id, p.venueId, startsAt, endsAt, localDateOf(startsAt, row.time_zone), now.toISOString(), now],
          ),
        );
        if (!after) throw problems.conflict('not_pending', 'The proposal can no longer be accepted.');
        await m.query(`UPDATE booking SET active = false WHERE filing_id = $1 AND active`, [id]);
        await this.registration.book(m, id, p.venueId, startsAt, endsAt);
        await appendAudit(m, {
          chain: row.jurisdiction_kato,
          occurredAt: now,
          actor: user.iin,
          action: 'filing.proposal_accepted',
          entityType: 'filing',
          entityId: id,
          before: {
            status: 'change_proposed',
            venueId: row.venue_id,
            startsAt: new Date(row.starts_at).toISOString(),
            endsAt: new Date(row.ends_at).toISOString(),
          },
          after: { status: 'approved', venueId: p.venueId, startsAt: p.startsAt, endsAt: p.endsAt },
          correlationId,
        });
        await writeOutbox(m, 'filing.proposal_accepted', id, { filingId: id, status: 'approved' });
        return this.load(id, m);
      })
      .catch((error) => {
        if (this.registration.isVenueTaken(error))
          throw problems.conflict('venue_unavailable', 'The proposed place was taken meanwhile.');
        throw error;
      });
    return toFilingView(updated, now);
  }

  /** The organizer declines: the filing waits for the akimat's refusal. */
  async declineProposal(id: string, user: AuthUser, reason: string | undefined, correlationId: string) {
    const row = await this.ownPending(id, user);
    const now = this.clock.now();
    const updated = await this.dataSource.transaction(async (m) => {
      const [after] = returningRows(
        await m.query(
          `UPDATE filing SET proposal = proposal || jsonb_build_object('reply', 'declined', 'repliedAt', $2::text, 'replyReason', $3::text),
             version = version + 1, updated_at = $4
           WHERE id = $1 AND status = 'change_proposed' AND proposal->>'reply' = 'pending' RETURNING id`,
          [id, now.toISOString(), reason ?? null, now],
        ),
      );
      if (!after) throw problems.conflict('not_pending', 'The proposal can no longer be declined.');
      await appendAudit(m, {
        chain: row.jurisdiction_kato,
        occurredAt: now,
        actor: user.iin,
        action: 'filing.proposal_declined',
        entityType: 'filing',
        entityId: id,
        before: { reply: 'pending' },
        after: { reply: 'declined' },
        reason: reason ?? null,
        correlationId,
      });
      await writeOutbox(m, 'filing.proposal_declined', id, { filingId: id, status: 'change_proposed' });
      return this.load(id, m);
    });
    return toFilingView(updated, now);
  }

  private async ownPending(id: string, user: AuthUser) {
    const row = await this.load(id);
    if (!row || row.organizer_iin !== user.iin) throw problems.notFound('filing');
    if (row.status !== 'change_proposed' || row.proposal?.reply !== 'pending') {
      throw problems.conflict('not_pending', 'There is no change proposal awaiting your answer.');
    }
    if (new Date(row.proposal.replyDeadline).getTime() <= this.clock.now().getTime()) {
      throw problems.conflict('not_pending', 'The time to answer the proposal has passed.');
    }
    return row;
  }

  /** The organizer withdraws before the assembly starts; the slot is freed. */
  async withdraw(id: string, user: AuthUser, reason: string | undefined, correlationId: string) {
    const row = await this.load(id);
    if (!row || row.organizer_iin !== user.iin) throw problems.notFound('filing');
    const now = this.clock.now();
    if (!canTransition(row.status as FilingStatus, { type: 'withdraw' })) {
      throw problems.conflict('not_withdrawable', `A ${row.status} filing cannot be withdrawn.`);
    }
    if (new Date(row.starts_at).getTime() <= now.getTime())
      throw problems.conflict('not_withdrawable', 'The assembly has started.');
    const updated = await this.dataSource.transaction(async (m) => {
      const [after] = returningRows(
        await m.query(
          `UPDATE filing SET status = 'withdrawn', version = version + 1, updated_at = $3 WHERE id = $1 AND status = $2 RETURNING id`,
          [id, row.status, now],
        ),
      );
      if (!after) throw problems.conflict('not_pending', 'The filing changed meanwhile; reload it.');
      await m.query(`UPDATE booking SET active = false WHERE filing_id = $1`, [id]);
      await appendAudit(m, {
        chain: row.jurisdiction_kato,
        occurredAt: now,
        actor: user.iin,
        action: 'filing.withdrawn',
        entityType: 'filing',
        entityId: id,
        before: { status: row.status },
        after: { status: 'withdrawn' },
        reason: reason ?? null,
        correlationId,
      });
      await writeOutbox(m, 'filing.withdrawn', id, { filingId: id, status: 'withdrawn' });
      return this.load(id, m);
    });
    return toFilingView(updated, now);
  }
}
