import { LegalPolicy, parseClockTime } from './policy';
import { epochMs } from './time/instant';
import { MS_PER_DAY } from './time/local-date';
import { localWallMsAt } from './time/zone';

export type DailyWindowProblem = 'outside_daily_window';

/**
 * Art. 9(4): an assembly starts no earlier than the window's start and ends no later than its end
 * (local wall-clock time of the zone), on one local day, and ends after it starts. Returns null
 * when it fits, else 'outside_daily_window'.
 */
export function checkDailyWindow(
  startsAt: Date,
  endsAt: Date,
  timeZone: string,
  policy: Pick<LegalPolicy, 'dailyWindow'>,
): DailyWindowProblem | null {
  const startMs = epochMs(startsAt);
  const endMs = epochMs(endsAt);
  if (!(endMs > startMs)) return 'outside_daily_window';
  const startWall = localWallMsAt(startMs, timeZone);
  const endWall = localWallMsAt(endMs, timeZone);
  const day = Math.floor(startWall / MS_PER_DAY);
  if (Math.floor(endWall / MS_PER_DAY) !== day) {
    // 24:00 is not in the window unless the window's end is 24:00, which ends the same day.
    const endOfDay = (day + 1) * MS_PER_DAY;
    if (endWall !== endOfDay || parseClockTime(policy.dailyWindow.end) !== 1440)
      return 'outside_daily_window';
  }
  const windowStart = parseClockTime(policy.dailyWindow.start) * 60_000;
  const windowEnd = parseClockTime(policy.dailyWindow.end) * 60_000;
  if (startWall - day * MS_PER_DAY < windowStart) return 'outside_daily_window';
  if (endWall - day * MS_PER_DAY > windowEnd) return 'outside_daily_window';
  return null;
}
