import { iinCheckDigit, isValidIin } from './iin';

const withCheck = (first11: string) => `${first11}${iinCheckDigit(first11)}`;

describe('isValidIin (local to esign)', () => {
  it('accepts the worked examples of the domain notes', () => {
    expect(isValidIin('900515301234')).toBe(true); // first pass: 147 mod 11 = 4
    expect(isValidIin('880202300013')).toBe(true); // second pass: 113 mod 11 = 3
  });

  it('rejects a wrong check digit', () => {
    expect(isValidIin('900515301235')).toBe(false);
  });

  it('rejects a number whose check is 10 on both passes (never issued)', () => {
    let found: string | undefined;
    for (let serial = 0; serial < 10000 && !found; serial++) {
      const first11 = `9005153${String(serial).padStart(4, '0')}`;
      if (iinCheckDigit(first11) === null) found = first11;
    }
    expect(found).toBeDefined();
    for (let d = 0; d <= 9; d++) expect(isValidIin(`${found}${d}`)).toBe(false);
  });

  it('checks the century digit and the birth date', () => {
    expect(isValidIin(withCheck('90051500123'))).toBe(false); // digit 7 = 0: not a person
    expect(isValidIin(withCheck('90051570123'))).toBe(false); // digit 7 = 7
    expect(isValidIin(withCheck('90131530123'))).toBe(false); // month 13
    expect(isValidIin(withCheck('00022930123'))).toBe(false); // 29 Feb 1900: not a leap year
    expect(isValidIin(withCheck('00022950123'))).toBe(true); // 29 Feb 2000
    expect(isValidIin(withCheck('99123110123'))).toBe(true); // 1899, 1800s century digit
  });

  it('rejects anything but 12 digits', () => {
    for (const s of ['', '90051530123', '9005153012345', '90051530123a', ' 900515301234'])
      expect(isValidIin(s)).toBe(false);
  });
});
