import { WorkingDayCalendar } from './calendar/working-day-calendar';
import { UnknownFormError } from './errors';
import { AssemblyForm, Procedure } from './forms';
import { FormRule, LegalPolicy } from './policy';
import { epochMs } from './time/instant';
import { DayNumber, LocalDate, MS_PER_DAY, fromDayNumber, toDayNumber } from './time/local-date';
import { formatStartOfLocalDay, localWallMsAt, startOfLocalDayMs } from './time/zone';

/**
 * The legal deadlines of a filing (RULES.md, "Counting"):
 * - fileBy = N working days before the assembly day, not counting it (N + 1 when counting is strict);
 * - registration date = local date of receipt if a working day (and before the cut-off hour, when
 *   the policy sets one), else the next working day; timely iff registration date <= fileBy;
 * - answerDueBy = R working days after the registration date, not counting it;
 * - answerDeadline = local 00:00 of the day after answerDueBy (the answer may come until 24:00);
 * - for notifications, deemedApprovedAt = answerDeadline.
 */

export interface DeadlineInput {
  form: AssemblyForm;
  assemblyDate: LocalDate;
  /** The jurisdiction's IANA zone (all of Kazakhstan: Asia/Almaty). */
  timeZone: string;
  calendar: WorkingDayCalendar;
  policy: LegalPolicy;
  /** When the akimat received the filing; adds the registration-dependent fields. */
  registeredAt?: Date;
}

/** GET /api/v1/deadlines without registeredAt. */
export interface FilingDeadlines {
  form: AssemblyForm;
  procedure: Procedure;
  assemblyDate: LocalDate;
  fileBy: LocalDate;
  answerWorkingDays: number;
  deemedApproval: boolean;
}

/** The fields that registeredAt adds. */
export interface RegistrationDeadlines {
  registrationDate: LocalDate;
  timely: boolean;
  answerDueBy: LocalDate;
  /** ISO 8601 with the zone's offset, e.g. `2025-03-20T00:00:00+05:00`. */
  answerDeadline: string;
  /** Same as answerDeadline for notifications; null for applications (no deemed consent). */
  deemedApprovedAt: string | null;
}

export type RegisteredFilingDeadlines = FilingDeadlines & RegistrationDeadlines;

function ruleOf(policy: LegalPolicy, form: AssemblyForm): FormRule {
  // Named property loads (one shape each) rather than a keyed load over five names.
  const forms = policy.forms;
  let rule: FormRule | undefined;
  switch (form) {
    case 'rally':
      rule = forms.rally;
      break;
    case 'meeting':
      rule = forms.meeting;
      break;
    case 'picket':
      rule = forms.picket;
      break;
    case 'demonstration':
      rule = forms.demonstration;
      break;
    case 'procession':
      rule = forms.procession;
      break;
  }
  if (rule === undefined) throw new UnknownFormError(form);
  return rule;
}

function fileByNumber(
  assemblyDay: DayNumber,
  rule: FormRule,
  calendar: WorkingDayCalendar,
  policy: LegalPolicy,
): DayNumber {
  const n = rule.fileWorkingDaysBefore + (policy.counting === 'strict' ? 1 : 0);
  return calendar.subtractWorkingDayNumbers(assemblyDay, n);
}

/** The registration date as a day number (see registrationDateOf). */
export function registrationDayNumber(
  registeredAtMs: number,
  timeZone: string,
  calendar: WorkingDayCalendar,
  policy: LegalPolicy,
): DayNumber {
  const wall = localWallMsAt(registeredAtMs, timeZone);
  const day = Math.floor(wall / MS_PER_DAY);
  const cutoff = policy.dailyCutoffHour;
  if (cutoff !== null && wall - day * MS_PER_DAY >= cutoff * 3_600_000) {
    return calendar.nextWorkingDayNumber(day + 1);
  }
  return calendar.nextWorkingDayNumber(day);
}

/**
 * The registration date of a filing received at an instant: its local date if that is a working
 * day (and the time is before the policy's cut-off hour, if any), else the next working day.
 */
export function registrationDateOf(
  registeredAt: Date,
  timeZone: string,
  calendar: WorkingDayCalendar,
  policy: LegalPolicy,
): LocalDate {
  return fromDayNumber(registrationDayNumber(epochMs(registeredAt), timeZone, calendar, policy));
}

/** The last day on which a filing for an assembly on `assemblyDate` is timely. */
export function fileByDate(
  form: AssemblyForm,
  assemblyDate: LocalDate,
  calendar: WorkingDayCalendar,
  policy: LegalPolicy,
): LocalDate {
  return fromDayNumber(fileByNumber(toDayNumber(assemblyDate), ruleOf(policy, form), calendar, policy));
}

