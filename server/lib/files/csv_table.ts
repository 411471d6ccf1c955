import { detectDelimiter, readCsvRecords, type CsvRecord } from './csv_reader';
import { peekText } from './peek_text';
import { FileFormatError } from './types';

/** A header cell reduced to lower-case letters and digits: `Received`, `origin_timestamp_utc`, `Date (UTC)`. */
export function columnKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export interface CsvTable {
  /** Column index by columnKey; the first of equal keys wins. */
  columns: ReadonlyMap<string, number>;
  /** Fields per row, as in the header. */
  width: number;
  /** The rows after the header; one whose width differs from the header's comes back rejected. */
  rows: AsyncIterable<CsvRecord>;
}

/** Windows PowerShell 5.1's Export-Csv starts with `#TYPE <.NET type>` unless -NoTypeInformation. */
const TYPE_LINE = /^#TYPE /;

export async function openCsvTable(text: AsyncIterable<string>): Promise<CsvTable> {
  const peeked = await peekText(text, 64 * 1024);
  const lines = peeked.head.split('\n', 3);
  const headerLine = TYPE_LINE.test(lines[0] ?? '') ? (lines[1] ?? '') : (lines[0] ?? '');
  const records = readCsvRecords(peeked.text, detectDelimiter(headerLine));
  let header: CsvRecord | undefined;
  for (let next = await records.next(); !next.done; next = await records.next()) {
    const record = next.value;
    if ('fields' in record && record.fields.length === 1 && TYPE_LINE.test(record.fields[0]!)) {
      continue;
    }
    header = record;
    break;
  }
  if (!header || !('fields' in header)) {
    throw new FileFormatError('The CSV file has no header line', header?.line ?? 1);
  }
  const columns = new Map<string, number>();
  header.fields.forEach((name, index) => {
    const key = columnKey(name);
    if (!columns.has(key)) columns.set(key, index);
  });
  const width = header.fields.length;
  return { columns, width, rows: checkedWidth(records, width) };
}

/** A row whose field count differs from the header's was split or cut (an unquoted delimiter?). */
async function* checkedWidth(
  records: AsyncIterable<CsvRecord>,
  width: number
): AsyncGenerator<CsvRecord, void, undefined> {
  for await (const record of records) {
    if (!('fields' in record) || record.fields.length === width) {
      yield record;
      continue;
    }
    yield {
      line: record.line,
      reason: `the row has ${record.fields.length} fields where the header has ${width}`,
    };
  }
}

/** The first of `names` (column keys) the table has. */
export function findColumn(table: CsvTable, names: readonly string[]): number | undefined {
  for (const name of names) {
    const index = table.columns.get(name);
    if (index !== undefined) return index;
  }
  return undefined;
}
