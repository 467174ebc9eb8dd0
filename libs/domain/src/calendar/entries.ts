import {
  LocalDate,
  daysInMonth,
  isValidLocalDate,
  isWeekendDayNumber,
  toDayNumber,
} from '../time/local-date';

/** A name in the three languages Jiyn speaks. */
export interface LocalizedText {
  kk: string;
  ru: string;
  en: string;
}

/** state and national holidays move off a weekend; religious days off never do. */
export type HolidayCategory = 'state' | 'national' | 'religious';

interface EntryBase {
  /** Stable identifier, e.g. `nauryz-21` or `decree-G24G0000436-jan`. */
  id: string;
  names: LocalizedText;
  /** Where the rule or date comes from (law, decree, announcement); free text. */
  source?: string;
  /** A retired entry is kept for the record but takes no part in computation. */
  retired?: boolean;
  /** When the entry was retired (ISO instant); any value retires it, like `retired: true`. */
  retiredAt?: string | Date | null;
}

/** A holiday on the same month and day every year in which it is valid. */
export interface RecurringHolidayEntry extends EntryBase {
  kind: 'recurring_holiday';
  month: number;
  day: number;
  /** First year in which it is a day off (inclusive); open when absent. */
  fromYear?: number;
  /** Last year in which it is a day off (inclusive); open when absent. */
  toYear?: number;
  category: HolidayCategory;
  /** Whether a Saturday or Sunday occurrence gives a day off on the next working day. */
  movesWhenOnWeekend: boolean;
}

/** A holiday on one announced date, such as the first day of Kurban Ait. */
export interface DatedHolidayEntry extends EntryBase {
  kind: 'dated_holiday';
  date: LocalDate;
  category: HolidayCategory;
  movesWhenOnWeekend: boolean;
  /** The date is an estimate not yet officially announced (the source says so too). */
  expected?: boolean;
}

/**
 * A government decree (Labour Code art. 85(3)) that swaps a day off and a working day: `dayOff`
 * becomes a day off and `workingDay` a working day. Either may be absent for a lone extra day off
 * or a lone working day. A decree overrides the holiday rules on its dates.
 */
export interface DecreeEntry extends EntryBase {
  kind: 'decree';
  /** The decree number, e.g. `G24G0000436` (adilet.zan.kz). */
  sourceRef: string;
  dayOff?: LocalDate;
  workingDay?: LocalDate;
  /** The name of the working day (the day off uses `names`). */
  workingDayNames?: LocalizedText;
}

export type CalendarEntry = RecurringHolidayEntry | DatedHolidayEntry | DecreeEntry;

export interface CalendarEntryProblem {
  id: string;
  message: string;
}

export function isRetired(entry: CalendarEntry): boolean {
  return entry.retired === true || (entry.retiredAt !== undefined && entry.retiredAt !== null);
}

function isYear(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 9999;
}

function checkNames(names: unknown, field: string, out: string[]): void {
  const n = names as Partial<LocalizedText> | undefined;
  if (!n || typeof n !== 'object') {
    out.push(`${field} must give kk, ru and en`);
    return;
  }
  for (const lang of ['kk', 'ru', 'en'] as const) {
    if (typeof n[lang] !== 'string' || n[lang]!.trim() === '') out.push(`${field}.${lang} is missing`);
  }
}

/**
 * Checks entries as an administrator might enter them (e.g. parsed from JSON). Returns every
 * problem found; an empty list means the entries can build a calendar. Retired entries are checked
 * only for a usable id.
 */
export function validateCalendarEntries(entries: readonly unknown[]): CalendarEntryProblem[] {
  const problems: CalendarEntryProblem[] = [];
  const seen = new Set<string>();
  const decreeDates = new Map<string, { id: string; off: boolean }>();
  entries.forEach((raw, index) => {
    const e = raw as CalendarEntry;
    const id = e && typeof e.id === 'string' && e.id.trim() !== '' ? e.id : `#${index}`;
    const out: string[] = [];
    if (!e || typeof e !== 'object') {
      problems.push({ id, message: 'not an object' });
      return;
    }
    if (id === `#${index}`) out.push('id is missing');
    else if (seen.has(id)) out.push('duplicate id');
    seen.add(id);
    if (!isRetired(e)) {
      checkNames(e.names, 'names', out);
      switch (e.kind) {
        case 'recurring_holiday':
          if (!Number.isInteger(e.month) || e.month < 1 || e.month > 12) out.push('month must be 1..12');
          else if (!Number.isInteger(e.day) || e.day < 1 || e.day > daysInMonth(2000, e.month))
            out.push('day is not a day of that month');
          if (e.fromYear !== undefined && !isYear(e.fromYear)) out.push('fromYear must be a year');
          if (e.toYear !== undefined && !isYear(e.toYear)) out.push('toYear must be a year');
          if (isYear(e.fromYear) && isYear(e.toYear) && e.fromYear > e.toYear)
            out.push('fromYear is after toYear');
          checkHoliday(e, out);
          break;
        case 'dated_holiday':
          if (!isValidLocalDate(e.date)) out.push('date must be YYYY-MM-DD');
          checkHoliday(e, out);
          break;
        case 'decree':
          if (typeof e.sourceRef !== 'string' || e.sourceRef.trim() === '')
            out.push('sourceRef (decree number) is missing');
          if (e.dayOff === undefined && e.workingDay === undefined)
            out.push('a decree needs dayOff or workingDay');
          if (e.dayOff !== undefined && !isValidLocalDate(e.dayOff)) out.push('dayOff must be YYYY-MM-DD');
          if (e.workingDay !== undefined && !isValidLocalDate(e.workingDay))
            out.push('workingDay must be YYYY-MM-DD');
          if (e.dayOff !== undefined && e.dayOff === e.workingDay)
            out.push('dayOff and workingDay are the same day');
          if (isValidLocalDate(e.dayOff) && isWeekendDayNumber(toDayNumber(e.dayOff)))
            out.push('dayOff is already a weekend day');
          if (e.workingDayNames !== undefined) checkNames(e.workingDayNames, 'workingDayNames', out);
          for (const [date, off] of [
            [e.dayOff, true],
            [e.workingDay, false],
          ] as const) {
            if (!isValidLocalDate(date)) continue;
            const other = decreeDates.get(date);
            if (other && other.off !== off)
              out.push(`${date} is a day off and a working day (with ${other.id})`);
            decreeDates.set(date, { id, off });
          }
          break;
        default:
          out.push(`unknown kind ${JSON.stringify((e as { kind?: unknown }).kind)}`);
      }
    }
    for (const message of out) problems.push({ id, message });
  });
  return problems;
}

function checkHoliday(e: RecurringHolidayEntry | DatedHolidayEntry, out: string[]): void {
  if (e.category !== 'state' && e.category !== 'national' && e.category !== 'religious')
    out.push('category must be state, national or religious');
  if (typeof e.movesWhenOnWeekend !== 'boolean') out.push('movesWhenOnWeekend must be true or false');
}