/** The deadlines of GET /api/v1/deadlines; with registeredAt also the registration-dependent ones. */
export function computeDeadlines(input: DeadlineInput & { registeredAt: Date }): RegisteredFilingDeadlines;
export function computeDeadlines(input: DeadlineInput): FilingDeadlines & Partial<RegistrationDeadlines>;
export function computeDeadlines(input: DeadlineInput): FilingDeadlines & Partial<RegistrationDeadlines> {
  const { form, calendar, policy, registeredAt } = input;
  const rule = ruleOf(policy, form);
  const assemblyDay = toDayNumber(input.assemblyDate);
  const fileBy = fileByNumber(assemblyDay, rule, calendar, policy);
  const deemedApproval = rule.silence === 'deemed_approved';
  if (registeredAt === undefined) {
    return {
      form,
      procedure: rule.procedure,
      assemblyDate: input.assemblyDate,
      fileBy: fromDayNumber(fileBy),
      answerWorkingDays: rule.answerWorkingDays,
      deemedApproval,
    };
  }
  const registration = registrationDayNumber(epochMs(registeredAt), input.timeZone, calendar, policy);
  const due = calendar.addWorkingDayNumbers(registration, rule.answerWorkingDays);
  const answerDeadline = formatStartOfLocalDay(due + 1, input.timeZone);
  return {
    form,
    procedure: rule.procedure,
    assemblyDate: input.assemblyDate,
    fileBy: fromDayNumber(fileBy),
    answerWorkingDays: rule.answerWorkingDays,
    deemedApproval,
    registrationDate: fromDayNumber(registration),
    timely: registration <= fileBy,
    answerDueBy: fromDayNumber(due),
    answerDeadline,
    deemedApprovedAt: deemedApproval ? answerDeadline : null,
  };
}

/** The deadlines of a registered filing with the instants as Dates (for the server and the worker). */
export interface DeadlineInstants {
  form: AssemblyForm;
  procedure: Procedure;
  assemblyDate: LocalDate;
  fileBy: LocalDate;
  registrationDate: LocalDate;
  timely: boolean;
  answerWorkingDays: number;
  answerDueBy: LocalDate;
  /** Local 00:00 of the day after answerDueBy: an answer recorded before this instant is in time. */
  answerDeadlineInstant: Date;
  deemedApproval: boolean;
  /** answerDeadlineInstant for notifications; null for applications. */
  deemedApprovedAtInstant: Date | null;
  /** What the silence turns the filing into once answerDeadlineInstant has passed. */
  silence: FormRule['silence'];
}

export function computeDeadlineInstants(input: DeadlineInput & { registeredAt: Date }): DeadlineInstants {
  const { form, calendar, policy, timeZone } = input;
  const rule = ruleOf(policy, form);
  const fileBy = fileByNumber(toDayNumber(input.assemblyDate), rule, calendar, policy);
  const registration = registrationDayNumber(epochMs(input.registeredAt), timeZone, calendar, policy);
  const due = calendar.addWorkingDayNumbers(registration, rule.answerWorkingDays);
  const deadline = startOfLocalDayMs(due + 1, timeZone);
  const deemedApproval = rule.silence === 'deemed_approved';
  return {
    form,
    procedure: rule.procedure,
    assemblyDate: input.assemblyDate,
    fileBy: fromDayNumber(fileBy),
    registrationDate: fromDayNumber(registration),
    timely: registration <= fileBy,
    answerWorkingDays: rule.answerWorkingDays,
    answerDueBy: fromDayNumber(due),
    answerDeadlineInstant: new Date(deadline),
    deemedApproval,
    deemedApprovedAtInstant: deemedApproval ? new Date(deadline) : null,
    silence: rule.silence,
  };
}

/** Just the instant by which the akimat must answer a filing registered at `registeredAt`. */
export function answerDeadlineInstant(
  input: Omit<DeadlineInput, 'assemblyDate'> & { registeredAt: Date },
): Date {
  const rule = ruleOf(input.policy, input.form);
  const registration = registrationDayNumber(
    epochMs(input.registeredAt),
    input.timeZone,
    input.calendar,
    input.policy,
  );
  const due = input.calendar.addWorkingDayNumbers(registration, rule.answerWorkingDays);
  return new Date(startOfLocalDayMs(due + 1, input.timeZone));
}

/**
 * The instant by which the organizer must answer a change proposal received at `receivedAt`: the
 * end (next local 00:00) of the policy's proposalReplyWorkingDays-th working day after the local
 * date of receipt, that date not counted (Arts. 11(3), 13(3)).
 */
export function proposalReplyDeadline(
  receivedAt: Date,
  timeZone: string,
  calendar: WorkingDayCalendar,
  policy: LegalPolicy,
): Date {
  const wall = localWallMsAt(epochMs(receivedAt), timeZone);
  const received = Math.floor(wall / MS_PER_DAY);
  const due = calendar.addWorkingDayNumbers(received, policy.proposalReplyWorkingDays);
  return new Date(startOfLocalDayMs(due + 1, timeZone));
}
