import { CalendarEntryError, CalendarRangeError } from '../errors';
import { DayNumber, LocalDate, fromDayNumber, toDayNumber } from '../time/local-date';
import { CalendarEntry, isRetired, validateCalendarEntries } from './entries';
import { CompiledRules, DayReason, YearTable, buildYearTable, compileRules } from './year-table';

/** The body of GET /api/v1/calendar/{year}: the exceptions to "Monday to Friday are working days". */
export interface CalendarYearView {
  year: number;
  /** Days off other than ordinary weekends: holidays (also those on a weekend), transfers, decrees. */
  nonWorkingDays: readonly DayReason[];
  /** Saturdays and Sundays that a decree made working days. */
  workingWeekendDays: readonly DayReason[];
}

const MIN_YEAR = 1;
const MAX_YEAR = 9999;
const TABLE_BASE = 1900;

/**
 * Working days of one jurisdiction, built from calendar entries (immutable: a change of the
 * entries builds a new calendar). Each year is computed on first use and memoised, after which
 * every query is a few typed-array reads.
 *
 * Counting convention: `addWorkingDays(d, n)` is the n-th working day after d and
 * `subtractWorkingDays(d, n)` the n-th working day before d, d itself never counted (whether or
 * not it is a working day).
 */
export class WorkingDayCalendar {
  private readonly rules: CompiledRules;
  /** Years TABLE_BASE .. TABLE_BASE + 399 by index (packed array); other years in a map. */
  private readonly tableArray: (YearTable | undefined)[] = new Array<YearTable | undefined>(400).fill(
    undefined,
  );
  private readonly tableMap = new Map<number, YearTable>();
  private last: YearTable | undefined;
  private readonly views = new Map<number, CalendarYearView>();

  private constructor(readonly entries: readonly CalendarEntry[]) {
    this.rules = compileRules(entries);
  }

  /** Builds a calendar; throws CalendarEntryError listing every problem of invalid entries. */
  static fromEntries(entries: readonly CalendarEntry[]): WorkingDayCalendar {
    const problems = validateCalendarEntries(entries);
    if (problems.length > 0) throw new CalendarEntryError(problems);
    return new WorkingDayCalendar(Object.freeze(entries.filter((e) => !isRetired(e))));
  }

  private yearTable(year: number): YearTable {
    const i = year - TABLE_BASE;
    let t = i >= 0 && i < 400 ? this.tableArray[i] : this.tableMap.get(year);
    if (t === undefined) {
      if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
        throw new CalendarRangeError(`the calendar covers the years ${MIN_YEAR}..${MAX_YEAR}, not ${year}`);
      }
      t = buildYearTable(this.rules, year);
      if (i >= 0 && i < 400) this.tableArray[i] = t;
      else this.tableMap.set(year, t);
    }
    return t;
  }

  private tableOf(day: DayNumber): YearTable {
    let t = this.last;
    if (t !== undefined && day >= t.first && day < t.end) return t;
    // An estimate of the year that is off by at most one, then corrected.
    t = this.yearTable(Math.floor(day / 365.2425) + 1970);
    while (day < t.first) t = this.yearTable(t.year - 1);
    while (day >= t.end) t = this.yearTable(t.year + 1);
    return (this.last = t);
  }

  // Day-number API (the hot path of the deadline computation).

  isWorkingDayNumber(day: DayNumber): boolean {
    const t = this.tableOf(day);
    return t.working[day - t.first] === 1;
  }

  /** The day itself when it is a working day, else the first working day after it. */
  nextWorkingDayNumber(day: DayNumber): DayNumber {
    let t = this.tableOf(day);
    const i = day - t.first;
    if (t.working[i] === 1) return day;
    let k = t.rank[i];
    while (k >= t.list.length) {
      t = this.yearTable(t.year + 1);
      k = 0;
    }
    return t.list[k];
  }

  /** The n-th working day after `day` (n >= 0; 0 gives `day`). */
  addWorkingDayNumbers(day: DayNumber, n: number): DayNumber {
    if (n <= 0) {
      if (n === 0) return day;
      return this.subtractWorkingDayNumbers(day, -n);
    }
    let t = this.tableOf(day);
    let k = t.rank[day - t.first + 1] + n - 1;
    while (k >= t.list.length) {
      k -= t.list.length;
      t = this.yearTable(t.year + 1);
    }
    return t.list[k];
  }

  /** The n-th working day before `day` (n >= 0; 0 gives `day`). */
  subtractWorkingDayNumbers(day: DayNumber, n: number): DayNumber {
    if (n <= 0) {
      if (n === 0) return day;
      return this.addWorkingDayNumbers(day, -n);
    }
    let t = this.tableOf(day);
    let k = t.rank[day - t.first] - n;
    while (k < 0) {
      t = this.yearTable(t.year - 1);
      k += t.list.length;
    }
    return t.list[k];
  }

  /** Working days strictly after `from` up to and including `to` (negative when `to` is earlier). */
  workingDaysBetweenNumbers(from: DayNumber, to: DayNumber): number {
    if (to < from) return -this.workingDaysBetweenNumbers(to, from);
    const a = this.tableOf(from);
    const before = a.rank[from - a.first + 1];
    let total = -before;
    for (let y = a.year; ; y++) {
      const t = this.yearTable(y);
      if (to < t.end) return total + t.rank[to - t.first + 1];
      total += t.list.length;
    }
  }

  // Local-date API.

  isWorkingDay(date: LocalDate): boolean {
    return this.isWorkingDayNumber(toDayNumber(date));
  }

  /** The date itself when it is a working day, else the first working day after it. */
  nextWorkingDay(date: LocalDate): LocalDate {
    return fromDayNumber(this.nextWorkingDayNumber(toDayNumber(date)));
  }

  /** Counts n working days forward from `date`, not counting `date`. */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    return fromDayNumber(this.addWorkingDayNumbers(toDayNumber(date), checkCount(n)));
  }

  /** Counts n working days back from `date`, not counting `date`. */
  subtractWorkingDays(date: LocalDate, n: number): LocalDate {
    return fromDayNumber(this.subtractWorkingDayNumbers(toDayNumber(date), checkCount(n)));
  }

  /** Working days after `from` up to and including `to`. */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    return this.workingDaysBetweenNumbers(toDayNumber(from), toDayNumber(to));
  }

  /** The year's days off (other than plain weekends) and working weekend days, sorted by date. */
  yearView(year: number): CalendarYearView {
    let v = this.views.get(year);
    if (v === undefined) {
      const t = this.yearTable(year);
      v = Object.freeze({ year, nonWorkingDays: t.nonWorkingDays, workingWeekendDays: t.workingWeekendDays });
      this.views.set(year, v);
    }
    return v;
  }
}

function checkCount(n: number): number {
  if (!Number.isInteger(n)) throw new RangeError(`a number of working days must be an integer, not ${n}`);
  return n;
}
