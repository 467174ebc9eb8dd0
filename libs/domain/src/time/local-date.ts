import { InvalidLocalDateError } from '../errors';

/**
 * A calendar day with no time zone, as `YYYY-MM-DD` (years 0001..9999). Local dates are compared
 * as strings (the format sorts chronologically) and computed with as day numbers.
 */
export type LocalDate = string;

/** Days since 1970-01-01 (which is day 0). Pure integer arithmetic; no Date, no time zone. */
export type DayNumber = number;

export const MS_PER_DAY = 86_400_000;

/** 0 = Sunday, 1 = Monday, ... 6 = Saturday (the convention of Date#getUTCDay). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export const SUNDAY = 0;
export const SATURDAY = 6;

const MIN_DAY = -719162; // 0001-01-01
const MAX_DAY = 2932896; // 9999-12-31

/** Day number of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month and day of a day number packed as `y * 10000 + m * 100 + d` (no allocation). */
function packedCivil(dayNumber: DayNumber): number {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 10000 + m * 100 + d;
}

export function yearOfDayNumber(dayNumber: DayNumber): number {
  return Math.floor(packedCivil(dayNumber) / 10000);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Days before each month in a common year (index 1..12), and 1 January of the years 1900..2299.
const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const MONTH_LENGTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const FAST_FIRST_YEAR = 1900;
const FAST_YEARS = 400;
const YEAR_START = new Int32Array(FAST_YEARS);
for (let i = 0; i < FAST_YEARS; i++) YEAR_START[i] = daysFromCivil(FAST_FIRST_YEAR + i, 1, 1);

/** The day number of a `YYYY-MM-DD` string, or NaN when it is not a valid local date. */
export function tryDayNumber(value: unknown): DayNumber {
  if (typeof value !== 'string' || value.length !== 10) return NaN;
  // Small-integer arithmetic only (a digit outside 0..9 is caught by an unsigned compare).
  const c0 = (value.charCodeAt(0) - 48) | 0;
  const c1 = (value.charCodeAt(1) - 48) | 0;
  const c2 = (value.charCodeAt(2) - 48) | 0;
  const c3 = (value.charCodeAt(3) - 48) | 0;
  const c5 = (value.charCodeAt(5) - 48) | 0;
  const c6 = (value.charCodeAt(6) - 48) | 0;
  const c8 = (value.charCodeAt(8) - 48) | 0;
  const c9 = (value.charCodeAt(9) - 48) | 0;
  if (
    value.charCodeAt(4) !== 45 ||
    value.charCodeAt(7) !== 45 ||
    c0 >>> 0 > 9 ||
    c1 >>> 0 > 9 ||
    c2 >>> 0 > 9 ||
    c3 >>> 0 > 9 ||
    c5 >>> 0 > 9 ||
    c6 >>> 0 > 9 ||
    c8 >>> 0 > 9 ||
    c9 >>> 0 > 9
  ) {
    return NaN;
  }
  const y = c0 * 1000 + c1 * 100 + c2 * 10 + c3;
  const m = c5 * 10 + c6;
  const d = c8 * 10 + c9;
  if (y < 1 || m < 1 || m > 12 || d < 1) return NaN;
  const leap = (y & 3) === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > MONTH_LENGTH[m] && !(leap && m === 2 && d === 29)) return NaN;
  const i = y - FAST_FIRST_YEAR;
  if (i < 0 || i >= FAST_YEARS) return daysFromCivil(y, m, d);
  return YEAR_START[i] + DAYS_BEFORE_MONTH[m] + (leap && m > 2 ? 1 : 0) + d - 1;
}

/** The day number of a local date; throws InvalidLocalDateError when it is not one. */
export function toDayNumber(date: LocalDate): DayNumber {
  const n = tryDayNumber(date);
  if (n !== n) throw new InvalidLocalDateError(date);
  return n;
}

// Strings of day numbers 1900-01-01 .. 2199-12-31 are built once each and then reused.
const CACHE_FIRST = daysFromCivil(1900, 1, 1);
const CACHE_END = daysFromCivil(2200, 1, 1);
const stringCache: (string | undefined)[] = new Array<string | undefined>(CACHE_END - CACHE_FIRST).fill(
  undefined,
);

function pad2(n: number): string {
  return n < 10 ? '0' + n : '' + n;
}

function formatDayNumber(dayNumber: DayNumber): string {
  const p = packedCivil(dayNumber);
  const y = Math.floor(p / 10000);
  const m = Math.floor(p / 100) % 100;
  const d = p % 100;
  const ys = y >= 1000 ? '' + y : ('000' + y).slice(-4);
  return ys + '-' + pad2(m) + '-' + pad2(d);
}

/** The local date of a day number. */
export function fromDayNumber(dayNumber: DayNumber): LocalDate {
  if (dayNumber >= CACHE_FIRST && dayNumber < CACHE_END) {
    const i = dayNumber - CACHE_FIRST;
    let s = stringCache[i];
    if (s === undefined) {
      s = formatDayNumber(dayNumber);
      stringCache[i] = s;
    }
    return s;
  }
  if (!Number.isInteger(dayNumber) || dayNumber < MIN_DAY || dayNumber > MAX_DAY) {
    throw new RangeError(`day number out of range: ${dayNumber}`);
  }
  return formatDayNumber(dayNumber);
}

export interface LocalDateParts {
  year: number;
  month: number;
  day: number;
}

/** Splits a local date into its parts; throws InvalidLocalDateError when it is not valid. */
export function parseLocalDate(date: LocalDate): LocalDateParts {
  const p = packedCivil(toDayNumber(date));
  return { year: Math.floor(p / 10000), month: Math.floor(p / 100) % 100, day: p % 100 };
}

/** The local date of year, month (1-12) and day; throws when it is not a real day. */
export function localDateFromParts(year: number, month: number, day: number): LocalDate {
  if (
    !Number.isInteger(year) ||
    !Number.isInteger(month) ||
    !Number.isInteger(day) ||
    year < 1 ||
    year > 9999 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month)
  ) {
    throw new InvalidLocalDateError(`${year}-${month}-${day}`);
  }
  return fromDayNumber(daysFromCivil(year, month, day));
}

export function isValidLocalDate(value: unknown): value is LocalDate {
  return !Number.isNaN(tryDayNumber(value));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`addDays: not an integer: ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function weekdayOfDayNumber(dayNumber: DayNumber): Weekday {
  return ((((dayNumber + 4) % 7) + 7) % 7) as Weekday; // 1970-01-01 was a Thursday
}

/** Day of the week of a local date: 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: LocalDate): Weekday {
  return weekdayOfDayNumber(toDayNumber(date));
}

export function isWeekendDayNumber(dayNumber: DayNumber): boolean {
  const w = weekdayOfDayNumber(dayNumber);
  return w === SATURDAY || w === SUNDAY;
}

export function isWeekend(date: LocalDate): boolean {
  return isWeekendDayNumber(toDayNumber(date));
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return toDayNumber(a) - toDayNumber(b);
}
