import fc from 'fast-check';
import { iinChecksumDigit, makeValidBin, makeValidIin, validateBin, validateIin } from './iin';
import { daysFromCivil, fromDayNumber } from './time/local-date';

describe('validateIin', () => {
  it('accepts the worked examples of the notes', () => {
    expect(validateIin('900515301234')).toEqual({ valid: true, birthDate: '1990-05-15', sex: 'male' });
    // 880202300013 needs the second pass: the first sum gives 10
    expect(validateIin('880202300013')).toEqual({ valid: true, birthDate: '1988-02-02', sex: 'male' });
    expect(iinChecksumDigit('90051530123')).toBe(4);
    expect(iinChecksumDigit('88020230001')).toBe(3);
  });

  it('rejects with a reason', () => {
    expect(validateIin('900515301235')).toEqual({ valid: false, reason: 'checksum' });
    for (const bad of [
      '90051530123',
      '9005153012345',
      '90051530123a',
      ' 900515301234',
      '',
      null,
      900515301234,
    ]) {
      expect(validateIin(bad)).toEqual({ valid: false, reason: 'format' });
    }
    expect(validateIin('900230300009')).toEqual({ valid: false, reason: 'birth_date' }); // 30 February
    expect(validateIin('900515000009')).toEqual({ valid: false, reason: 'century' }); // digit 7 = 0
    expect(iinChecksumDigit('90051530091')).toBeNull(); // both passes give 10: never issued
    expect(iinChecksumDigit('123')).toBeNull();
  });

  it('reads century and sex from digit 7', () => {
    expect(validateIin(makeValidIin('1899-12-31', 'female'))).toEqual({
      valid: true,
      birthDate: '1899-12-31',
      sex: 'female',
    });
    expect(validateIin(makeValidIin('2007-03-26', 'female', 5))).toEqual({
      valid: true,
      birthDate: '2007-03-26',
      sex: 'female',
    });
    expect(makeValidIin('2007-03-26', 'female', 5)).toBe('070326600054');
    expect(makeValidIin('2000-02-29', 'male')[6]).toBe('5');
    expect(() => makeValidIin('2100-01-01', 'male')).toThrow(RangeError);
  });

  it('property: makeValidIin always validates with its birth date and sex', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: daysFromCivil(1800, 1, 1), max: daysFromCivil(2099, 12, 31) }),
        fc.constantFrom<'male' | 'female'>('male', 'female'),
        fc.integer({ min: 0, max: 9999 }),
        (day, sex, serial) => {
          const birthDate = fromDayNumber(day);
          const iin = makeValidIin(birthDate, sex, serial);
          expect(validateIin(iin)).toEqual({ valid: true, birthDate, sex });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('property: changing the check digit always invalidates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: daysFromCivil(1800, 1, 1), max: daysFromCivil(2099, 12, 31) }),
        fc.constantFrom<'male' | 'female'>('male', 'female'),
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 9 }),
        (day, sex, serial, delta) => {
          const iin = makeValidIin(fromDayNumber(day), sex, serial);
          const flipped = iin.slice(0, 11) + ((Number(iin[11]) + delta) % 10);
          expect(validateIin(flipped)).toEqual({ valid: false, reason: 'checksum' });
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('validateBin', () => {
  it('accepts BINs of the three entity types and tells an IIN from a BIN', () => {
    expect(validateBin(makeValidBin('0512', 4))).toEqual({ valid: true, entityType: 'resident' });
    expect(validateBin(makeValidBin('1203', 5))).toEqual({ valid: true, entityType: 'non_resident' });
    expect(validateBin(makeValidBin('2401', 6))).toEqual({
      valid: true,
      entityType: 'joint_entrepreneurship',
    });
    expect(validateBin('900515301234')).toEqual({ valid: false, reason: 'type' }); // an IIN
    expect(validateIin(makeValidBin('0512', 4)).valid).toBe(false);
    const bin = makeValidBin('0512', 4);
    expect(validateBin(bin.slice(0, 11) + ((Number(bin[11]) + 1) % 10))).toEqual({
      valid: false,
      reason: 'checksum',
    });
    expect(validateBin('12345')).toEqual({ valid: false, reason: 'format' });
  });
});
