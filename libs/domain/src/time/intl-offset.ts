import { MS_PER_DAY, daysFromCivil } from './local-date';

/** The only place that asks Intl about time zones (slow: results are cached by the callers). */

const MS_PER_HOUR = 3_600_000;
const MS_PER_MINUTE = 60_000;

/** A formatter that gives the wall-clock parts of an instant in a zone (throws RangeError for an unknown zone). */
export function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
}

/** The offset (local minus UTC, in ms, whole seconds) asked of Intl. Slow: not for the hot path. */
export function intlOffsetMs(fmt: Intl.DateTimeFormat, utcMs: number): number {
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
  const days = daysFromCivil(year, month, day);
  return days * MS_PER_DAY + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * 1000 - whole;
}
