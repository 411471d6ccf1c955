import { MAX_ROW_CHARS } from './line_reader';
import { FileFormatError } from './types';

export type CsvRecord = { line: number; fields: string[] } | { line: number; reason: string };

/**
 * RFC 4180 records, streamed: quoted fields may hold the delimiter, `""` and line breaks (a
 * subject with a newline spans lines; `line` is where its record starts). Blank lines are
 * skipped. Leniently, text after a closing quote joins the field and a quote inside an
 * unquoted field is kept, as Excel reads them.
 */
export async function* readCsvRecords(
  source: AsyncIterable<string>,
  delimiter: string
): AsyncGenerator<CsvRecord, void, undefined> {
  let fields: string[] = [];
  let field = '';
  let recordChars = 0;
  let inQuotes = false;
  /** A `"` inside quotes was the last character: an escaped quote or the closing one. */
  let quoteSeen = false;
  /** The current field has content (so a quote no longer opens a quoted field). */
  let fieldStarted = false;
  let line = 1;
  let recordLine = 1;

  const endField = () => {
    fields.push(field);
    recordChars += field.length;
    field = '';
    fieldStarted = false;
  };
  const endRecord = (): CsvRecord | undefined => {
    endField();
    const record = fields;
    fields = [];
    const start = recordLine;
    recordChars = 0;
    recordLine = line;
    return record.length === 1 && record[0] === '' ? undefined : { line: start, fields: record };
  };

  for await (const chunk of source) {
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (inQuotes) {
        if (quoteSeen) {
          quoteSeen = false;
          if (chunk[i] === '"') {
            field += '"';
            i += 1;
          } else {
            inQuotes = false;
          }
          continue;
        }
        const quote = chunk.indexOf('"', i);
        const end = quote < 0 ? n : quote;
        const part = chunk.slice(i, end);
        for (let nl = part.indexOf('\n'); nl >= 0; nl = part.indexOf('\n', nl + 1)) line += 1;
        field += part;
        if (field.length + recordChars > MAX_ROW_CHARS) {
          throw new FileFormatError(
            `The record starting on line ${recordLine} is longer than ${MAX_ROW_CHARS} characters (an unclosed quote?)`,
            recordLine
          );
        }
        if (quote >= 0) quoteSeen = true;
        i = end + 1;
        continue;
      }
      const c = chunk[i]!;
      if (c === delimiter) {
        endField();
      } else if (c === '\n') {
        line += 1;
        const record = endRecord();
        if (record) yield record;
      } else if (c === '"' && !fieldStarted) {
        inQuotes = true;
        fieldStarted = true;
      } else if (c !== '\r') {
        // Runs of plain characters are copied at once.
        let end = i + 1;
        while (end < n) {
          const next = chunk[end];
          if (next === delimiter || next === '\n' || next === '\r' || next === '"') break;
          end += 1;
        }
        field += chunk.slice(i, end);
        fieldStarted = true;
        i = end;
        continue;
      }
      i += 1;
    }
  }
  if (inQuotes && !quoteSeen) {
    yield {
      line: recordLine,
      reason: 'the file ends inside a quoted field (a missing closing quote)',
    };
    return;
  }
  const record = endRecord();
  if (record) yield record;
}

/** The delimiter of a header line: `,` unless `;` or a tab (Export-Csv -UseCulture) is more frequent. */
export function detectDelimiter(headerLine: string): string {
  const outsideQuotes = headerLine.replace(/"[^"]*"/g, '');
  const count = (char: string) => outsideQuotes.split(char).length - 1;
  const candidates = [',', ';', '\t'];
  return candidates.reduce((best, candidate) =>
    count(candidate) > count(best) ? candidate : best
  );
}
