import type { Logger } from 'pino';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class TimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not finish within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/** Rejects when `work` takes longer than `ms` (the work itself is not cancelled). */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(what, ms)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A warning that repeats at most once per `everyMs` (Redis down makes every poll fail; one line
 * a minute says so, not one line per poll).
 */
export function throttledWarn(logger: Logger, everyMs = 60_000) {
  const last = new Map<string, number>();
  return (message: string, fields: Record<string, unknown> = {}) => {
    const now = Date.now();
    if ((last.get(message) ?? -Infinity) + everyMs > now) return;
    last.set(message, now);
    logger.warn(fields, message);
  };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs `work` at most once at a time. A caller that arrives while a run is in progress gets the
 * run after it (which starts when the current one ends), so every caller sees a run that began
 * after its call: what was due when it asked is handled.
 */
export class SingleFlight<T> {
  private current: Promise<T> | undefined;
  private next: Promise<T> | undefined;

  constructor(private readonly work: () => Promise<T>) {}

  run(): Promise<T> {
    if (!this.current) return this.start();
    if (!this.next) {
      this.next = this.current
        .catch(() => undefined)
        .then(() => {
          this.next = undefined;
          return this.start();
        });
    }
    return this.next;
  }

  get busy(): boolean {
    return this.current !== undefined;
  }

  private start(): Promise<T> {
    const p = this.work().finally(() => {
      if (this.current === p) this.current = undefined;
    });
    this.current = p;
    return p;
  }
}
