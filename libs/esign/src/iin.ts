// IIN check, kept local to esign (libs do not import each other's internals).
// Weights 1..11 mod 11; when that gives 10, weights 3..11,1,2; 10 again = never issued.
// Digit 7 is century and sex (1/2 = 1800s, 3/4 = 1900s, 5/6 = 2000s); YYMMDD must be a real date.

const W1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

export function iinCheckDigit(first11: string): number | null {
  const d = [...first11].map(Number);
  let c = d.reduce((s, x, i) => s + x * W1[i], 0) % 11;
  if (c === 10) c = d.reduce((s, x, i) => s + x * W2[i], 0) % 11;
  return c === 10 ? null : c;
}

export function isValidIin(iin: string): boolean {
  if (!/^\d{12}$/.test(iin)) return false;
  const centuryDigit = Number(iin[6]);
  if (centuryDigit < 1 || centuryDigit > 6) return false;
  const century = [1800, 1900, 2000][Math.floor((centuryDigit - 1) / 2)];
  const year = century + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return false;
  const check = iinCheckDigit(iin.slice(0, 11));
  return check !== null && check === Number(iin[11]);
}
