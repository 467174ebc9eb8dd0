import { ValidateBy, ValidationOptions } from 'class-validator';
import { addDays, daysBetween, isValidLocalDate } from '@jiyn/domain';
import { problems } from '../common/problem';

/** A local date `YYYY-MM-DD` that exists in the calendar (2026-02-30 does not). */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLocalDate',
      validator: {
        validate: (value: unknown) => isValidLocalDate(value),
        defaultMessage: (args) => `${args?.property} must be a date YYYY-MM-DD`,
      },
    },
    options,
  );
}

/**
 * A window of local dates: `from` and `to` (inclusive) with their defaults, refusing an inverted
 * window, or one longer than `maxDays`, with a 400 naming the fields.
 */
export function dateWindow(
  from: string | undefined,
  to: string | undefined,
  defaults: { from: string; toDays: number } | undefined,
  maxDays?: number,
): { from: string | null; to: string | null } {
  const start = from ?? defaults?.from ?? null;
  const end = to ?? (defaults ? addDays(start ?? defaults.from, defaults.toDays) : null);
  if (start && end && end < start) {
    throw problems.validation([{ field: 'to', code: 'before_from', message: 'to must not be before from' }]);
  }
  if (maxDays !== undefined && start && end && daysBetween(start, end) > maxDays) {
    throw problems.validation([
      { field: 'to', code: 'window_too_long', message: `the window may span at most ${maxDays} days` },
    ]);
  }
  return { from: start, to: end };
}
