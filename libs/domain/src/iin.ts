import { LocalDate, daysInMonth, fromDayNumber, daysFromCivil, parseLocalDate } from './time/local-date';

/**
 * IIN (individual identification number) and BIN (business identification number), 12 digits
 * (Government decree No. 565 of 11 Jun 2003; kazakhstan-law-notes.md, Part C).
 *
 * IIN: YYMMDD birth date, a digit for century and sex (1/2: 1800s, 3/4: 1900s, 5/6: 2000s; odd
 * male, even female), a 4-digit serial number and a check digit. BIN: YYMM of registration, a
 * type digit (4 resident legal entity, 5 non-resident, 6 joint individual entrepreneurship), an
 * attribute digit, a 5-digit serial and the same check digit.
 *
 * Check digit: sum of d1..d11 with weights 1..11, mod 11; if that is 10, again with weights
 * 3,4,...,11,1,2; if still 10 the number is never issued.
 */

export type IinInvalidReason = 'format' | 'checksum' | 'birth_date' | 'century';
export type Sex = 'male' | 'female';

export type IinValidation =
  { valid: true; birthDate: LocalDate; sex: Sex } | { valid: false; reason: IinInvalidReason };

export type BinInvalidReason = 'format' | 'checksum' | 'type';
export type BinEntityType = 'resident' | 'non_resident' | 'joint_entrepreneurship';
export type BinValidation =
  { valid: true; entityType: BinEntityType } | { valid: false; reason: BinInvalidReason };

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

function allDigits(s: string, length: number): boolean {
  if (s.length !== length) return false;
  for (let i = 0; i < length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The check digit for the first 11 digits, or null when no 12th digit can make the number valid. */
export function iinChecksumDigit(first11: string): number | null {
  if (typeof first11 !== 'string' || !allDigits(first11, 11)) return null;
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += (first11.charCodeAt(i) - 48) * FIRST_WEIGHTS[i];
  let c = sum % 11;
  if (c !== 10) return c;
  sum = 0;
  for (let i = 0; i < 11; i++) sum += (first11.charCodeAt(i) - 48) * SECOND_WEIGHTS[i];
  c = sum % 11;
  return c === 10 ? null : c;
}

function checksumOk(s: string): boolean {
  const c = iinChecksumDigit(s.slice(0, 11));
  return c !== null && c === s.charCodeAt(11) - 48;
}

const CENTURY: Record<string, number> = { '1': 1800, '2': 1800, '3': 1900, '4': 1900, '5': 2000, '6': 2000 };

export function validateIin(value: unknown): IinValidation {
  if (typeof value !== 'string' || !allDigits(value, 12)) return { valid: false, reason: 'format' };
  if (!checksumOk(value)) return { valid: false, reason: 'checksum' };
  const century = CENTURY[value[6]];
  if (century === undefined) return { valid: false, reason: 'century' };
  const year = century + Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return { valid: false, reason: 'birth_date' };
  return {
    valid: true,
    birthDate: fromDayNumber(daysFromCivil(year, month, day)),
    sex: Number(value[6]) % 2 === 1 ? 'male' : 'female',
  };
}

export function isValidIin(value: unknown): value is string {
  return validateIin(value).valid;
}

const BIN_TYPES: Record<string, BinEntityType> = {
  '4': 'resident',
  '5': 'non_resident',
  '6': 'joint_entrepreneurship',
};

export function validateBin(value: unknown): BinValidation {
  if (typeof value !== 'string' || !allDigits(value, 12)) return { valid: false, reason: 'format' };
  if (!checksumOk(value)) return { valid: false, reason: 'checksum' };
  const entityType = BIN_TYPES[value[4]];
  if (entityType === undefined) return { valid: false, reason: 'type' };
  return { valid: true, entityType };
}

export function isValidBin(value: unknown): value is string {
  return validateBin(value).valid;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * A valid IIN for tests: the given birth date (years 1800-2099) and sex, and the first serial
 * number at or after `serial` (0..9999, wrapping) for which a check digit exists.
 */
export function makeValidIin(birthDate: LocalDate, sex: Sex, serial = 1): string {
  const { year, month, day } = parseLocalDate(birthDate);
  if (year < 1800 || year > 2099) throw new RangeError(`an IIN encodes birth years 1800-2099, not ${year}`);
  if (!Number.isInteger(serial) || serial < 0 || serial > 9999)
    throw new RangeError(`serial must be 0..9999`);
  const centuryDigit = (year < 1900 ? 1 : year < 2000 ? 3 : 5) + (sex === 'female' ? 1 : 0);
  const head = pad(year % 100, 2) + pad(month, 2) + pad(day, 2) + centuryDigit;
  for (let k = 0; k < 10000; k++) {
    const first11 = head + pad((serial + k) % 10000, 4);
    const check = iinChecksumDigit(first11);
    if (check !== null) return first11 + check;
  }
  /* istanbul ignore next: some serial always works */
  throw new Error('no valid IIN');
}

/** A valid BIN for tests: registration year-month `YYMM`, a type digit and the first usable serial. */
export function makeValidBin(yearMonth: string, type: 4 | 5 | 6 = 4, serial = 1): string {
  if (!allDigits(yearMonth, 4)) throw new RangeError('yearMonth must be YYMM');
  for (let k = 0; k < 100000; k++) {
    const first11 = yearMonth + type + '0' + pad((serial + k) % 100000, 5);
    const check = iinChecksumDigit(first11);
    if (check !== null) return first11 + check;
  }
  throw new Error('no valid BIN');
}
