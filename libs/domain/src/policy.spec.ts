import { NoPolicyInForceError, UnknownFormError } from './errors';
import { ASSEMBLY_FORMS, AssemblyForm, isAssemblyForm, isMovingForm, procedureOf } from './forms';
import { KZ_2020_POLICY, LegalPolicy, selectPolicy, validatePolicy } from './policy';

describe('forms', () => {
  it('knows the five forms, their procedures and which move', () => {
    expect(ASSEMBLY_FORMS).toEqual(['picket', 'meeting', 'rally', 'demonstration', 'procession']);
    for (const f of ['picket', 'meeting', 'rally']) {
      expect(isAssemblyForm(f)).toBe(true);
      expect(isMovingForm(f as AssemblyForm)).toBe(false);
      expect(procedureOf(f as AssemblyForm, KZ_2020_POLICY)).toBe('notification');
    }
    for (const f of ['demonstration', 'procession']) {
      expect(isMovingForm(f as AssemblyForm)).toBe(true);
      expect(procedureOf(f as AssemblyForm, KZ_2020_POLICY)).toBe('application');
    }
    for (const x of ['march', 'Rally', '', null, 1, 'toString', '__proto__'])
      expect(isAssemblyForm(x)).toBe(false);
    expect(() => procedureOf('march' as AssemblyForm, KZ_2020_POLICY)).toThrow(UnknownFormError);
  });
});

describe('KZ_2020_POLICY', () => {
  it('has the RULES.md defaults', () => {
    expect(KZ_2020_POLICY).toMatchObject({
      id: 'KZ-2020',
      effectiveFrom: '2020-06-06',
      counting: 'lenient',
      dailyCutoffHour: null,
      dailyWindow: { start: '09:00', end: '20:00' },
      minimumOrganizerAge: 18,
      proposalReplyWorkingDays: 1,
      picketMaxMinutesPerDayAtObject: 120,
      picketParticipants: 1,
      recalculateOnCalendarChange: false,
      minimumPlacesPerDistrict: 3,
    });
    for (const f of ['picket', 'meeting', 'rally'] as const) {
      expect(KZ_2020_POLICY.forms[f]).toEqual({
        procedure: 'notification',
        fileWorkingDaysBefore: 5,
        answerWorkingDays: 3,
        silence: 'deemed_approved',
      });
    }
    for (const f of ['demonstration', 'procession'] as const) {
      expect(KZ_2020_POLICY.forms[f]).toEqual({
        procedure: 'application',
        fileWorkingDaysBefore: 10,
        answerWorkingDays: 7,
        silence: 'answer_overdue',
      });
    }
    expect(Object.isFrozen(KZ_2020_POLICY.forms.rally)).toBe(true);
    expect(validatePolicy(KZ_2020_POLICY)).toEqual([]);
  });
});

describe('selectPolicy', () => {
  const v2 = { ...KZ_2020_POLICY, id: 'KZ-2026', effectiveFrom: '2026-07-01' } as LegalPolicy;
  const v3 = { ...KZ_2020_POLICY, id: 'KZ-2027', effectiveFrom: '2027-01-01' } as LegalPolicy;

  it('picks the latest version in force on the registration date', () => {
    expect(selectPolicy([v3, KZ_2020_POLICY, v2], '2026-06-30').id).toBe('KZ-2020');
    expect(selectPolicy([v3, KZ_2020_POLICY, v2], '2026-07-01').id).toBe('KZ-2026');
    expect(selectPolicy([v3, KZ_2020_POLICY, v2], '2030-01-01').id).toBe('KZ-2027');
    expect(selectPolicy([KZ_2020_POLICY], '2020-06-06').id).toBe('KZ-2020');
  });

  it('throws a typed error when none is in force', () => {
    expect(() => selectPolicy([KZ_2020_POLICY], '2020-06-05')).toThrow(NoPolicyInForceError);
    expect(() => selectPolicy([], '2025-01-01')).toThrow(NoPolicyInForceError);
  });
});

describe('validatePolicy', () => {
  it('lists every problem of an admin-entered version', () => {
    const bad = {
      ...KZ_2020_POLICY,
      id: '',
      effectiveFrom: '2026-02-30',
      forms: {
        ...KZ_2020_POLICY.forms,
        rally: { procedure: 'consent', fileWorkingDaysBefore: -1, answerWorkingDays: 1.5, silence: 'maybe' },
        parade: KZ_2020_POLICY.forms.rally,
        procession: undefined,
      },
      counting: 'loose',
      dailyCutoffHour: 25,
      dailyWindow: { start: '21:00', end: '20:00' },
      minimumOrganizerAge: 'adult',
      proposalReplyWorkingDays: 0,
      picketMaxMinutesPerDayAtObject: 0,
      picketParticipants: 2,
      recalculateOnCalendarChange: true,
      minimumPlacesPerDistrict: -3,
    };
    expect(validatePolicy(bad).map((p) => p.path)).toEqual([
      'id',
      'effectiveFrom',
      'forms.rally.procedure',
      'forms.rally.fileWorkingDaysBefore',
      'forms.rally.answerWorkingDays',
      'forms.rally.silence',
      'forms.procession',
      'forms.parade',
      'counting',
      'dailyCutoffHour',
      'dailyWindow',
      'minimumOrganizerAge',
      'proposalReplyWorkingDays',
      'picketMaxMinutesPerDayAtObject',
      'picketParticipants',
      'recalculateOnCalendarChange',
      'minimumPlacesPerDistrict',
    ]);
    expect(validatePolicy(null)).toHaveLength(1);
    expect(validatePolicy({ ...KZ_2020_POLICY, dailyWindow: { start: '9:00', end: '20:00' } })).toEqual([
      { path: 'dailyWindow.start', message: 'must be HH:MM' },
    ]);
    expect(validatePolicy({ ...KZ_2020_POLICY, dailyCutoffHour: 18 })).toEqual([]);
  });
});
