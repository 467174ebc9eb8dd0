/**
 * Kazakh dates and relative times by hand, for browsers whose ICU has no Kazakh data (Debian's
 * Chromium formats `kk` as "2025 M03 14, Fri"). Used only when the probe below fails.
 */

const MONTHS = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
];
const MONTHS_SHORT = [
  'қаң.',
  'ақп.',
  'нау.',
  'сәу.',
  'мам.',
  'мау.',
  'шіл.',
  'там.',
  'қыр.',
  'қаз.',
  'қар.',
  'жел.',
];
const WEEKDAYS = ['жс', 'дс', 'сс', 'ср', 'бс', 'жм', 'сб']; // Sunday first, as Date.getUTCDay

let probed: boolean | undefined;

/** True when Intl formats Kazakh properly (month names in Kazakh). */
export function intlHasKazakh(): boolean {
  if (probed === undefined) {
    try {
      probed = new Intl.DateTimeFormat('kk-KZ', { month: 'long', timeZone: 'UTC' })
        .format(new Date(Date.UTC(2025, 2, 15)))
        .includes('наурыз');
    } catch {
      probed = false;
    }
  }
  return probed;
}

/** "жм, 14 наурыз 2025 ж." from a UTC-noon Date of a local date. */
export function kkDate(d: Date, weekday: boolean): string {
  const text = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ж.`;
  return weekday ? `${WEEKDAYS[d.getUTCDay()]}, ${text}` : text;
}

/** "27 қар. 2026 ж., 00:00" from local date parts. */
export function kkDateTime(date: string, time: string): string {
  const [y, m, day] = date.split('-').map(Number);
  return `${day} ${MONTHS_SHORT[m - 1]} ${y} ж., ${time}`;
}

/** "3 күннен кейін", "2 сағат бұрын", "бүгін", "ертең". */
export function kkRelative(value: number, unit: 'day' | 'hour' | 'minute'): string {
  if (unit === 'day' && value === 0) return 'бүгін';
  if (unit === 'day' && value === 1) return 'ертең';
  if (unit === 'day' && value === -1) return 'кеше';
  const word = { day: 'күн', hour: 'сағат', minute: 'минут' }[unit];
  const n = Math.abs(value);
  return value >= 0 ? `${n} ${word}${unit === 'minute' ? 'тан' : 'нан'} кейін` : `${n} ${word} бұрын`;
}
