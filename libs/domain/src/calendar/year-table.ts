import {
  DayNumber,
  daysFromCivil,
  daysInMonth,
  fromDayNumber,
  isWeekendDayNumber,
  toDayNumber,
  yearOfDayNumber,
} from '../time/local-date';
import { CalendarEntry, isRetired } from './entries';

/** The entries reduced to what the computation needs (a snapshot: later edits do not leak in). */
export interface CompiledRules {
  recurring: { month: number; day: number; fromYear: number; toYear: number; moves: boolean; name: string }[];
  dated: Map<number, { day: DayNumber; moves: boolean; name: string }[]>; // by year
  decreeDaysOff: Map<DayNumber, string>;
  decreeWorkingDays: Map<DayNumber, string>;
}

export function compileRules(entries: readonly CalendarEntry[]): CompiledRules {
  const rules: CompiledRules = {
    recurring: [],
    dated: new Map(),
    decreeDaysOff: new Map(),
    decreeWorkingDays: new Map(),
  };
  for (const e of entries) {
    if (isRetired(e)) continue;
    switch (e.kind) {
      case 'recurring_holiday':
        rules.recurring.push({
          month: e.month,
          day: e.day,
          fromYear: e.fromYear ?? 1,
          toYear: e.toYear ?? 9999,
          moves: e.movesWhenOnWeekend,
          name: e.names.en,
        });
        break;
      case 'dated_holiday': {
        const day = toDayNumber(e.date);
        const year = yearOfDayNumber(day);
        const list = rules.dated.get(year) ?? [];
        list.push({ day, moves: e.movesWhenOnWeekend, name: e.names.en });
        rules.dated.set(year, list);
        break;
      }
      case 'decree':
        if (e.dayOff !== undefined) rules.decreeDaysOff.set(toDayNumber(e.dayOff), e.names.en);
        if (e.workingDay !== undefined)
          rules.decreeWorkingDays.set(
            toDayNumber(e.workingDay),
            e.workingDayNames?.en ?? `Working day (decree ${e.sourceRef})`,
          );
        break;
    }
  }
  return rules;
}

interface Holiday {
  day: DayNumber;
  moves: boolean;
  name: string;
}

function holidaysOf(rules: CompiledRules, year: number): Holiday[] {
  const out: Holiday[] = [];
  for (const r of rules.recurring) {
    if (year < r.fromYear || year > r.toYear || r.day > daysInMonth(year, r.month)) continue;
    out.push({ day: daysFromCivil(year, r.month, r.day), moves: r.moves, name: r.name });
  }
  const dated = rules.dated.get(year);
  if (dated) out.push(...dated);
  return out;
}

export interface DayReason {
  date: string;
  reason: string;
}

/** One year, precomputed: O(1) answers for membership, rank and the n-th working day. */
export interface YearTable {
  readonly year: number;
  /** Day number of 1 January. */
  readonly first: DayNumber;
  /** Day number of 1 January of the next year. */
  readonly end: DayNumber;
  /** 1 when the day (index from 1 January) is a working day. */
  readonly working: Uint8Array;
  /** rank[i] = working days among the first i days of the year (length days + 1). */
  readonly rank: Int32Array;
  /** The working days of the year, in order. */
  readonly list: Int32Array;
  readonly nonWorkingDays: readonly DayReason[];
  readonly workingWeekendDays: readonly DayReason[];
}

function addReason(map: Map<DayNumber, string[]>, day: DayNumber, reason: string): void {
  const list = map.get(day);
  if (list) {
    if (!list.includes(reason)) list.push(reason);
  } else map.set(day, [reason]);
}

/**
 * Builds a year: holidays valid that year; each moving holiday on a Saturday or Sunday gives a day
 * off on the next weekday that is neither a holiday nor already given to an earlier transfer
 * (holidays of the previous year are processed too, in case one spills over); religious days never
 * move; then the decrees override both ways.
 */
export function buildYearTable(rules: CompiledRules, year: number): YearTable {
  const first = daysFromCivil(year, 1, 1);
  const end = daysFromCivil(year + 1, 1, 1);
  const length = end - first;

  const previous = year > 1 ? holidaysOf(rules, year - 1) : [];
  const current = holidaysOf(rules, year);
  const following = year < 9999 ? holidaysOf(rules, year + 1) : [];
  const holidayDays = new Set<DayNumber>();
  for (const h of previous) holidayDays.add(h.day);
  for (const h of current) holidayDays.add(h.day);
  for (const h of following) holidayDays.add(h.day);

  const off = new Map<DayNumber, string[]>();
  for (const h of current) addReason(off, h.day, h.name);

  const movers = [...previous, ...current].filter((h) => h.moves && isWeekendDayNumber(h.day));
  movers.sort((a, b) => a.day - b.day);
  const taken = new Set<DayNumber>();
  for (const h of movers) {
    let d = h.day + 1;
    while (isWeekendDayNumber(d) || holidayDays.has(d) || taken.has(d)) d++;
    taken.add(d);
    if (d >= first && d < end) addReason(off, d, `${h.name} (moved from ${fromDayNumber(h.day)})`);
  }

  const forcedWorking = new Map<DayNumber, string>();
  for (const [day, reason] of rules.decreeDaysOff) if (day >= first && day < end) addReason(off, day, reason);
  for (const [day, reason] of rules.decreeWorkingDays)
    if (day >= first && day < end) forcedWorking.set(day, reason);

  const working = new Uint8Array(length);
  const rank = new Int32Array(length + 1);
  let count = 0;
  for (let i = 0; i < length; i++) {
    const d = first + i;
    const isWorking = forcedWorking.has(d) || (!isWeekendDayNumber(d) && !off.has(d));
    working[i] = isWorking ? 1 : 0;
    rank[i] = count;
    if (isWorking) count++;
  }
  rank[length] = count;
  const list = new Int32Array(count);
  for (let i = 0, k = 0; i < length; i++) if (working[i] === 1) list[k++] = first + i;

  const nonWorkingDays: DayReason[] = [];
  const workingWeekendDays: DayReason[] = [];
  for (let i = 0; i < length; i++) {
    const d = first + i;
    const reasons = off.get(d);
    if (working[i] === 0 && reasons) {
      nonWorkingDays.push(Object.freeze({ date: fromDayNumber(d), reason: reasons.join('; ') }));
    }
    const forced = forcedWorking.get(d);
    if (forced !== undefined && isWeekendDayNumber(d)) {
      workingWeekendDays.push(Object.freeze({ date: fromDayNumber(d), reason: forced }));
    }
  }

  return {
    year,
    first,
    end,
    working,
    rank,
    list,
    nonWorkingDays: Object.freeze(nonWorkingDays),
    workingWeekendDays: Object.freeze(workingWeekendDays),
  };
}
