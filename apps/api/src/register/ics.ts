/** iCalendar (RFC 5545) text: escaping, 75-octet line folding, UTC date-times. */

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
export function icsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line longer than 75 octets (UTF-8) into lines of at most 75 octets, each
 * continuation starting with one space; never splits a character. Answers it with CRLF ends.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      out.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n') + '\r\n';
}

/** `20261215T060000Z` */
export function icsUtc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** `20261215` for a local date `2026-12-15`. */
export function icsDate(localDate: string): string {
  return localDate.replace(/-/g, '');
}
