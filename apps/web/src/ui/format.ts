import { KZ_OFFSET, TIME_ZONE } from '../config';
import { lang, locale } from '../i18n';
import { intlHasKazakh, kkDate, kkDateTime, kkRelative } from './kk-format';

/** Kazakh by hand when the browser's Intl has no Kazakh data. */
const handKazakh = () => lang() === 'kk' && !intlHasKazakh();

const cache = new Map<string, Intl.DateTimeFormat>();
function dtf(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale() + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale(), options);
    cache.set(key, f);
  }
  return f;
}

/** A local date (YYYY-MM-DD) in words: "ср, 26 марта 2025 г.". */
export function formatDate(date: string | undefined | null, weekday = true): string {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return date ?? '';
  if (handKazakh()) return kkDate(new Date(`${date}T12:00:00Z`), weekday);
  return dtf({
    timeZone: 'UTC',
    weekday: weekday ? 'short' : undefined,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** An instant as date and time in Kazakhstan. */
export function formatInstant(iso: string | undefined | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (handKazakh()) {
    const p = kzParts(iso);
    return kkDateTime(p.date, p.time);
  }
  return dtf({
    timeZone: TIME_ZONE,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}

/** "26 мар. 2025 г., 11:00–13:00" (one day, the daily window is 09:00–20:00). */
export function formatRange(startsAt: string | undefined, endsAt: string | undefined): string {
  if (!startsAt) return '';
  const start = kzParts(startsAt);
  const end = endsAt ? kzParts(endsAt) : undefined;
  const day = formatDate(start.date, false);
  return end ? `${day}, ${start.time}–${end.time}` : `${day}, ${start.time}`;
}

/** The local date and time (HH:MM) of an instant in Kazakhstan. */
export function kzParts(iso: string): { date: string; time: string } {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** Today's date in Kazakhstan, YYYY-MM-DD. */
export function todayKz(now = new Date()): string {
  return kzParts(now.toISOString()).date;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A local date and time in Kazakhstan as an ISO instant with offset. */
export function kzInstant(date: string, time: string): string {
  return `${date}T${time}:00${KZ_OFFSET}`;
}

/** A local date relative to today in Kazakhstan: "сегодня", "через 12 дней", "3 days ago". */
export function relativeDate(date: string, today = todayKz()): string {
  const days = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (Number.isNaN(days)) return '';
  return relativeUnit(days, 'day');
}

/** "через 2 дня" / "in 5 hours" / "3 days ago", in the current language. */
export function relative(iso: string | undefined | null, now = Date.now()): string {
  if (!iso) return '';
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return '';
  const minutes = Math.round((at - now) / 60_000);
  const abs = Math.abs(minutes);
  if (abs >= 2 * 24 * 60) return relativeUnit(Math.round(minutes / (24 * 60)), 'day');
  if (abs >= 120) return relativeUnit(Math.round(minutes / 60), 'hour');
  return relativeUnit(minutes, 'minute');
}

function relativeUnit(value: number, unit: 'day' | 'hour' | 'minute'): string {
  if (handKazakh()) return kkRelative(value, unit);
  return new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' }).format(value, unit);
}

export function formatNumber(n: number | undefined | null): string {
  // Kazakh groups digits as Russian does ("1 000"); use that when Intl lacks Kazakh.
  return typeof n === 'number' ? new Intl.NumberFormat(handKazakh() ? 'ru-RU' : locale()).format(n) : '';
}
