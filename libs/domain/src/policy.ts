import { InvalidLocalDateError, NoPolicyInForceError } from './errors';
import { ASSEMBLY_FORMS, AssemblyForm, Procedure } from './forms';
import { LocalDate, isValidLocalDate } from './time/local-date';

/** What the akimat's silence means once the answer period has run out. */
export type SilenceOutcome = 'deemed_approved' | 'answer_overdue';

export interface FormRule {
  procedure: Procedure;
  /** N: file no later than N working days before the assembly day (not counting that day). */
  fileWorkingDaysBefore: number;
  /** R: the akimat answers within R working days of the registration date (not counting it). */
  answerWorkingDays: number;
  silence: SilenceOutcome;
}

/**
 * A version of the legal rules, as data (RULES.md). A filing is judged by the version in force on
 * its registration date; administrators add versions, never edit one in force.
 */
export interface LegalPolicy {
  id: string;
  /** First registration date (YYYY-MM-DD) judged by this version. */
  effectiveFrom: LocalDate;
  forms: Record<AssemblyForm, FormRule>;
  /** lenient: the registration day may be the N-th working day before; strict: one more is needed. */
  counting: 'lenient' | 'strict';
  /** Local hour (0-23) from which a filing counts as received the next working day; null: none. */
  dailyCutoffHour: number | null;
  /** An assembly starts no earlier and ends no later than these local times, on one day (Art. 9(4)). */
  dailyWindow: { start: string; end: string };
  /** Age an individual organizer must have reached on the assembly day. */
  minimumOrganizerAge: number;
  /** The organizer answers a change proposal within this many working days of receiving it. */
  proposalReplyWorkingDays: number;
  /** A picket away from specialized places: at most this many minutes a day at the same place and object. */
  picketMaxMinutesPerDayAtObject: number;
  /** A picket is one person (Art. 1(10)). */
  picketParticipants: 1;
  /** Deadlines are fixed at registration: a calendar change never moves them. */
  recalculateOnCalendarChange: false;
  /** Staff are warned when a district has fewer specialized places than this (Art. 9(2)). */
  minimumPlacesPerDistrict: number;
}

const NOTIFICATION: FormRule = {
  procedure: 'notification',
  fileWorkingDaysBefore: 5,
  answerWorkingDays: 3,
  silence: 'deemed_approved',
};
const APPLICATION: FormRule = {
  procedure: 'application',
  fileWorkingDaysBefore: 10,
  answerWorkingDays: 7,
  silence: 'answer_overdue',
};

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/** Law No. 333-VI of 25 May 2020 as read in RULES.md, with its default parameters. */
export const KZ_2020_POLICY: LegalPolicy = deepFreeze({
  id: 'KZ-2020',
  effectiveFrom: '2020-06-06',
  forms: {
    picket: { ...NOTIFICATION },
    meeting: { ...NOTIFICATION },
    rally: { ...NOTIFICATION },
    demonstration: { ...APPLICATION },
    procession: { ...APPLICATION },
  },
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

/** The version in force on a registration date: the latest effectiveFrom on or before it. */
export function selectPolicy(policies: readonly LegalPolicy[], registrationDate: LocalDate): LegalPolicy {
  if (!isValidLocalDate(registrationDate)) throw new InvalidLocalDateError(registrationDate);
  let best: LegalPolicy | undefined;
  for (const p of policies) {
    if (p.effectiveFrom <= registrationDate && (best === undefined || p.effectiveFrom > best.effectiveFrom))
      best = p;
  }
  if (best === undefined) throw new NoPolicyInForceError(registrationDate);
  return best;
}

export interface PolicyProblem {
  /** Dotted path of the offending field, e.g. `forms.rally.answerWorkingDays`. */
  path: string;
  message: string;
}

/** Minutes since midnight of `HH:MM` (00:00..24:00), or NaN. */
export function parseClockTime(value: unknown): number {
  if (typeof value !== 'string') return NaN;
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (!m) return NaN;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes > 1440 ? NaN : minutes;
}

function isInt(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

/** Checks a policy version (e.g. entered by an administrator as JSON); an empty list means valid. */
export function validatePolicy(input: unknown): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const p = input as Partial<Record<keyof LegalPolicy, unknown>> | null;
  if (!p || typeof p !== 'object') return [{ path: '', message: 'a policy must be an object' }];

  if (typeof p.id !== 'string' || p.id.trim() === '') add('id', 'required');
  if (!isValidLocalDate(p.effectiveFrom)) add('effectiveFrom', 'must be a date YYYY-MM-DD');

  const forms = p.forms as Record<string, Partial<FormRule>> | undefined;
  if (!forms || typeof forms !== 'object') add('forms', 'must give a rule for every form');
  else {
    for (const form of ASSEMBLY_FORMS) {
      const r = forms[form];
      const at = `forms.${form}`;
      if (!r || typeof r !== 'object') {
        add(at, 'missing');
        continue;
      }
      if (r.procedure !== 'notification' && r.procedure !== 'application')
        add(`${at}.procedure`, 'must be notification or application');
      if (!isInt(r.fileWorkingDaysBefore, 0, 60))
        add(`${at}.fileWorkingDaysBefore`, 'must be an integer 0..60');
      if (!isInt(r.answerWorkingDays, 1, 60)) add(`${at}.answerWorkingDays`, 'must be an integer 1..60');
      if (r.silence !== 'deemed_approved' && r.silence !== 'answer_overdue')
        add(`${at}.silence`, 'must be deemed_approved or answer_overdue');
    }
    for (const key of Object.keys(forms)) {
      if (!(ASSEMBLY_FORMS as readonly string[]).includes(key)) add(`forms.${key}`, 'not an assembly form');
    }
  }

  if (p.counting !== 'lenient' && p.counting !== 'strict') add('counting', 'must be lenient or strict');
  if (p.dailyCutoffHour !== null && !isInt(p.dailyCutoffHour, 1, 23))
    add('dailyCutoffHour', 'must be null or an hour 1..23');

  const w = p.dailyWindow as { start?: unknown; end?: unknown } | undefined;
  if (!w || typeof w !== 'object') add('dailyWindow', 'must give start and end');
  else {
    const start = parseClockTime(w.start);
    const end = parseClockTime(w.end);
    if (Number.isNaN(start)) add('dailyWindow.start', 'must be HH:MM');
    if (Number.isNaN(end)) add('dailyWindow.end', 'must be HH:MM');
    if (!Number.isNaN(start) && !Number.isNaN(end) && start >= end)
      add('dailyWindow', 'start must be before end');
  }

  if (!isInt(p.minimumOrganizerAge, 14, 100)) add('minimumOrganizerAge', 'must be an integer 14..100');
  if (!isInt(p.proposalReplyWorkingDays, 1, 30)) add('proposalReplyWorkingDays', 'must be an integer 1..30');
  if (!isInt(p.picketMaxMinutesPerDayAtObject, 1, 1440))
    add('picketMaxMinutesPerDayAtObject', 'must be an integer 1..1440');
  if (p.picketParticipants !== 1) add('picketParticipants', 'a picket is one person (Art. 1(10)): must be 1');
  if (p.recalculateOnCalendarChange !== false)
    add('recalculateOnCalendarChange', 'must be false: deadlines are fixed at registration');
  if (!isInt(p.minimumPlacesPerDistrict, 0, 100))
    add('minimumPlacesPerDistrict', 'must be an integer 0..100');
  return problems;
}
