import fc from 'fast-check';
import { InvalidLocalDateError } from '../errors';
import {
  addDays,
  dayOfWeek,
  daysBetween,
  daysFromCivil,
  fromDayNumber,
  isValidLocalDate,
  localDateFromParts,
  parseLocalDate,
  toDayNumber,
  tryDayNumber,
  yearOfDayNumber,
} from './local-date';

describe('local dates', () => {
  it('maps dates to day numbers since 1970-01-01 and back', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01')).toBe(11017);
    expect(fromDayNumber(11017)).toBe('2000-03-01');
    expect(fromDayNumber(toDayNumber('0001-01-01'))).toBe('0001-01-01');
    expect(fromDayNumber(toDayNumber('9999-12-31'))).toBe('9999-12-31');
    expect(fromDayNumber(toDayNumber('1899-12-31'))).toBe('1899-12-31');
    expect(fromDayNumber(toDayNumber('2200-01-01'))).toBe('2200-01-01');
  });

  it('agrees with Date.UTC for every day from 1800 to 2400 (round trip too)', () => {
    const first = Date.UTC(1800, 0, 1) / 86_400_000;
    const last = Date.UTC(2400, 11, 31) / 86_400_000;
    for (let n = first; n <= last; n++) {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      if (fromDayNumber(n) !== iso || toDayNumber(iso) !== n) throw new Error(`mismatch at ${iso}`);
    }
  });

  it('rejects malformed and impossible dates', () => {
    for (const bad of [
      '2025-02-29',
      '2024-02-30',
      '2025-13-01',
      '2025-00-10',
      '2025-01-00',
      '2025-1-01',
      '25-01-01',
      '2025/01/01',
      '2025-01-01T00:00',
      ' 2025-01-01',
      '0000-01-01',
      'abcd-ef-gh',
      '',
      undefined,
      null,
      20250101,
    ]) {
      expect(isValidLocalDate(bad)).toBe(false);
      expect(Number.isNaN(tryDayNumber(bad))).toBe(true);
    }
    expect(isValidLocalDate('2024-02-29')).toBe(true);
    expect(isValidLocalDate('2000-02-29')).toBe(true);
    expect(isValidLocalDate('1900-02-29')).toBe(false);
    expect(() => toDayNumber('2025-02-29')).toThrow(InvalidLocalDateError);
    expect(() => addDays('nope', 1)).toThrow(InvalidLocalDateError);
  });

  it('adds days, counts days and knows weekdays without the process time zone', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(daysBetween('2025-03-14', '2025-03-26')).toBe(12);
    expect(dayOfWeek('1970-01-01')).toBe(4); // Thursday
    expect(dayOfWeek('2025-03-22')).toBe(6); // Saturday
    expect(dayOfWeek('2025-03-23')).toBe(0); // Sunday
    expect(dayOfWeek('2026-05-11')).toBe(1); // Monday
    expect(parseLocalDate('2025-03-26')).toEqual({ year: 2025, month: 3, day: 26 });
    expect(localDateFromParts(2024, 2, 29)).toBe('2024-02-29');
    expect(() => localDateFromParts(2025, 2, 29)).toThrow(InvalidLocalDateError);
  });

  it('property: weekday and year agree with Date in UTC, and addDays composes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: daysFromCivil(1, 1, 1), max: daysFromCivil(9999, 12, 31) }),
        fc.integer({ min: -5000, max: 5000 }),
        (n, k) => {
          const d = new Date(n * 86_400_000);
          expect(dayOfWeek(fromDayNumber(n))).toBe(d.getUTCDay());
          expect(yearOfDayNumber(n)).toBe(d.getUTCFullYear());
          const m = Math.min(Math.max(n + k, daysFromCivil(1, 1, 1)), daysFromCivil(9999, 12, 31));
          expect(addDays(fromDayNumber(n), m - n)).toBe(fromDayNumber(m));
        },
      ),
    );
  });
});
