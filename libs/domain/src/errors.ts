/**
 * Typed errors of the domain library. Every error carries a stable `code` so that callers can map
 * it to an API problem without matching on messages.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A value that should be a local date `YYYY-MM-DD` is not one (or is not a real calendar day). */
export class InvalidLocalDateError extends DomainError {
  constructor(readonly value: unknown) {
    super('invalid_local_date', `not a valid local date (YYYY-MM-DD): ${describe(value)}`);
  }
}

/** A value that should be an instant is not a valid Date. */
export class InvalidInstantError extends DomainError {
  constructor(readonly value: unknown) {
    super('invalid_instant', `not a valid instant: ${describe(value)}`);
  }
}

/** The IANA time zone name is unknown to this runtime's Intl data. */
export class InvalidTimeZoneError extends DomainError {
  constructor(readonly timeZone: unknown) {
    super('invalid_time_zone', `unknown IANA time zone: ${describe(timeZone)}`);
  }
}

/** The form is not one of the five assembly forms. */
export class UnknownFormError extends DomainError {
  constructor(readonly form: unknown) {
    super('unknown_form', `unknown assembly form: ${describe(form)}`);
  }
}

/** No policy version is in force on the given registration date. */
export class NoPolicyInForceError extends DomainError {
  constructor(readonly date: string) {
    super('no_policy_in_force', `no legal policy is in force on ${date}`);
  }
}

/** The calendar entries are inconsistent; `problems` lists each one. */
export class CalendarEntryError extends DomainError {
  constructor(readonly problems: readonly { id: string; message: string }[]) {
    super(
      'invalid_calendar_entries',
      `invalid calendar entries: ${problems.map((p) => `${p.id}: ${p.message}`).join('; ')}`,
    );
  }
}

/** A computation left the range the calendar can answer for. */
export class CalendarRangeError extends DomainError {
  constructor(message: string) {
    super('calendar_out_of_range', message);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return 'Invalid Date';
  try {
    return String(value);
  } catch {
    return typeof value;
  }
}
