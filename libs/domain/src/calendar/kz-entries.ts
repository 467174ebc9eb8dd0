import { CalendarEntry, DecreeEntry, HolidayCategory, LocalizedText, RecurringHolidayEntry } from './entries';

/**
 * Kazakhstan's days off as data (RULES.md, "Calendar"): the holidays of the Law "On holidays"
 * (No. 267-II of 13 Dec 2001), the religious days off of Labour Code art. 84, and the Government's
 * transfer decrees (Labour Code art. 85(3)), checked against the tables of RULES.md and Part B of
 * kazakhstan-law-notes.md for 2020-2027. Decrees for 2026 and 2027 are to be entered when published.
 */

const HOLIDAYS_LAW = 'Law of the RK "On holidays" No. 267-II (adilet Z010000267_)';
const LABOUR_CODE_84 = 'Labour Code of the RK, art. 84 (religious day off, not moved)';

function recurring(
  id: string,
  month: number,
  day: number,
  names: LocalizedText,
  category: HolidayCategory,
  validity: { fromYear?: number; toYear?: number; source?: string } = {},
): RecurringHolidayEntry {
  return {
    id,
    kind: 'recurring_holiday',
    month,
    day,
    names,
    category,
    movesWhenOnWeekend: category !== 'religious',
    ...(validity.fromYear !== undefined ? { fromYear: validity.fromYear } : {}),
    ...(validity.toYear !== undefined ? { toYear: validity.toYear } : {}),
    source: validity.source ?? (category === 'religious' ? LABOUR_CODE_84 : HOLIDAYS_LAW),
  };
}

const NEW_YEAR = { kk: 'Жаңа жыл', ru: 'Новый год', en: 'New Year' };
const NAURYZ = { kk: 'Наурыз мейрамы', ru: 'Наурыз мейрамы', en: 'Nauryz' };
const CONSTITUTION_DAY = { kk: 'Конституция күні', ru: 'День Конституции', en: 'Constitution Day' };
const REPUBLIC_DAY = { kk: 'Республика күні', ru: 'День Республики', en: 'Republic Day' };
const INDEPENDENCE_DAY = { kk: 'Тәуелсіздік күні', ru: 'День Независимости', en: 'Independence Day' };
const KURBAN_AIT = { kk: 'Құрбан айт', ru: 'Курбан айт', en: 'Kurban Ait' };

const HOLIDAYS: CalendarEntry[] = [
  recurring('new-year-1', 1, 1, NEW_YEAR, 'state'),
  recurring('new-year-2', 1, 2, NEW_YEAR, 'state'),
  recurring(
    'orthodox-christmas',
    1,
    7,
    { kk: 'Православиелік Рождество', ru: 'Православное Рождество', en: 'Orthodox Christmas' },
    'religious',
    { fromYear: 2006 },
  ),
  recurring(
    'womens-day',
    3,
    8,
    { kk: 'Халықаралық әйелдер күні', ru: 'Международный женский день', en: "International Women's Day" },
    'state',
  ),
  recurring('constitution-day-2027', 3, 15, CONSTITUTION_DAY, 'national', {
    fromYear: 2027,
    source: `${HOLIDAYS_LAW}, as amended in 2026 (Constitution Day moved from 30 August to 15 March from 2027)`,
  }),
  recurring('nauryz-21', 3, 21, NAURYZ, 'state', { fromYear: 2010 }),
  recurring('nauryz-22', 3, 22, NAURYZ, 'state', { fromYear: 2002 }),
  recurring('nauryz-23', 3, 23, NAURYZ, 'state', { fromYear: 2010 }),
  recurring(
    'unity-day',
    5,
    1,
    {
      kk: 'Қазақстан халқының бірлігі мерекесі',
      ru: 'Праздник единства народа Казахстана',
      en: 'Unity Day of the People of Kazakhstan',
    },
    'state',
  ),
  recurring(
    'defender-day',
    5,
    7,
    { kk: 'Отан қорғаушы күні', ru: 'День защитника Отечества', en: 'Defender of the Fatherland Day' },
    'state',
    { fromYear: 2013 },
  ),
  recurring('victory-day', 5, 9, { kk: 'Жеңіс күні', ru: 'День Победы', en: 'Victory Day' }, 'state'),
  recurring('capital-day', 7, 6, { kk: 'Астана күні', ru: 'День Столицы', en: 'Capital Day' }, 'state', {
    fromYear: 2009,
  }),
  recurring('constitution-day-1996', 8, 30, CONSTITUTION_DAY, 'national', {
    fromYear: 1996,
    toYear: 2025,
    source: `${HOLIDAYS_LAW}; from 2027 on 15 March, no Constitution Day off in 2026`,
  }),
  recurring('republic-day-1994', 10, 25, REPUBLIC_DAY, 'national', { fromYear: 1994, toYear: 2008 }),
  recurring('republic-day-2022', 10, 25, REPUBLIC_DAY, 'national', {
    fromYear: 2022,
    source: `${HOLIDAYS_LAW}, as amended in 2022 (Republic Day restored)`,
  }),
  recurring(
    'first-president-day',
    12,
    1,
    {
      kk: 'Қазақстан Республикасының Тұңғыш Президенті күні',
      ru: 'День Первого Президента Республики Казахстан',
      en: 'First President Day',
    },
    'national',
    { fromYear: 2012, toYear: 2021, source: `${HOLIDAYS_LAW}; abolished from 2022` },
  ),
  recurring('independence-day-16', 12, 16, INDEPENDENCE_DAY, 'national'),
  recurring('independence-day-17', 12, 17, INDEPENDENCE_DAY, 'national', {
    fromYear: 2002,
    toYear: 2021,
    source: `${HOLIDAYS_LAW}; from 2022 only 16 December`,
  }),
];

