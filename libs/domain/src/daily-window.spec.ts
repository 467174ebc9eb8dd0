import { checkDailyWindow } from './daily-window';
import { InvalidInstantError } from './errors';
import { KZ_2020_POLICY } from './policy';

const tz = 'Asia/Almaty';
const check = (start: string, end: string, zone = tz) =>
  checkDailyWindow(new Date(start), new Date(end), zone, KZ_2020_POLICY);

describe('checkDailyWindow (09:00-20:00 local, one day)', () => {
  it('accepts assemblies inside the window, edges included', () => {
    expect(check('2025-03-26T11:00:00+05:00', '2025-03-26T13:00:00+05:00')).toBeNull();
    expect(check('2025-03-26T09:00:00+05:00', '2025-03-26T20:00:00+05:00')).toBeNull();
    expect(check('2024-02-29T09:00:00+06:00', '2024-02-29T20:00:00+06:00')).toBeNull();
  });

  it('refuses starts before 09:00, ends after 20:00, a second day, and empty or reversed intervals', () => {
    expect(check('2025-03-26T08:59:00+05:00', '2025-03-26T10:00:00+05:00')).toBe('outside_daily_window');
    expect(check('2025-03-26T19:00:00+05:00', '2025-03-26T20:00:01+05:00')).toBe('outside_daily_window');
    expect(check('2025-03-26T10:00:00+05:00', '2025-03-27T11:00:00+05:00')).toBe('outside_daily_window');
    expect(check('2025-03-26T12:00:00+05:00', '2025-03-26T12:00:00+05:00')).toBe('outside_daily_window');
    expect(check('2025-03-26T13:00:00+05:00', '2025-03-26T12:00:00+05:00')).toBe('outside_daily_window');
    expect(check('2025-03-26T21:00:00+05:00', '2025-03-26T22:00:00+05:00')).toBe('outside_daily_window');
  });

  it('reads the clock in the jurisdiction, not in UTC or the process zone', () => {
    // 04:00-06:00 UTC is 09:00-11:00 in Almaty
    expect(check('2025-03-26T04:00:00Z', '2025-03-26T06:00:00Z')).toBeNull();
    // but 03:00-05:00 in New York
    expect(check('2025-03-26T04:00:00Z', '2025-03-26T06:00:00Z', 'America/New_York')).toBe(
      'outside_daily_window',
    );
    // before the 2024 change 09:00 in Almaty was 03:00 UTC
    expect(check('2024-02-20T03:00:00Z', '2024-02-20T04:00:00Z')).toBeNull();
    expect(check('2024-03-20T03:00:00Z', '2024-03-20T04:00:00Z')).toBe('outside_daily_window');
  });

  it('honours another window from the policy', () => {
    const policy = { dailyWindow: { start: '08:00', end: '24:00' } };
    expect(
      checkDailyWindow(
        new Date('2025-03-26T08:00:00+05:00'),
        new Date('2025-03-27T00:00:00+05:00'),
        tz,
        policy,
      ),
    ).toBeNull();
    expect(
      checkDailyWindow(
        new Date('2025-03-26T08:00:00+05:00'),
        new Date('2025-03-27T00:00:01+05:00'),
        tz,
        policy,
      ),
    ).toBe('outside_daily_window');
  });

  it('throws on invalid instants', () => {
    expect(() => checkDailyWindow(new Date('x'), new Date(), tz, KZ_2020_POLICY)).toThrow(
      InvalidInstantError,
    );
  });
});
