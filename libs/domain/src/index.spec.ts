import * as domain from './index';

describe('the public index (@jiyn/domain)', () => {
  it('exports what the other packages code against', () => {
    const names = [
      'ASSEMBLY_FORMS',
      'isAssemblyForm',
      'isMovingForm',
      'procedureOf',
      'KZ_2020_POLICY',
      'selectPolicy',
      'validatePolicy',
      'parseLocalDate',
      'isValidLocalDate',
      'addDays',
      'dayOfWeek',
      'localDateOf',
      'localTimeOf',
      'startOfLocalDay',
      'formatInstant',
      'assertTimeZoneData',
      'KZ_CALENDAR_ENTRIES',
      'WorkingDayCalendar',
      'validateCalendarEntries',
      'computeDeadlines',
      'computeDeadlineInstants',
      'answerDeadlineInstant',
      'proposalReplyDeadline',
      'checkDailyWindow',
      'validateIin',
      'validateBin',
      'iinChecksumDigit',
      'makeValidIin',
      'ageOn',
      'checkOrganizerEligibility',
      'nextStatus',
      'canTransition',
      'IllegalTransitionError',
      'PENDING_STATUSES',
      'TERMINAL_STATUSES',
      'SLOT_HOLDING_STATUSES',
      'checkDecision',
      'REFUSAL_GROUNDS',
      'refusalGroundsInForce',
      'NoPolicyInForceError',
    ];
    for (const name of names) expect(domain).toHaveProperty(name);
  });

  it('answers the API.md example end to end through the index', () => {
    const calendar = domain.WorkingDayCalendar.fromEntries(domain.KZ_CALENDAR_ENTRIES);
    const d = domain.computeDeadlines({
      form: 'rally',
      assemblyDate: '2025-03-26',
      timeZone: 'Asia/Almaty',
      calendar,
      policy: domain.selectPolicy([domain.KZ_2020_POLICY], '2025-03-14'),
      registeredAt: new Date('2025-03-14T10:00:00+05:00'),
    });
    expect(d.answerDeadline).toBe('2025-03-20T00:00:00+05:00');
  });
});
