import { InvalidTimeZoneError } from '../errors';
import { epochMs } from './instant';
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

/**
 * A sparse cache of numbers by integer key, in chunks of typed arrays (NaN = not yet known): a
 * lookup is a shift, a compare and an array read, with no hashing of large maps.
 */
class NumberCache {
  private readonly chunks = new Map<number, Float64Array>();
  private lastKey = NaN;
  private lastChunk: Float64Array | undefined;

  chunk(index: number): Float64Array {
    const key = index >> CHUNK_BITS;
    if (key === this.lastKey) return this.lastChunk!;
    let chunk = this.chunks.get(key);
    if (chunk === undefined) {
      chunk = new Float64Array(CHUNK_SIZE).fill(NaN);
      this.chunks.set(key, chunk);
    }
    this.lastKey = key;
    this.lastChunk = chunk;
    return chunk;
  }
}

/** The same for strings. */
class StringCache {
  private readonly chunks = new Map<number, (string | undefined)[]>();
  private lastKey = NaN;
  private lastChunk: (string | undefined)[] | undefined;

  chunk(index: number): (string | undefined)[] {
    const key = index >> CHUNK_BITS;
    if (key === this.lastKey) return this.lastChunk!;
    let chunk = this.chunks.get(key);
    if (chunk === undefined) {
      chunk = new Array<string | undefined>(CHUNK_SIZE).fill(undefined);
      this.chunks.set(key, chunk);
    }
    this.lastKey = key;
    this.lastChunk = chunk;
    return chunk;
  }
}

const CHUNK_BITS = 12;
const CHUNK_SIZE = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_SIZE - 1;

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
      fmt = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
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

/** The offset (local minus UTC, in ms, whole seconds) asked of Intl. Slow: not for the hot path. */
function intlOffsetMs(fmt: Intl.DateTimeFormat, utcMs: number): number {
  const whole = Math.floor(utcMs / 1000) * 1000;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of fmt.formatToParts(whole)) {
    switch (part.type) {
      case 'year':
        year = +part.value;
        break;
      case 'month':
        month = +part.value;
        break;
      case 'day':
        day = +part.value;
        break;
      case 'hour':
        hour = +part.value;
        break;
      case 'minute':
        minute = +part.value;
        break;
      case 'second':
        second = +part.value;
        break;
    }
  }
  const days = daysFromParts(year, month, day);
  return days * MS_PER_DAY + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * 1000 - whole;
}

function daysFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
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

/** The oldest IANA tz data release that knows Kazakhstan's single zone (UTC+5 from 2024-03-01). */
export const MINIMUM_TZDATA = '2024a';

/**
 * The start-up guard: throws unless the runtime's tz data is 2024a or newer and Asia/Almaty is
 * UTC+05:00 on 2024-03-01. `tzVersion` defaults to `process.versions.tz` (an argument for tests;
 * null stands for a runtime without tz data).
 */
export function assertTimeZoneData(tzVersion: string | null | undefined = process.versions.tz): void {
  if (typeof tzVersion !== 'string' || !/^\d{4}[a-z]+$/.test(tzVersion) || tzVersion < MINIMUM_TZDATA) {
    throw new Error(
      `time-zone data ${tzVersion ?? '(unknown)'} is older than ${MINIMUM_TZDATA}: Kazakhstan moved to UTC+5 on ` +
        `2024-03-01 and older data puts Asia/Almaty one hour off; run Node.js with ICU tz data ${MINIMUM_TZDATA} or newer`,
    );
  }
  let offset: number;
  try {
    offset = intlOffsetMs(
      new Intl.DateTimeFormat('en-US', {
        timeZone: 'Asia/Almaty',
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
      Date.UTC(2024, 2, 1, 12),
    );
  } catch {
    throw new Error('time-zone data does not know Asia/Almaty: run Node.js with full ICU time-zone data');
  }
  if (offset !== 5 * MS_PER_HOUR) {
    const minutes = offset / MS_PER_MINUTE;
    throw new Error(
      `time-zone data claims tz ${tzVersion} but gives Asia/Almaty UTC${minutes < 0 ? '-' : '+'}${Math.abs(minutes) / 60}h ` +
        `on 2024-03-01 instead of +05:00: the ICU data is stale; update Node.js or its ICU data`,
    );
  }
}
