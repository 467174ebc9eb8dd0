import fc from 'fast-check';
import {
  FILING_STATUSES,
  FilingEvent,
  FilingStatus,
  IllegalTransitionError,
  PENDING_STATUSES,
  SLOT_HOLDING_STATUSES,
  TERMINAL_STATUSES,
  canTransition,
  holdsSlot,
  nextStatus,
} from './filing-state';

const EVENTS: Record<string, FilingEvent> = {
  approve: { type: 'approve' },
  approve_with_restrictions: { type: 'approve_with_restrictions' },
  refuse: { type: 'refuse' },
  propose_change: { type: 'propose_change' },
  accept_proposal: { type: 'accept_proposal' },
  decline_proposal: { type: 'decline_proposal' },
  proposal_reply_expired: { type: 'proposal_reply_expired' },
  'deadline_passed/notification': { type: 'deadline_passed', procedure: 'notification' },
  'deadline_passed/application': { type: 'deadline_passed', procedure: 'application' },
  withdraw: { type: 'withdraw' },
  hold: { type: 'hold' },
  suspend: { type: 'suspend' },
  resume: { type: 'resume' },
  terminate: { type: 'terminate' },
  cancel: { type: 'cancel' },
};

// Every legal transition; every (status, event) pair not listed must be refused.
const LEGAL: Record<FilingStatus, Record<string, FilingStatus>> = {
  submitted: {
    approve: 'approved',
    approve_with_restrictions: 'approved_with_restrictions',
    refuse: 'refused',
    propose_change: 'change_proposed',
    'deadline_passed/notification': 'deemed_approved',
    'deadline_passed/application': 'answer_overdue',
    withdraw: 'withdrawn',
  },
  answer_overdue: {
    approve: 'approved',
    approve_with_restrictions: 'approved_with_restrictions',
    refuse: 'refused',
    propose_change: 'change_proposed',
    withdraw: 'withdrawn',
  },
  change_proposed: {
    accept_proposal: 'approved',
    decline_proposal: 'change_proposed',
    proposal_reply_expired: 'change_proposed',
    refuse: 'refused',
    withdraw: 'withdrawn',
  },
  approved: { hold: 'held', cancel: 'cancelled', withdraw: 'withdrawn' },
  approved_with_restrictions: { hold: 'held', cancel: 'cancelled', withdraw: 'withdrawn' },
  deemed_approved: { hold: 'held', cancel: 'cancelled', withdraw: 'withdrawn' },
  held: { suspend: 'suspended', terminate: 'terminated' },
  suspended: { resume: 'held', terminate: 'terminated' },
  refused: {},
  withdrawn: {},
  terminated: {},
  cancelled: {},
};

describe('filing state machine', () => {
  const pairs: [FilingStatus, string][] = [];
  for (const s of FILING_STATUSES) for (const e of Object.keys(EVENTS)) pairs.push([s, e]);

  it.each(pairs)('%s + %s', (status, eventName) => {
    const event = EVENTS[eventName];
    const expected = LEGAL[status][eventName];
    if (expected) {
      expect(nextStatus(status, event)).toBe(expected);
      expect(canTransition(status, event)).toBe(true);
    } else {
      expect(canTransition(status, event)).toBe(false);
      let error: unknown;
      try {
        nextStatus(status, event);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(IllegalTransitionError);
      expect(error).toMatchObject({ from: status, event, code: 'illegal_transition' });
    }
  });

  it('covers every status', () => {
    expect(Object.keys(LEGAL).sort()).toEqual([...FILING_STATUSES].sort());
  });

  it('property: terminal states accept no event', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TERMINAL_STATUSES),
        fc.constantFrom(...Object.values(EVENTS)),
        (status, event) => {
          expect(canTransition(status, event)).toBe(false);
          expect(() => nextStatus(status, event)).toThrow(IllegalTransitionError);
        },
      ),
    );
  });

  it('property: non-terminal states accept some event, and every reachable status is a status', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FILING_STATUSES),
        fc.constantFrom(...Object.values(EVENTS)),
        (status, event) => {
          if (!TERMINAL_STATUSES.includes(status)) {
            expect(Object.values(EVENTS).some((e) => canTransition(status, e))).toBe(true);
          }
          if (canTransition(status, event)) expect(FILING_STATUSES).toContain(nextStatus(status, event));
        },
      ),
    );
  });

  it('refuses malformed events and statuses', () => {
    expect(canTransition('submitted', { type: 'constructor' } as unknown as FilingEvent)).toBe(false);
    expect(canTransition('toString' as FilingStatus, { type: 'approve' })).toBe(false);
    expect(
      canTransition('submitted', { type: 'deadline_passed', procedure: 'x' } as unknown as FilingEvent),
    ).toBe(false);
  });

  it('exports the status groups', () => {
    expect(PENDING_STATUSES).toEqual(['submitted', 'change_proposed', 'answer_overdue']);
    expect(TERMINAL_STATUSES).toEqual(['refused', 'withdrawn', 'terminated', 'cancelled']);
    expect([...SLOT_HOLDING_STATUSES].sort()).toEqual(
      [
        'submitted',
        'approved',
        'approved_with_restrictions',
        'change_proposed',
        'deemed_approved',
        'answer_overdue',
        'held',
        'suspended',
      ].sort(),
    );
    expect(holdsSlot('refused')).toBe(false);
    expect(holdsSlot('change_proposed')).toBe(true);
  });
});
