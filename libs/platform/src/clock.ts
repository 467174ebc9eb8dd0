/**
 * The one clock of the system (API.md, "Clock for testing"). Outside production CLOCK_START makes
 * the process act as if the time were CLOCK_START at the real instant CLOCK_ANCHOR (default: when
 * the process started) and lets it run forward in real time; api and worker given the same pair
 * agree to the millisecond. Every deadline, job and SQL comparison takes its "now" from here.
 */
export interface Clock {
  now(): Date;
}

export class SystemClock implements Clock {
  private readonly offsetMs: number;

  constructor(start?: Date, anchor?: Date, realNow: () => number = Date.now) {
    this.realNow = realNow;
    this.offsetMs = start ? start.getTime() - (anchor ?? new Date(realNow())).getTime() : 0;
  }

  private readonly realNow: () => number;

  now(): Date {
    return new Date(this.realNow() + this.offsetMs);
  }

  /** Milliseconds of real time until the clock reads `instant` (negative when past). */
  msUntil(instant: Date): number {
    return instant.getTime() - this.now().getTime();
  }
}

/** A clock that only moves when told to; for tests. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(instant: Date): void {
    this.current = new Date(instant.getTime());
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export const CLOCK = Symbol('CLOCK');
