import { intlOffsetMs, wallClockFormatter } from './intl-offset';

const MS_PER_HOUR = 3_600_000;
const MS_PER_MINUTE = 60_000;

/** The oldest IANA tz data release that knows Kazakhstan's single zone (UTC+5 from 2024-03-01). */
export const MINIMUM_TZDATA = '2024a';

/**
 * The start-up guard: throws unless the runtime's tz data is 2024a or newer and Asia/Almaty is
 * UTC+05:00 on 2024-03-01. `tzVersion` defaults to `process.versions.tz` (an argument for tests;
 * null stands for a runtime without tz data).
 */
export function assertTimeZoneData(tzVersion: string | null | undefined = process.versions.tz): void {
  if (typeof tzVersion !== 'string' || !/^\d{4}[a-z]+$/.test(tzVersion) || tzVersion < MINIMUM_TZDATA) {
    throw new Error(
      `time-zone data ${tzVersion ?? '(unknown)'} is older than ${MINIMUM_TZDATA}: Kazakhstan moved to UTC+5 on ` +
        `2024-03-01 and older data puts Asia/Almaty one hour off; run Node.js with ICU tz data ${MINIMUM_TZDATA} or newer`,
    );
  }
  let offset: number;
  try {
    offset = intlOffsetMs(wallClockFormatter('Asia/Almaty'), Date.UTC(2024, 2, 1, 12));
  } catch {
    throw new Error('time-zone data does not know Asia/Almaty: run Node.js with full ICU time-zone data');
  }
  if (offset !== 5 * MS_PER_HOUR) {
    const minutes = offset / MS_PER_MINUTE;
    throw new Error(
      `time-zone data claims tz ${tzVersion} but gives Asia/Almaty UTC${minutes < 0 ? '-' : '+'}${Math.abs(minutes) / 60}h ` +
        `on 2024-03-01 instead of +05:00: the ICU data is stale; update Node.js or its ICU data`,
    );
  }
}
