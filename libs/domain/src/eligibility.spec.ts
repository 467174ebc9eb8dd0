import { ageOn, checkOrganizerEligibility } from './eligibility';
import { makeValidIin } from './iin';
import { KZ_2020_POLICY } from './policy';

describe('ageOn', () => {
  it('counts full years, the birthday included', () => {
    expect(ageOn('2007-03-26', '2025-03-25')).toBe(17);
    expect(ageOn('2007-03-26', '2025-03-26')).toBe(18);
    expect(ageOn('2007-03-26', '2026-01-01')).toBe(18);
    expect(ageOn('1990-05-15', '1990-05-15')).toBe(0);
    expect(ageOn('2030-01-01', '2025-01-01')).toBe(-5);
  });

  it('gives someone born on 29 February a birthday on 28 February in common years', () => {
    expect(ageOn('2008-02-29', '2026-02-27')).toBe(17);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-28')).toBe(19);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });
});

describe('checkOrganizerEligibility', () => {
  it('accepts an adult with a valid IIN, from the 18th birthday on the assembly day', () => {
    const iin = makeValidIin('2007-03-26', 'female');
    expect(checkOrganizerEligibility(iin, '2025-03-26', KZ_2020_POLICY)).toBeNull();
    expect(checkOrganizerEligibility('900515301234', '2025-03-26', KZ_2020_POLICY)).toBeNull();
  });

  it('refuses an organizer under 18 on the assembly day', () => {
    const iin = makeValidIin('2007-03-26', 'male');
    expect(checkOrganizerEligibility(iin, '2025-03-25', KZ_2020_POLICY)).toEqual({
      code: 'organizer_ineligible',
      reason: 'under_age',
      age: 17,
      minimumAge: 18,
      detail: 'the organizer must be at least 18 on the assembly day (2025-03-25)',
    });
  });

  it('refuses an invalid IIN', () => {
    expect(checkOrganizerEligibility('900515301235', '2025-03-26', KZ_2020_POLICY)).toMatchObject({
      code: 'organizer_ineligible',
      reason: 'invalid_iin',
      iinReason: 'checksum',
    });
    expect(checkOrganizerEligibility('abc', '2025-03-26', KZ_2020_POLICY)).toMatchObject({
      iinReason: 'format',
    });
  });
});
