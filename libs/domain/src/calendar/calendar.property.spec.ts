import fc from 'fast-check';
import { daysFromCivil, fromDayNumber, isWeekendDayNumber, toDayNumber } from '../time/local-date';
import { KZ_CALENDAR_ENTRIES } from './kz-entries';
import { WorkingDayCalendar } from './working-day-calendar';

const cal = WorkingDayCalendar.fromEntries(KZ_CALENDAR_ENTRIES);
const FIRST = daysFromCivil(2020, 1, 1);
const LAST = daysFromCivil(2027, 12, 31);
const anyDay = fc.integer({ min: FIRST, max: LAST });

/** The n-th working day after d, by walking one day at a time. */
function naiveAdd(d: number, n: number): number {
  let day = d;
  for (let k = 0; k < n;) if (cal.isWorkingDayNumber(++day)) k++;
  return day;
}

describe('WorkingDayCalendar properties, 2020-2027', () => {
  it('subtract undoes add from a working day, and add undoes subtract', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 40 }), (d, n) => {
        const date = fromDayNumber(d);
        if (cal.isWorkingDay(date)) {
          expect(cal.subtractWorkingDays(cal.addWorkingDays(date, n), n)).toBe(date);
          expect(cal.addWorkingDays(cal.subtractWorkingDays(date, n), n)).toBe(date);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('addWorkingDays agrees with walking day by day, and lands on working days', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 30 }), (d, n) => {
        const r = cal.addWorkingDayNumbers(d, n);
        expect(r).toBe(naiveAdd(d, n));
        expect(cal.isWorkingDayNumber(r)).toBe(true);
        expect(cal.workingDaysBetweenNumbers(d, r)).toBe(n);
        const back = cal.subtractWorkingDayNumbers(d, n);
        expect(back).toBeLessThan(d);
        expect(cal.isWorkingDayNumber(back)).toBe(true);
        expect(cal.workingDaysBetweenNumbers(back, d - 1)).toBe(n - 1); // back itself not counted
      }),
      { numRuns: 1000 },
    );
  });

  it('nextWorkingDay is the first working day on or after the date', () => {
    fc.assert(
      fc.property(anyDay, (d) => {
        const next = cal.nextWorkingDayNumber(d);
        expect(next).toBeGreaterThanOrEqual(d);
        expect(cal.isWorkingDayNumber(next)).toBe(true);
        for (let x = d; x < next; x++) expect(cal.isWorkingDayNumber(x)).toBe(false);
      }),
    );
  });

  it('yearView lists no working day as non-working and describes the whole year', () => {
    for (let year = 2020; year <= 2027; year++) {
      const view = cal.yearView(year);
      const off = new Set(view.nonWorkingDays.map((d) => d.date));
      const working = new Set(view.workingWeekendDays.map((d) => d.date));
      for (const d of view.nonWorkingDays) {
        expect(cal.isWorkingDay(d.date)).toBe(false);
        expect(d.reason).not.toBe('');
      }
      for (const d of view.workingWeekendDays) {
        expect(cal.isWorkingDay(d.date)).toBe(true);
        expect(isWeekendDayNumber(toDayNumber(d.date))).toBe(true);
      }
      const dates = view.nonWorkingDays.map((d) => d.date);
      expect([...dates].sort()).toEqual(dates);
      for (let n = daysFromCivil(year, 1, 1); n < daysFromCivil(year + 1, 1, 1); n++) {
        const date = fromDayNumber(n);
        const expected = working.has(date) || (!isWeekendDayNumber(n) && !off.has(date));
        expect(cal.isWorkingDayNumber(n)).toBe(expected);
      }
    }
  });
});
