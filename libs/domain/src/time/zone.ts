import { InvalidTimeZoneError } from '../errors';
import { CHUNK_MASK, NumberCache, StringCache } from './caches';
import { epochMs } from './instant';
import { intlOffsetMs, wallClockFormatter } from './intl-offset';
import { DayNumber, LocalDate, MS_PER_DAY, fromDayNumber, toDayNumber } from './local-date';

/**
 * Instants and IANA time zones without depending on the process time zone.
 *
 * Intl is used only to learn a zone's UTC offset at an instant. Offsets are cached per zone and
 * per UTC day, or per UTC hour on the days with a transition (an hour whose first and last second
 * differ is asked of Intl each time, which in practice never happens: transitions fall on whole
 * hours of UTC or on half hours, whose hours the tests check). Starts of local days and their
 * formatted strings are cached per zone and day, so the deadline hot path does no Intl work.
 */

const MS_PER_HOUR = 3_600_000;
const MS_PER_MINUTE = 60_000;
const MIXED = 1e15; // marks an hour whose offset changes inside it

interface ZoneData {
  readonly name: string;
  readonly fmt: Intl.DateTimeFormat;
  /** Offset (ms) by UTC day since the epoch; MIXED when it changes inside the day. */
  readonly dayOffsets: NumberCache;
  /** Offset (ms) by UTC hour, for the hours of MIXED days; MIXED when it changes inside the hour. */
  readonly hourOffsets: NumberCache;
  /** Instant (epoch ms) of local 00:00 by day number. */
  readonly dayStarts: NumberCache;
  /** formatInstant of that instant, by day number. */
  readonly dayStartTexts: StringCache;
}

const zones = new Map<string, ZoneData>();
let lastZone: ZoneData | undefined;

function zoneData(timeZone: string): ZoneData {
  if (lastZone !== undefined && lastZone.name === timeZone) return lastZone;
  let z = zones.get(timeZone);
  if (z === undefined) {
    if (typeof timeZone !== 'string' || timeZone === '') throw new InvalidTimeZoneError(timeZone);
    let fmt: Intl.DateTimeFormat;
    try {
      fmt = wallClockFormatter(timeZone);
    } catch {
      throw new InvalidTimeZoneError(timeZone);
    }
    z = {
      name: timeZone,
      fmt,
      dayOffsets: new NumberCache(),
      hourOffsets: new NumberCache(),
      dayStarts: new NumberCache(),
      dayStartTexts: new StringCache(),
    };
    zones.set(timeZone, z);
  }
  lastZone = z;
  return z;
}

/** True when the runtime knows the IANA zone. */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  try {
    zoneData(timeZone as string);
    return true;
  } catch {
    return false;
  }
}

/**
 * The offset at an instant. A UTC day whose offset is the same at the start of each of its hours
 * and at its last second is stored as one value; a day with a change in it is resolved per hour
 * (start and last second of the hour), and an hour with a change in it is asked of Intl each time.
 */
function offsetOf(z: ZoneData, utcMs: number): number {
  const day = Math.floor(utcMs / MS_PER_DAY);
  const chunk = z.dayOffsets.chunk(day);
  let o = chunk[day & CHUNK_MASK];
  if (o !== o) {
    o = uniformDayOffset(z, day);
    chunk[day & CHUNK_MASK] = o;
  }
  return o === MIXED ? hourOffset(z, utcMs) : o;
}

function uniformDayOffset(z: ZoneData, day: number): number {
  const start = day * MS_PER_DAY;
  const first = intlOffsetMs(z.fmt, start);
  for (let h = 1; h < 24; h++) if (intlOffsetMs(z.fmt, start + h * MS_PER_HOUR) !== first) return MIXED;
  return intlOffsetMs(z.fmt, start + MS_PER_DAY - 1000) === first ? first : MIXED;
}

function hourOffset(z: ZoneData, utcMs: number): number {
  const hour = Math.floor(utcMs / MS_PER_HOUR);
  const chunk = z.hourOffsets.chunk(hour);
  let o = chunk[hour & CHUNK_MASK];
  if (o !== o) {
    const start = hour * MS_PER_HOUR;
    const first = intlOffsetMs(z.fmt, start);
    o = intlOffsetMs(z.fmt, start + MS_PER_HOUR - 1000) === first ? first : MIXED;
    chunk[hour & CHUNK_MASK] = o;
  }
  return o === MIXED ? intlOffsetMs(z.fmt, utcMs) : o;
}

/** The zone's UTC offset at an epoch-ms instant, in ms (local = UTC + offset). */
export function utcOffsetMsAt(utcMs: number, timeZone: string): number {
  return offsetOf(zoneData(timeZone), utcMs);
}

/** The zone's UTC offset at an instant, in whole minutes (e.g. 300 for +05:00). */
export function utcOffsetMinutes(instant: Date, timeZone: string): number {
  return Math.round(offsetOf(zoneData(timeZone), epochMs(instant)) / MS_PER_MINUTE);
}

/** The local day number of an epoch-ms instant in a zone. */
export function localDayNumberAt(utcMs: number, timeZone: string): DayNumber {
  return Math.floor((utcMs + offsetOf(zoneData(timeZone), utcMs)) / MS_PER_DAY);
}

/** The local wall-clock time of an instant as ms since 1970-01-01T00:00 local. */
export function localWallMsAt(utcMs: number, timeZone: string): number {
  return utcMs + offsetOf(zoneData(timeZone), utcMs);
}

