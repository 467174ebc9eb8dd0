import { checkDecision, eventOfOutcome } from './decision';

describe('checkDecision', () => {
  const refusal = {
    outcome: 'refused' as const,
    grounds: ['late_filing'],
    reason: 'Filed on 2025-03-17; the last day was 2025-03-14.',
    filingStatus: 'submitted' as const,
    proposalHistory: [],
  };

  it('accepts a reasoned refusal on a known ground', () => {
    expect(checkDecision(refusal)).toEqual([]);
  });

  it('needs at least one known ground and written reasons', () => {
    expect(checkDecision({ ...refusal, grounds: [] })).toEqual(['ground_required']);
    expect(checkDecision({ ...refusal, grounds: ['bad_weather'] })).toEqual(['unknown_ground']);
    expect(checkDecision({ ...refusal, reason: '   ' })).toEqual(['reason_required']);
    expect(checkDecision({ ...refusal, reason: undefined, grounds: [] })).toEqual([
      'ground_required',
      'reason_required',
    ]);
    expect(checkDecision({ ...refusal, decisionDate: '2020-01-01' })).toEqual(['ground_not_in_force']);
  });

  it('allows Art. 14(1)(10) only after a change proposal that was declined or not answered in time', () => {
    const occupied = { ...refusal, grounds: ['venue_occupied_or_works'] };
    expect(checkDecision(occupied)).toEqual(['prior_proposal_required']);
    expect(
      checkDecision({
        ...occupied,
        filingStatus: 'change_proposed',
        proposalHistory: [{ reply: 'declined' }],
      }),
    ).toEqual([]);
    expect(
      checkDecision({
        ...occupied,
        filingStatus: 'change_proposed',
        proposalHistory: [{ reply: 'no_reply' }],
      }),
    ).toEqual([]);
    // pending, but past its reply deadline: counts as no reply
    expect(
      checkDecision({
        ...occupied,
        filingStatus: 'change_proposed',
        proposalHistory: [{ reply: 'pending', replyDeadline: '2025-03-18T00:00:00+05:00' }],
        decidedAt: new Date('2025-03-18T09:00:00+05:00'),
      }),
    ).toEqual([]);
    // pending and still open
    expect(
      checkDecision({
        ...occupied,
        filingStatus: 'change_proposed',
        proposalHistory: [{ reply: 'pending', replyDeadline: new Date('2025-03-18T00:00:00+05:00') }],
        decidedAt: new Date('2025-03-17T09:00:00+05:00'),
      }),
    ).toEqual(['proposal_reply_pending']);
  });

  it('forbids a refusal after the organizer accepted a proposal', () => {
    expect(
      checkDecision({ ...refusal, filingStatus: 'approved', proposalHistory: [{ reply: 'accepted' }] }),
    ).toEqual(['not_pending', 'refusal_after_accepted_proposal']);
  });

  it('refuses decisions on filings no longer pending, and grounds outside refusals', () => {
    expect(checkDecision({ outcome: 'approved', filingStatus: 'deemed_approved' })).toEqual(['not_pending']);
    expect(checkDecision({ outcome: 'approved', filingStatus: 'withdrawn' })).toEqual(['not_pending']);
    expect(checkDecision({ outcome: 'approved', filingStatus: 'submitted' })).toEqual([]);
    expect(checkDecision({ outcome: 'approved', filingStatus: 'answer_overdue' })).toEqual([]); // a late consent
    expect(checkDecision({ outcome: 'change_proposed', filingStatus: 'change_proposed' })).toEqual([
      'not_pending',
    ]);
    expect(
      checkDecision({
        outcome: 'approved_with_restrictions',
        grounds: ['late_filing'],
        filingStatus: 'submitted',
      }),
    ).toEqual(['grounds_only_for_refusal']);
    expect(checkDecision({ outcome: 'maybe' as never, filingStatus: 'submitted' })).toEqual([
      'unknown_outcome',
    ]);
  });

  it('maps outcomes to state-machine events', () => {
    expect(eventOfOutcome('approved')).toEqual({ type: 'approve' });
    expect(eventOfOutcome('approved_with_restrictions')).toEqual({ type: 'approve_with_restrictions' });
    expect(eventOfOutcome('refused')).toEqual({ type: 'refuse' });
    expect(eventOfOutcome('change_proposed')).toEqual({ type: 'propose_change' });
  });
});