const KURBAN_AIT_DATES: [string, string][] = [
  ['2020-07-31', 'announced by the Spiritual Administration of Muslims of Kazakhstan (SAMK)'],
  ['2021-07-20', 'announced by SAMK'],
  ['2022-07-09', 'announced by SAMK'],
  ['2023-06-28', 'announced by SAMK'],
  ['2024-06-16', 'announced by SAMK'],
  ['2025-06-06', 'announced by SAMK'],
  ['2026-05-27', 'EXPECTED (estimate); replace with the SAMK announcement'],
  ['2027-05-16', 'EXPECTED (estimate); replace with the SAMK announcement'],
];

const KURBAN_AIT_ENTRIES: CalendarEntry[] = KURBAN_AIT_DATES.map(([date, source]) => ({
  id: `kurban-ait-${date.slice(0, 4)}`,
  kind: 'dated_holiday',
  date,
  names: KURBAN_AIT,
  category: 'religious',
  movesWhenOnWeekend: false,
  ...(source.startsWith('EXPECTED') ? { expected: true } : {}),
  source: `First day of Kurban Ait, ${source}; ${LABOUR_CODE_84}`,
}));

/** A decree that moves a day off from `workingDay` (which is worked) to `dayOff`. */
function swap(id: string, sourceRef: string, dayOff: string, workingDay: string): DecreeEntry {
  return {
    id,
    kind: 'decree',
    sourceRef,
    dayOff,
    workingDay,
    names: {
      kk: `${workingDay} күнінен ауыстырылған демалыс күні (Үкімет қаулысы ${sourceRef})`,
      ru: `Выходной день, перенесённый с ${workingDay} (постановление Правительства ${sourceRef})`,
      en: `Day off transferred from ${workingDay} (decree ${sourceRef})`,
    },
    workingDayNames: {
      kk: `Жұмыс күні, демалыс ${dayOff} күніне ауыстырылды (Үкімет қаулысы ${sourceRef})`,
      ru: `Рабочий день, выходной перенесён на ${dayOff} (постановление Правительства ${sourceRef})`,
      en: `Working day, day off transferred to ${dayOff} (decree ${sourceRef})`,
    },
    source: `Government decree ${sourceRef} (adilet.zan.kz), Labour Code art. 85(3)`,
  };
}

const DECREES: CalendarEntry[] = [
  swap('decree-P1900000820-jan', 'P1900000820', '2020-01-03', '2020-01-05'),
  // Victory Day 2020 (Saturday 9 May): the day off that the weekend rule puts on Monday 11 May was
  // moved by the same decree to Friday 8 May, so 11 May 2020 is a working day.
  swap('decree-P1900000820-may', 'P1900000820', '2020-05-08', '2020-05-11'),
  swap('decree-P1900000820-dec', 'P1900000820', '2020-12-18', '2020-12-20'),
  swap('decree-P2000000930-jul', 'P2000000930', '2021-07-05', '2021-07-03'),
  swap('decree-P2200000796-mar', 'P2200000796', '2022-03-07', '2022-03-05'),
  swap('decree-P2200000796-aug', 'P2200000796', '2022-08-29', '2022-08-27'),
  swap('decree-P2200000796-oct', 'P2200000796', '2022-10-24', '2022-10-22'),
  swap('decree-P2300000326-jul', 'P2300000326', '2023-07-07', '2023-07-01'),
  swap('decree-G24G0000109-may', 'G24G0000109', '2024-05-08', '2024-05-04'),
  swap('decree-G24G0000436-jan', 'G24G0000436', '2025-01-03', '2025-01-05'),
];

/** Kazakhstan's calendar entries, complete for 2020-2027 (2026-27 Kurban Ait dates expected). */
export const KZ_CALENDAR_ENTRIES: CalendarEntry[] = Object.freeze([
  ...HOLIDAYS,
  ...KURBAN_AIT_ENTRIES,
  ...DECREES,
]) as CalendarEntry[];
