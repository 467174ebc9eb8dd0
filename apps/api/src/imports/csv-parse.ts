/** One record of a CSV text, with the line on which it starts (1-based). */
export interface CsvRecord {
  line: number;
  fields: string[];
  /** A quote in the middle of an unquoted field, text after a closing quote, or an unclosed quote. */
  malformed: boolean;
}

/**
 * Parses RFC 4180 CSV leniently enough for files saved by spreadsheets: CRLF, LF or CR line ends,
 * quoted fields with doubled quotes and line breaks inside. A broken record is marked malformed
 * rather than failing the whole text. Blank lines are skipped.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let afterQuote = false;
  let malformed = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !afterQuote)) {
      records.push({ line: start, fields, malformed });
    }
    fields = [];
    field = '';
    afterQuote = false;
    malformed = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
          afterQuote = true;
        }
      } else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      if (field === '' && !afterQuote) inQuotes = true;
      else {
        malformed = true;
        field += c;
      }
    } else if (c === ',') {
      fields.push(field);
      field = '';
      afterQuote = false;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else {
      if (afterQuote) malformed = true;
      field += c;
    }
  }
  if (inQuotes) malformed = true;
  if (inQuotes || field !== '' || fields.length > 0 || afterQuote) endRecord();
  return records;
}
