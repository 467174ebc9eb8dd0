/** CSV as RFC 4180 has it: CRLF line ends, fields quoted when they hold a comma, quote or line break. */

/**
 * A cell that a spreadsheet would read as a formula (starting with = + - @, or a tab or carriage
 * return before one) is prefixed with a single quote (OWASP "CSV injection").
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = neutralizeFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}
