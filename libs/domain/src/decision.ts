import { FilingEvent, FilingStatus, canTransition } from './filing-state';
import { refusalGroundByCode } from './refusal-grounds';
import { LocalDate } from './time/local-date';

/** The answers an akimat records (API.md, POST /filings/{id}/decision). */
export const DECISION_OUTCOMES = [
  'approved',
  'approved_with_restrictions',
  'refused',
  'change_proposed',
] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export function isDecisionOutcome(x: unknown): x is DecisionOutcome {
  return typeof x === 'string' && (DECISION_OUTCOMES as readonly string[]).includes(x);
}

/** The state-machine event that records an outcome. */
export function eventOfOutcome(outcome: DecisionOutcome): FilingEvent {
  switch (outcome) {
    case 'approved':
      return { type: 'approve' };
    case 'approved_with_restrictions':
      return { type: 'approve_with_restrictions' };
    case 'refused':
      return { type: 'refuse' };
    case 'change_proposed':
      return { type: 'propose_change' };
  }
}

/** The organizer's answer to a change proposal; no_reply once the reply deadline has passed. */
export type ProposalReply = 'pending' | 'accepted' | 'declined' | 'no_reply';

export interface ProposalRecord {
  reply: ProposalReply;
  /** When the organizer's time to reply ends; a pending proposal past it counts as no_reply. */
  replyDeadline?: Date | string | null;
}

export interface DecisionInput {
  outcome: DecisionOutcome;
  grounds?: readonly string[];
  reason?: string | null;
  filingStatus: FilingStatus;
  proposalHistory?: readonly ProposalRecord[];
  /** When the decision is being recorded (to tell a pending proposal from an expired one). */
  decidedAt?: Date;
  /** The decision's local date, to check that the grounds are in force then. */
  decisionDate?: LocalDate;
}

export type DecisionProblem =
  | 'unknown_outcome'
  /** The filing's status does not accept this answer (answered, withdrawn, deemed approved...). */
  | 'not_pending'
  /** A refusal names no ground of Art. 14(1). */
  | 'ground_required'
  | 'unknown_ground'
  | 'ground_not_in_force'
  /** A refusal gives no written reasons (Art. 14(2)). */
  | 'reason_required'
  /** Art. 14(1)(10) only after another place or time was proposed (and declined or unanswered). */
  | 'prior_proposal_required'
  /** The organizer accepted a proposal: the akimat may not refuse (Arts. 11(3), 13(3)). */
  | 'refusal_after_accepted_proposal'
  /** The organizer may still answer the proposal. */
  | 'proposal_reply_pending'
  /** Grounds belong to refusals only. */
  | 'grounds_only_for_refusal';

function effectiveReply(p: ProposalRecord, decidedAt: Date | undefined): ProposalReply {
  if (p.reply !== 'pending' || !decidedAt || p.replyDeadline === undefined || p.replyDeadline === null)
    return p.reply;
  const deadline = p.replyDeadline instanceof Date ? p.replyDeadline.getTime() : Date.parse(p.replyDeadline);
  return !Number.isNaN(deadline) && decidedAt.getTime() >= deadline ? 'no_reply' : 'pending';
}

/**
 * The legal checks of an akimat's answer, as problem codes (empty when it may be recorded):
 * a refusal needs at least one known ground and written reasons; ground venue_occupied_or_works
 * needs a prior change proposal that was declined or not answered; after an accepted proposal no
 * refusal; while the organizer may still answer a proposal, no refusal.
 */
export function checkDecision(input: DecisionInput): DecisionProblem[] {
  if (!isDecisionOutcome(input.outcome)) return ['unknown_outcome'];
  const problems = new Set<DecisionProblem>();
  if (!canTransition(input.filingStatus, eventOfOutcome(input.outcome))) problems.add('not_pending');
  const grounds = input.grounds ?? [];
  const history = (input.proposalHistory ?? []).map((p) => effectiveReply(p, input.decidedAt));

  if (input.outcome !== 'refused') {
    if (grounds.length > 0) problems.add('grounds_only_for_refusal');
    return [...problems];
  }

  if (history.includes('accepted')) problems.add('refusal_after_accepted_proposal');
  if (history.includes('pending')) problems.add('proposal_reply_pending');
  if (grounds.length === 0) problems.add('ground_required');
  for (const code of grounds) {
    const ground = refusalGroundByCode(code);
    if (!ground) {
      problems.add('unknown_ground');
      continue;
    }
    if (
      input.decisionDate !== undefined &&
      (input.decisionDate < ground.validFrom ||
        (ground.validTo !== undefined && input.decisionDate > ground.validTo))
    ) {
      problems.add('ground_not_in_force');
    }
    if (ground.requiresPriorProposal && !history.some((r) => r === 'declined' || r === 'no_reply')) {
      if (!history.includes('accepted') && !history.includes('pending'))
        problems.add('prior_proposal_required');
    }
  }
  if (typeof input.reason !== 'string' || input.reason.trim() === '') problems.add('reason_required');
  return [...problems];
}
