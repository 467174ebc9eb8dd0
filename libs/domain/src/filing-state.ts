import { DomainError } from './errors';
import { Procedure } from './forms';

/**
 * The life of a filing as a pure state machine (API.md, "Statuses"). The answer phase:
 *
 *   submitted --approve--> approved
 *   submitted --approve_with_restrictions--> approved_with_restrictions
 *   submitted --refuse--> refused
 *   submitted --propose_change--> change_proposed
 *   submitted --deadline_passed--> deemed_approved (notification) | answer_overdue (application)
 *   answer_overdue --approve | approve_with_restrictions | refuse | propose_change--> (a late answer)
 *   change_proposed --accept_proposal--> approved (to be held at the proposed place and time;
 *                                        the akimat may no longer refuse, Arts. 11(3), 13(3))
 *   change_proposed --decline_proposal | proposal_reply_expired--> change_proposed (awaiting refusal)
 *   change_proposed --refuse--> refused
 *   any pre-assembly, non-final status --withdraw--> withdrawn
 *
 * and the day itself:
 *
 *   approved | approved_with_restrictions | deemed_approved --hold--> held, --cancel--> cancelled
 *   held --suspend--> suspended --resume--> held;  held | suspended --terminate--> terminated
 */

export const FILING_STATUSES = [
  'submitted',
  'approved',
  'approved_with_restrictions',
  'change_proposed',
  'refused',
  'deemed_approved',
  'answer_overdue',
  'withdrawn',
  'held',
  'suspended',
  'terminated',
  'cancelled',
] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

export type FilingEvent =
  | { type: 'approve' }
  | { type: 'approve_with_restrictions' }
  | { type: 'refuse' }
  | { type: 'propose_change' }
  | { type: 'accept_proposal' }
  | { type: 'decline_proposal' }
  | { type: 'proposal_reply_expired' }
  | { type: 'deadline_passed'; procedure: Procedure }
  | { type: 'withdraw' }
  | { type: 'hold' }
  | { type: 'suspend' }
  | { type: 'resume' }
  | { type: 'terminate' }
  | { type: 'cancel' };
export type FilingEventType = FilingEvent['type'];

export const FILING_EVENT_TYPES: readonly FilingEventType[] = [
  'approve',
  'approve_with_restrictions',
  'refuse',
  'propose_change',
  'accept_proposal',
  'decline_proposal',
  'proposal_reply_expired',
  'deadline_passed',
  'withdraw',
  'hold',
  'suspend',
  'resume',
  'terminate',
  'cancel',
];

/** Awaiting the akimat's final answer (a decision may be recorded). */
export const PENDING_STATUSES: readonly FilingStatus[] = ['submitted', 'change_proposed', 'answer_overdue'];

/** No event leaves these. */
export const TERMINAL_STATUSES: readonly FilingStatus[] = ['refused', 'withdrawn', 'terminated', 'cancelled'];

/** The booking holds the place or route in these (first registered holds the slot, Art. 9(3)). */
export const SLOT_HOLDING_STATUSES: readonly FilingStatus[] = FILING_STATUSES.filter(
  (s) => s !== 'refused' && s !== 'withdrawn' && s !== 'cancelled' && s !== 'terminated',
);

/** The assembly may be held (as notified, with restrictions, or at the accepted proposal). */
export const MAY_BE_HELD_STATUSES: readonly FilingStatus[] = [
  'approved',
  'approved_with_restrictions',
  'deemed_approved',
];

type Target = FilingStatus | ((event: FilingEvent) => FilingStatus);

const ANSWER: Partial<Record<FilingEventType, Target>> = {
  approve: 'approved',
  approve_with_restrictions: 'approved_with_restrictions',
  refuse: 'refused',
  propose_change: 'change_proposed',
  withdraw: 'withdrawn',
};

const READY: Partial<Record<FilingEventType, Target>> = {
  hold: 'held',
  cancel: 'cancelled',
  withdraw: 'withdrawn',
};

const TRANSITIONS: Record<FilingStatus, Partial<Record<FilingEventType, Target>>> = {
  submitted: {
    ...ANSWER,
    deadline_passed: (e) =>
      (e as Extract<FilingEvent, { type: 'deadline_passed' }>).procedure === 'notification'
        ? 'deemed_approved'
        : 'answer_overdue',
  },
  answer_overdue: { ...ANSWER },
  change_proposed: {
    accept_proposal: 'approved',
    decline_proposal: 'change_proposed',
    proposal_reply_expired: 'change_proposed',
    refuse: 'refused',
    withdraw: 'withdrawn',
  },
  approved: { ...READY },
  approved_with_restrictions: { ...READY },
  deemed_approved: { ...READY },
  held: { suspend: 'suspended', terminate: 'terminated' },
  suspended: { resume: 'held', terminate: 'terminated' },
  refused: {},
  withdrawn: {},
  terminated: {},
  cancelled: {},
};

export class IllegalTransitionError extends DomainError {
  constructor(
    readonly from: FilingStatus,
    readonly event: FilingEvent,
  ) {
    super('illegal_transition', `a filing in status ${from} does not accept ${event.type}`);
  }
}

function targetOf(current: FilingStatus, event: FilingEvent): FilingStatus | undefined {
  if (!Object.hasOwn(TRANSITIONS, current) || typeof event !== 'object' || event === null) return undefined;
  const table = TRANSITIONS[current];
  if (!Object.hasOwn(table, event.type)) return undefined;
  const target = table[event.type];
  if (target === undefined) return undefined;
  if (typeof target === 'function') {
    if (
      event.type === 'deadline_passed' &&
      event.procedure !== 'notification' &&
      event.procedure !== 'application'
    ) {
      return undefined;
    }
    return target(event);
  }
  return target;
}

/** The status after an event; throws IllegalTransitionError when the event is not allowed. */
export function nextStatus(current: FilingStatus, event: FilingEvent): FilingStatus {
  const target = targetOf(current, event);
  if (target === undefined) throw new IllegalTransitionError(current, event);
  return target;
}

export function canTransition(current: FilingStatus, event: FilingEvent): boolean {
  return targetOf(current, event) !== undefined;
}

export function isFilingStatus(x: unknown): x is FilingStatus {
  return typeof x === 'string' && (FILING_STATUSES as readonly string[]).includes(x);
}

export function isTerminalStatus(status: FilingStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

export function holdsSlot(status: FilingStatus): boolean {
  return SLOT_HOLDING_STATUSES.includes(status);
}
