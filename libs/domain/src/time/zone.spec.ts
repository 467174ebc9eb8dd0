import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { InvalidInstantError, InvalidTimeZoneError } from '../errors';
import {
  formatInstant,
  formatStartOfLocalDay,
  instantOfLocal,
  isValidTimeZone,
  localDateOf,
  localTimeOf,
  startOfLocalDay,
  utcOffsetMinutes,
  utcOffsetMsAt,
} from './zone';
import { assertTimeZoneData } from './tzdata-guard';
import { toDayNumber } from './local-date';

const ALMATY = 'Asia/Almaty';

/** The offset as Intl prints it (an independent method: the zone name "GMT+05:00"). */
function referenceOffsetMinutes(utcMs: number, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(utcMs)
    .find((p) => p.type === 'timeZoneName')!.value;
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
  if (!m) throw new Error(`unexpected offset name ${name}`);
  if (!m[1]) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

describe('Asia/Almaty across the 2024-03-01 change from +06:00 to +05:00', () => {
  it('has a 25-hour 29 February 2024', () => {
    expect(startOfLocalDay('2024-02-29', ALMATY).toISOString()).toBe('2024-02-28T18:00:00.000Z');
    expect(startOfLocalDay('2024-03-01', ALMATY).toISOString()).toBe('2024-02-29T19:00:00.000Z');
    const hours =
      (startOfLocalDay('2024-03-01', ALMATY).getTime() - startOfLocalDay('2024-02-29', ALMATY).getTime()) /
      3_600_000;
    expect(hours).toBe(25);
    expect(startOfLocalDay('2024-03-02', ALMATY).toISOString()).toBe('2024-03-01T19:00:00.000Z');
    expect(startOfLocalDay('2024-02-28', ALMATY).toISOString()).toBe('2024-02-27T18:00:00.000Z');
  });

  it('formats +06:00 before the change and +05:00 after it', () => {
    expect(formatInstant(new Date('2024-02-29T17:59:59Z'), ALMATY)).toBe('2024-02-29T23:59:59+06:00');
    expect(formatInstant(new Date('2024-02-29T18:00:00Z'), ALMATY)).toBe('2024-02-29T23:00:00+05:00');
    expect(formatInstant(new Date('2024-02-29T18:30:00Z'), ALMATY)).toBe('2024-02-29T23:30:00+05:00');
    expect(formatInstant(new Date('2024-02-29T19:00:00Z'), ALMATY)).toBe('2024-03-01T00:00:00+05:00');
    expect(formatInstant(startOfLocalDay('2024-02-29', ALMATY), ALMATY)).toBe('2024-02-29T00:00:00+06:00');
    expect(formatStartOfLocalDay(toDayNumber('2024-03-01'), ALMATY)).toBe('2024-03-01T00:00:00+05:00');
    expect(formatInstant(new Date('2025-03-19T19:00:00Z'), ALMATY)).toBe('2025-03-20T00:00:00+05:00');
  });

  it('puts both 23:30s of 29 February on 29 February', () => {
    // 23:30 +06:00 (the first time round) and 23:30 +05:00 (the hour repeated after the change)
    for (const iso of ['2024-02-29T23:30:00+06:00', '2024-02-29T23:30:00+05:00']) {
      const t = localTimeOf(new Date(iso), ALMATY);
      expect(t).toEqual({ date: '2024-02-29', hour: 23, minute: 30, second: 0 });
    }
    // With tz data older than 2024a the second instant would read 2024-03-01 00:30 +06:00.
    expect(localDateOf(new Date('2024-03-01T00:30:00+06:00'), ALMATY)).toBe('2024-02-29');
    expect(localDateOf(new Date('2024-03-01T00:00:00+05:00'), ALMATY)).toBe('2024-03-01');
    expect(utcOffsetMinutes(new Date('2024-02-29T17:00:00Z'), ALMATY)).toBe(360);
    expect(utcOffsetMinutes(new Date('2024-02-29T18:00:00Z'), ALMATY)).toBe(300);
  });

  it('resolves local wall times to the earlier instant in the repeated hour', () => {
    expect(instantOfLocal('2024-02-29', 23, 30, ALMATY).toISOString()).toBe('2024-02-29T17:30:00.000Z');
    expect(instantOfLocal('2025-03-26', 11, 0, ALMATY).toISOString()).toBe('2025-03-26T06:00:00.000Z');
  });
});

describe('other zones', () => {
  it('starts a day at the transition when midnight does not exist (America/Santiago)', () => {
    const start = startOfLocalDay('2024-09-08', 'America/Santiago');
    expect(start.toISOString()).toBe('2024-09-08T04:00:00.000Z');
    expect(formatInstant(start, 'America/Santiago')).toBe('2024-09-08T01:00:00-03:00');
    expect(localDateOf(new Date(start.getTime() - 1), 'America/Santiago')).toBe('2024-09-07');
  });

  it('handles DST and odd offsets', () => {
    expect(formatInstant(new Date('2025-07-01T12:00:00Z'), 'America/New_York')).toBe(
      '2025-07-01T08:00:00-04:00',
    );
    expect(formatInstant(new Date('2025-01-01T12:00:00Z'), 'America/New_York')).toBe(
      '2025-01-01T07:00:00-05:00',
    );
    expect(formatInstant(new Date('2025-01-01T00:00:00Z'), 'Asia/Kathmandu')).toBe(
      '2025-01-01T05:45:00+05:45',
    );
    expect(formatInstant(new Date('2025-01-01T00:00:00.123Z'), 'UTC')).toBe('2025-01-01T00:00:00.123+00:00');
    expect(startOfLocalDay('2025-03-09', 'America/New_York').toISOString()).toBe('2025-03-09T05:00:00.000Z');
    expect(startOfLocalDay('2025-11-02', 'America/New_York').toISOString()).toBe('2025-11-02T04:00:00.000Z');
  });

  it('property: cached offsets equal Intl for any instant 1990-2035 in many zones', () => {
    const zones = [
      ALMATY,
      'Asia/Qostanay',
      'Asia/Aqtobe',
      'America/New_York',
      'Europe/London',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'America/St_Johns',
      'Pacific/Chatham',
      'America/Santiago',
      'UTC',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2035, 0, 1) }),
        (zone, ms) => {
          expect(utcOffsetMsAt(ms, zone) / 60_000).toBe(referenceOffsetMinutes(ms, zone));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('property: a local day starts at local 00:00 (or the first moment after) and contains its instants', () => {
    const zones = [ALMATY, 'America/New_York', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kolkata'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) }),
        (zone, ms) => {
          const date = localDateOf(new Date(ms), zone);
          const start = startOfLocalDay(date, zone).getTime();
          expect(start).toBeLessThanOrEqual(ms);
          expect(localDateOf(new Date(start), zone)).toBe(date);
          expect(localDateOf(new Date(start - 1), zone) < date).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('rejects unknown zones and invalid instants', () => {
    expect(isValidTimeZone(ALMATY)).toBe(true);
    expect(isValidTimeZone('Asia/Nowhere')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(() => localDateOf(new Date(), 'Mars/Olympus')).toThrow(InvalidTimeZoneError);
    expect(() => localDateOf(new Date('nope'), ALMATY)).toThrow(InvalidInstantError);
  });
});

describe('assertTimeZoneData', () => {
  it('accepts this runtime (tz >= 2024a, Almaty +05:00 on 2024-03-01)', () => {
    expect(() => assertTimeZoneData()).not.toThrow();
  });

  it('refuses older or unknown tz data with a clear message', () => {
    expect(() => assertTimeZoneData('2023c')).toThrow(/2023c is older than 2024a/);
    expect(() => assertTimeZoneData(null)).toThrow(/older than 2024a/);
    expect(() => assertTimeZoneData('garbage')).toThrow(/older than 2024a/);
    expect(() => assertTimeZoneData('2024a')).not.toThrow();
  });
});

describe('instants from another realm', () => {
  it('accepts a Date made in another V8 context', () => {
    const foreign = runInNewContext('new Date("2025-03-14T05:00:00Z")') as Date;
    expect(foreign instanceof Date).toBe(false);
    expect(localDateOf(foreign, ALMATY)).toBe('2025-03-14');
    expect(() => localDateOf({ getTime: () => 0 } as unknown as Date, ALMATY)).toThrow(InvalidInstantError);
  });
});
