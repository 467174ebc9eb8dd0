import { CalendarEntryError, CalendarRangeError, InvalidLocalDateError } from '../errors';
import { addDays, dayOfWeek } from '../time/local-date';
import { CalendarEntry, validateCalendarEntries } from './entries';
import { KZ_CALENDAR_ENTRIES } from './kz-entries';
import { WorkingDayCalendar } from './working-day-calendar';

const cal = WorkingDayCalendar.fromEntries(KZ_CALENDAR_ENTRIES);

/** Every date of a year. */
function daysOf(year: number): string[] {
  const out: string[] = [];
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) out.push(d);
  return out;
}

/** Checks a whole year against the days off and working weekend days it should have. */
function expectYear(year: number, daysOff: string[], workingWeekendDays: string[]): void {
  const off = new Set(daysOff);
  const working = new Set(workingWeekendDays);
  for (const d of daysOf(year)) {
    const weekend = dayOfWeek(d) === 0 || dayOfWeek(d) === 6;
    const expected = working.has(d) || (!weekend && !off.has(d));
    if (cal.isWorkingDay(d) !== expected)
      throw new Error(`${d}: expected ${expected ? 'working' : 'day off'}`);
  }
  const view = cal.yearView(year);
  expect(view.year).toBe(year);
  expect(view.nonWorkingDays.map((x) => x.date)).toEqual([...daysOff].sort());
  expect(view.workingWeekendDays.map((x) => x.date)).toEqual([...workingWeekendDays].sort());
}

describe('KZ calendar 2024 (every day of the year)', () => {
  it('has exactly these days off and working weekend days', () => {
    expectYear(
      2024,
      [
        '2024-01-01', // New Year, Mon
        '2024-01-02', // New Year, Tue
        '2024-01-07', // Orthodox Christmas, Sun: not moved
        '2024-03-08', // Women's Day, Fri
        '2024-03-21', // Nauryz, Thu
        '2024-03-22', // Nauryz, Fri
        '2024-03-23', // Nauryz, Sat
        '2024-03-25', // Nauryz moved from Sat 23 Mar
        '2024-05-01', // Unity Day, Wed
        '2024-05-07', // Defender of the Fatherland Day, Tue
        '2024-05-08', // decree G24G0000109: day off from Sat 4 May
        '2024-05-09', // Victory Day, Thu
        '2024-06-16', // Kurban Ait, Sun: not moved
        '2024-07-06', // Capital Day, Sat
        '2024-07-08', // Capital Day moved
        '2024-08-30', // Constitution Day, Fri
        '2024-10-25', // Republic Day, Fri
        '2024-12-16', // Independence Day, Mon
      ],
      ['2024-05-04'],
    );
    // 262 weekdays - 14 weekday days off + 1 working Saturday
    expect(cal.workingDaysBetween('2023-12-31', '2024-12-31')).toBe(249);
  });

  it('swaps 4 and 8 May 2024 by decree', () => {
    expect(cal.isWorkingDay('2024-05-04')).toBe(true);
    expect(cal.isWorkingDay('2024-05-08')).toBe(false);
    expect(cal.yearView(2024).workingWeekendDays).toEqual([
      { date: '2024-05-04', reason: 'Working day, day off transferred to 2024-05-08 (decree G24G0000109)' },
    ]);
  });

  it('never moves Kurban Ait: 16 June 2024 is a Sunday and 17 June a working day', () => {
    expect(dayOfWeek('2024-06-16')).toBe(0);
    expect(cal.isWorkingDay('2024-06-17')).toBe(true);
  });
});

