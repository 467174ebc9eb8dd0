import { InvalidInstantError } from '../errors';

/**
 * Epoch milliseconds of a Date; throws InvalidInstantError for an invalid Date or a non-Date.
 * Dates from another realm (e.g. a test sandbox) are accepted by their getTime.
 */
export function epochMs(instant: Date): number {
  let ms: number;
  if (instant instanceof Date) ms = instant.getTime();
  else if (Object.prototype.toString.call(instant) === '[object Date]')
    ms = Date.prototype.getTime.call(instant);
  else ms = NaN;
  if (ms !== ms) throw new InvalidInstantError(instant);
  return ms;
}