/** The local date of an instant in a zone. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  return fromDayNumber(localDayNumberAt(epochMs(instant), timeZone));
}

export interface LocalTime {
  date: LocalDate;
  hour: number;
  minute: number;
  second: number;
}

/** The local date and wall-clock time of an instant in a zone. */
export function localTimeOf(instant: Date, timeZone: string): LocalTime {
  const wall = localWallMsAt(epochMs(instant), timeZone);
  const day = Math.floor(wall / MS_PER_DAY);
  const inDay = wall - day * MS_PER_DAY;
  return {
    date: fromDayNumber(day),
    hour: Math.floor(inDay / MS_PER_HOUR),
    minute: Math.floor(inDay / MS_PER_MINUTE) % 60,
    second: Math.floor(inDay / 1000) % 60,
  };
}

/**
 * The first instant whose local wall-clock reading is `wallMs` (ms since 1970-01-01T00:00 local).
 * When that reading occurs twice (clocks set back) the earlier instant; when it never occurs
 * (clocks set forward over it) the instant of the transition, i.e. the first moment after it.
 */
function utcOfWall(z: ZoneData, wallMs: number): number {
  const before = offsetOf(z, wallMs - 15 * MS_PER_HOUR);
  const after = offsetOf(z, wallMs + 15 * MS_PER_HOUR);
  const c1 = wallMs - before;
  const c1ok = offsetOf(z, c1) === before;
  if (before === after) {
    if (c1ok) return c1;
  } else {
    const c2 = wallMs - after;
    const c2ok = offsetOf(z, c2) === after;
    if (c1ok && c2ok) return Math.min(c1, c2);
    if (c1ok) return c1;
    if (c2ok) return c2;
  }
  // A gap: find the transition between the two candidates (to the second).
  let lo = Math.min(c1, wallMs - after);
  let hi = Math.max(c1, wallMs - after);
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (mid + offsetOf(z, mid) >= wallMs) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The instant of local 00:00 of a day number (cached per zone and day). */
export function startOfLocalDayMs(dayNumber: DayNumber, timeZone: string): number {
  const z = zoneData(timeZone);
  const chunk = z.dayStarts.chunk(dayNumber);
  let ms = chunk[dayNumber & CHUNK_MASK];
  if (ms !== ms) {
    ms = utcOfWall(z, dayNumber * MS_PER_DAY);
    chunk[dayNumber & CHUNK_MASK] = ms;
  }
  return ms;
}

/** The instant at which a local date begins in a zone (local 00:00, or the first moment after). */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  return new Date(startOfLocalDayMs(toDayNumber(date), timeZone));
}

/** The instant of a local date and wall-clock time (earlier one when ambiguous, shifted forward in a gap). */
export function instantOfLocal(date: LocalDate, hour: number, minute: number, timeZone: string): Date {
  if (
    !Number.isInteger(hour) ||
    !Number.isInteger(minute) ||
    hour < 0 ||
    hour > 24 ||
    minute < 0 ||
    minute > 59
  ) {
    throw new RangeError(`invalid local time ${hour}:${minute}`);
  }
  const wall = toDayNumber(date) * MS_PER_DAY + hour * MS_PER_HOUR + minute * MS_PER_MINUTE;
  return new Date(utcOfWall(zoneData(timeZone), wall));
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : '' + n;
}

function formatMs(utcMs: number, z: ZoneData): string {
  const offsetMinutes = Math.round(offsetOf(z, utcMs) / MS_PER_MINUTE);
  const wall = utcMs + offsetMinutes * MS_PER_MINUTE;
  const day = Math.floor(wall / MS_PER_DAY);
  const inDay = wall - day * MS_PER_DAY;
  const h = Math.floor(inDay / MS_PER_HOUR);
  const m = Math.floor(inDay / MS_PER_MINUTE) % 60;
  const s = Math.floor(inDay / 1000) % 60;
  const milli = inDay % 1000;
  const abs = Math.abs(offsetMinutes);
  return (
    fromDayNumber(day) +
    'T' +
    pad2(h) +
    ':' +
    pad2(m) +
    ':' +
    pad2(s) +
    (milli === 0 ? '' : '.' + ('00' + milli).slice(-3)) +
    (offsetMinutes < 0 ? '-' : '+') +
    pad2(Math.floor(abs / 60)) +
    ':' +
    pad2(abs % 60)
  );
}

/**
 * ISO 8601 with the zone's offset at that instant, e.g. `2025-03-20T00:00:00+05:00` (milliseconds
 * only when not zero; UTC as `+00:00`).
 */
export function formatInstant(instant: Date, timeZone: string): string {
  return formatMs(epochMs(instant), zoneData(timeZone));
}

/** `formatInstant(startOfLocalDay(day))`, cached per zone and day. */
export function formatStartOfLocalDay(dayNumber: DayNumber, timeZone: string): string {
  const z = zoneData(timeZone);
  const chunk = z.dayStartTexts.chunk(dayNumber);
  let s = chunk[dayNumber & CHUNK_MASK];
  if (s === undefined) {
    s = formatMs(startOfLocalDayMs(dayNumber, timeZone), z);
    chunk[dayNumber & CHUNK_MASK] = s;
  }
  return s;
}

/** The IANA zone of all of Kazakhstan (UTC+5 since 2024-03-01). */
export const KZ_TIME_ZONE = 'Asia/Almaty';