describe('KZ calendar 2025 (every day of the year)', () => {
  it('has exactly these days off and working weekend days', () => {
    expectYear(
      2025,
      [
        '2025-01-01',
        '2025-01-02',
        '2025-01-03', // decree G24G0000436: day off from Sun 5 Jan
        '2025-01-07',
        '2025-03-08', // Sat
        '2025-03-10', // Women's Day moved
        '2025-03-21', // Nauryz Fri
        '2025-03-22', // Sat
        '2025-03-23', // Sun
        '2025-03-24', // moved from 22
        '2025-03-25', // moved from 23
        '2025-05-01',
        '2025-05-07',
        '2025-05-09',
        '2025-06-06', // Kurban Ait, Fri
        '2025-07-06', // Capital Day, Sun
        '2025-07-07', // moved
        '2025-08-30', // Constitution Day (last year on 30 Aug), Sat
        '2025-09-01', // moved
        '2025-10-25', // Republic Day, Sat
        '2025-10-27', // moved
        '2025-12-16',
      ],
      ['2025-01-05'],
    );
    // 261 weekdays - 16 weekday days off + 1 working Sunday
    expect(cal.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(246);
  });

  it('moves each Nauryz day off a weekend to the next free working day', () => {
    const view = cal.yearView(2025);
    const march = view.nonWorkingDays.filter((d) => d.date >= '2025-03-20' && d.date <= '2025-03-26');
    expect(march).toEqual([
      { date: '2025-03-21', reason: 'Nauryz' },
      { date: '2025-03-22', reason: 'Nauryz' },
      { date: '2025-03-23', reason: 'Nauryz' },
      { date: '2025-03-24', reason: 'Nauryz (moved from 2025-03-22)' },
      { date: '2025-03-25', reason: 'Nauryz (moved from 2025-03-23)' },
    ]);
    expect(cal.isWorkingDay('2025-03-26')).toBe(true);
  });

  it('treats 10 March 2025 as the transferred 8 March', () => {
    expect(cal.isWorkingDay('2025-03-10')).toBe(false);
    expect(cal.yearView(2025).nonWorkingDays).toContainEqual({
      date: '2025-03-10',
      reason: "International Women's Day (moved from 2025-03-08)",
    });
  });
});

describe('KZ calendar, other years', () => {
  it('2020: Victory Day on Saturday 9 May gives Friday 8 May off by decree, and Monday 11 May is worked', () => {
    expect(cal.isWorkingDay('2020-05-08')).toBe(false);
    expect(cal.isWorkingDay('2020-05-11')).toBe(true);
    expect(cal.isWorkingDay('2020-01-03')).toBe(false);
    expect(cal.isWorkingDay('2020-01-05')).toBe(true);
    expect(cal.isWorkingDay('2020-12-18')).toBe(false);
    expect(cal.isWorkingDay('2020-12-20')).toBe(true);
    expect(cal.isWorkingDay('2020-12-01')).toBe(false); // First President Day
    expect(cal.isWorkingDay('2020-12-17')).toBe(false);
    // Nauryz 2020: Sat 21, Sun 22, Mon 23 -> days off 21 to 25 March
    for (const d of ['2020-03-23', '2020-03-24', '2020-03-25']) expect(cal.isWorkingDay(d)).toBe(false);
    expect(cal.isWorkingDay('2020-03-26')).toBe(true);
    expect(cal.isWorkingDay('2020-08-31')).toBe(false); // Constitution Day moved from Sunday
  });

  it('2021: swap of 3 and 5 July; 1, 16 and 17 December off', () => {
    expect(cal.isWorkingDay('2021-07-03')).toBe(true);
    expect(cal.isWorkingDay('2021-07-05')).toBe(false);
    for (const d of ['2021-12-01', '2021-12-16', '2021-12-17']) expect(cal.isWorkingDay(d)).toBe(false);
    expect(cal.isWorkingDay('2021-01-04')).toBe(false); // New Year 2 Jan, Saturday
    expect(cal.isWorkingDay('2021-05-10')).toBe(false); // Victory Day, Sunday
  });

  it('2022: Republic Day restored, First President Day and 17 December dropped, three decree swaps', () => {
    expect(cal.isWorkingDay('2022-10-25')).toBe(false);
    expect(cal.isWorkingDay('2022-12-01')).toBe(true);
    expect(cal.isWorkingDay('2022-12-16')).toBe(false);
    for (const [off, worked] of [
      ['2022-03-07', '2022-03-05'],
      ['2022-08-29', '2022-08-27'],
      ['2022-10-24', '2022-10-22'],
    ]) {
      expect(cal.isWorkingDay(off)).toBe(false);
      expect(cal.isWorkingDay(worked)).toBe(true);
    }
    // Defender's Day on Saturday 7 May: Monday 9 May is Victory Day, so Tuesday 10 May is off.
    expect(cal.isWorkingDay('2022-05-10')).toBe(false);
    expect(cal.isWorkingDay('2022-05-11')).toBe(true);
    // Kurban Ait on Saturday 9 July is not moved.
    expect(cal.isWorkingDay('2022-07-11')).toBe(true);
    expect(cal.yearView(2022).workingWeekendDays.map((d) => d.date)).toEqual([
      '2022-03-05',
      '2022-08-27',
      '2022-10-22',
    ]);
  });

  it('2023: 7 January on a Saturday is not moved; 7 July off for 1 July', () => {
    expect(dayOfWeek('2023-01-07')).toBe(6);
    expect(cal.isWorkingDay('2023-01-09')).toBe(true);
    expect(cal.isWorkingDay('2023-01-03')).toBe(false); // New Year 1 Jan on Sunday, 2 Jan taken
    expect(cal.isWorkingDay('2023-07-07')).toBe(false);
    expect(cal.isWorkingDay('2023-07-01')).toBe(true);
    expect(cal.isWorkingDay('2023-12-18')).toBe(false);
  });

  it('2026: Victory Day on Saturday moves to Monday 11 May; no Constitution Day on 30 August', () => {
    expect(cal.isWorkingDay('2026-05-11')).toBe(false);
    expect(cal.yearView(2026).nonWorkingDays).toContainEqual({
      date: '2026-05-11',
      reason: 'Victory Day (moved from 2026-05-09)',
    });
    expect(cal.isWorkingDay('2026-05-07')).toBe(false);
    expect(cal.isWorkingDay('2026-05-01')).toBe(false);
    expect(cal.isWorkingDay('2026-08-31')).toBe(true);
    expect(cal.yearView(2026).nonWorkingDays.some((d) => d.date === '2026-08-30')).toBe(false);
    expect(cal.isWorkingDay('2026-05-27')).toBe(false); // Kurban Ait (expected date)
    expect(cal.isWorkingDay('2026-10-26')).toBe(false); // Republic Day on Sunday
    expect(cal.yearView(2026).workingWeekendDays).toEqual([]);
  });

  it('2027: Constitution Day on 15 March', () => {
    expect(cal.isWorkingDay('2027-03-15')).toBe(false);
    expect(cal.isWorkingDay('2027-08-30')).toBe(true);
    expect(cal.isWorkingDay('2027-01-04')).toBe(false);
    expect(cal.isWorkingDay('2027-05-17')).toBe(true); // Kurban Ait on Sunday 16 May, not moved
  });

  it('keeps applying open-ended recurring holidays outside the years of the entries', () => {
    expect(cal.isWorkingDay('2030-01-01')).toBe(false);
    expect(cal.isWorkingDay('2030-12-16')).toBe(false);
    expect(cal.isWorkingDay('2030-03-15')).toBe(false);
    expect(cal.isWorkingDay('2035-06-06')).toBe(true);
    expect(cal.yearView(2030).nonWorkingDays.length).toBeGreaterThan(10);
  });
});

describe('WorkingDayCalendar counting', () => {
  it('counts forward and back, the starting day never counted', () => {
    expect(cal.addWorkingDays('2025-03-14', 3)).toBe('2025-03-19');
    expect(cal.subtractWorkingDays('2025-03-26', 5)).toBe('2025-03-14');
    expect(cal.subtractWorkingDays('2025-03-26', 10)).toBe('2025-03-06');
    expect(cal.addWorkingDays('2025-03-22', 1)).toBe('2025-03-26'); // from a day off
    expect(cal.addWorkingDays('2025-03-14', 0)).toBe('2025-03-14');
    expect(cal.addWorkingDays('2025-03-19', -3)).toBe('2025-03-14');
    expect(cal.subtractWorkingDays('2025-01-06', 1)).toBe('2025-01-05'); // the working Sunday
    expect(cal.addWorkingDays('2024-12-27', 3)).toBe('2025-01-05'); // across the year: 30, 31 Dec, 5 Jan
    expect(cal.subtractWorkingDays('2025-01-05', 3)).toBe('2024-12-27');
    expect(cal.addWorkingDays('2025-01-01', 600)).toBe(
      cal.subtractWorkingDays(cal.addWorkingDays('2025-01-01', 1200), 600),
    );
  });

  it('finds the next working day', () => {
    expect(cal.nextWorkingDay('2025-03-21')).toBe('2025-03-26');
    expect(cal.nextWorkingDay('2025-03-26')).toBe('2025-03-26');
    expect(cal.nextWorkingDay('2024-12-31')).toBe('2024-12-31');
    expect(cal.nextWorkingDay('2025-01-01')).toBe('2025-01-05');
  });

  it('rejects bad input', () => {
    expect(() => cal.isWorkingDay('2025-02-30')).toThrow(InvalidLocalDateError);
    expect(() => cal.addWorkingDays('2025-01-01', 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('9999-12-31', 1)).toThrow(CalendarRangeError);
    expect(() => cal.yearView(10000)).toThrow(CalendarRangeError);
  });

  it('returns the same frozen year view each time', () => {
    const v = cal.yearView(2025);
    expect(cal.yearView(2025)).toBe(v);
    expect(Object.isFrozen(v.nonWorkingDays)).toBe(true);
  });
});

describe('calendar entries as data', () => {
  it('the KZ entries are valid, with stable unique ids, and mark expected Kurban Ait dates', () => {
    expect(validateCalendarEntries(KZ_CALENDAR_ENTRIES)).toEqual([]);
    const ids = KZ_CALENDAR_ENTRIES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const kurban = KZ_CALENDAR_ENTRIES.filter((e) => e.id.startsWith('kurban-ait-'));
    expect(kurban.map((e) => (e.kind === 'dated_holiday' ? e.date : ''))).toEqual([
      '2020-07-31',
      '2021-07-20',
      '2022-07-09',
      '2023-06-28',
      '2024-06-16',
      '2025-06-06',
      '2026-05-27',
      '2027-05-16',
    ]);
    for (const e of kurban) {
      const expected = e.id === 'kurban-ait-2026' || e.id === 'kurban-ait-2027';
      expect(e.source).toMatch(expected ? /EXPECTED/ : /announced/);
      expect(e.kind === 'dated_holiday' && e.movesWhenOnWeekend).toBe(false);
    }
    for (const e of KZ_CALENDAR_ENTRIES) {
      if (e.kind === 'decree') expect(e.sourceRef).toMatch(/^(P\d{10}|G\d{2}G\d{7})$/);
    }
  });

  it('a retired entry takes no part in computation', () => {
    const entries: CalendarEntry[] = KZ_CALENDAR_ENTRIES.map((e) =>
      e.id === 'victory-day'
        ? { ...e, retiredAt: '2026-01-10T00:00:00Z' }
        : e.id === 'decree-G24G0000109-may'
          ? { ...e, retired: true }
          : e,
    );
    const edited = WorkingDayCalendar.fromEntries(entries);
    expect(edited.isWorkingDay('2026-05-11')).toBe(true);
    expect(edited.isWorkingDay('2025-05-09')).toBe(true);
    expect(edited.isWorkingDay('2024-05-08')).toBe(true);
    expect(edited.isWorkingDay('2024-05-04')).toBe(false);
    expect(cal.isWorkingDay('2026-05-11')).toBe(false); // the original calendar is untouched
  });

  it('lone decree days and admin-added entries', () => {
    const edited = WorkingDayCalendar.fromEntries([
      ...KZ_CALENDAR_ENTRIES,
      {
        id: 'decree-test-2026-extra',
        kind: 'decree',
        sourceRef: 'TEST-1',
        dayOff: '2026-03-26',
        names: { kk: 'Қосымша демалыс', ru: 'Дополнительный выходной', en: 'Extra day off' },
      },
      {
        id: 'decree-test-2026-saturday',
        kind: 'decree',
        sourceRef: 'TEST-2',
        workingDay: '2026-03-28',
        names: { kk: 'Жұмыс күні', ru: 'Рабочий день', en: 'Working Saturday' },
      },
    ]);
    expect(edited.isWorkingDay('2026-03-26')).toBe(false);
    expect(edited.isWorkingDay('2026-03-28')).toBe(true);
    expect(edited.yearView(2026).workingWeekendDays).toEqual([
      { date: '2026-03-28', reason: 'Working day (decree TEST-2)' },
    ]);
    expect(edited.yearView(2026).nonWorkingDays).toContainEqual({
      date: '2026-03-26',
      reason: 'Extra day off',
    });
  });

  it('reports every problem of invalid entries', () => {
    const names = { kk: 'a', ru: 'b', en: 'c' };
    const bad = [
      {
        id: 'x',
        kind: 'recurring_holiday',
        month: 2,
        day: 30,
        names,
        category: 'state',
        movesWhenOnWeekend: true,
      },
      {
        id: 'x',
        kind: 'dated_holiday',
        date: '2025-02-29',
        names,
        category: 'state',
        movesWhenOnWeekend: false,
      },
      { id: 'y', kind: 'decree', sourceRef: '', names },
      { id: 'z', kind: 'decree', sourceRef: 'R', dayOff: '2025-03-22', names },
      {
        id: 'w',
        kind: 'recurring_holiday',
        month: 1,
        day: 1,
        names: { kk: '', ru: 'b', en: 'c' },
        category: 'civic',
        movesWhenOnWeekend: 'yes',
        fromYear: 2030,
        toYear: 2020,
      },
      { kind: 'what' },
    ];
    const problems = validateCalendarEntries(bad);
    const text = problems.map((p) => `${p.id}: ${p.message}`);
    expect(text).toEqual(
      expect.arrayContaining([
        'x: day is not a day of that month',
        'x: duplicate id',
        'x: date must be YYYY-MM-DD',
        'y: sourceRef (decree number) is missing',
        'y: a decree needs dayOff or workingDay',
        'z: dayOff is already a weekend day',
        'w: names.kk is missing',
        'w: fromYear is after toYear',
        'w: category must be state, national or religious',
        'w: movesWhenOnWeekend must be true or false',
        '#5: id is missing',
      ]),
    );
    expect(() => WorkingDayCalendar.fromEntries(bad as CalendarEntry[])).toThrow(CalendarEntryError);
  });
});
