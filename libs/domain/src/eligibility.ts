import { IinInvalidReason, validateIin } from './iin';
import { LegalPolicy } from './policy';
import { LocalDate, isLeapYear, parseLocalDate } from './time/local-date';

/**
 * Full years of age on a date. Someone born on 29 February has a birthday on 28 February in
 * common years (the Civil Code's rule for a period ending in a month without that day).
 */
export function ageOn(birthDate: LocalDate, date: LocalDate): number {
  const b = parseLocalDate(birthDate);
  const d = parseLocalDate(date);
  let birthdayDay = b.day;
  if (b.month === 2 && b.day === 29 && !isLeapYear(d.year)) birthdayDay = 28;
  let age = d.year - b.year;
  if (d.month < b.month || (d.month === b.month && d.day < birthdayDay)) age--;
  return age;
}

export type OrganizerIneligibility =
  | { code: 'organizer_ineligible'; reason: 'invalid_iin'; iinReason: IinInvalidReason; detail: string }
  | { code: 'organizer_ineligible'; reason: 'under_age'; age: number; minimumAge: number; detail: string };

/**
 * What Jiyn can check itself about an individual organizer (Art. 1(4)): a valid IIN, and the
 * policy's minimum age reached on the assembly day. null when eligible on those two counts (the
 * other Art. 5(6) conditions are declared by the organizer and checked by the officer).
 */
export function checkOrganizerEligibility(
  iin: string,
  assemblyDate: LocalDate,
  policy: Pick<LegalPolicy, 'minimumOrganizerAge'>,
): OrganizerIneligibility | null {
  const v = validateIin(iin);
  if (!v.valid) {
    return {
      code: 'organizer_ineligible',
      reason: 'invalid_iin',
      iinReason: v.reason,
      detail: `the organizer's IIN is not valid (${v.reason})`,
    };
  }
  const age = ageOn(v.birthDate, assemblyDate);
  if (age < policy.minimumOrganizerAge) {
    return {
      code: 'organizer_ineligible',
      reason: 'under_age',
      age,
      minimumAge: policy.minimumOrganizerAge,
      detail: `the organizer must be at least ${policy.minimumOrganizerAge} on the assembly day (${assemblyDate})`,
    };
  }
  return null;
}
