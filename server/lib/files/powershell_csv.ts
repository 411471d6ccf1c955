import { findColumn, openCsvTable } from './csv_table';
import type { DateReading } from './received_date';
import { TRACE_FIELD_NAMES, toGraphTrace, type FieldReader } from './trace_row';
import { FileFormatError, type FileRecord } from './types';

/** The columns a row cannot do without, under the cmdlet's names. */
const NEEDED = {
  id: 'MessageTraceId',
  receivedDateTime: 'Received',
  recipientAddress: 'RecipientAddress',
  status: 'Status',
} as const;

/**
 * `Get-MessageTrace` / `Get-MessageTraceV2 | Export-Csv`: one row per recipient under the cmdlet's
 * property names (Received, SenderAddress, …, MessageTraceId; extra columns such as
 * PSComputerName or StartDate are ignored).
 */
export async function* readPowerShellCsv(
  text: AsyncIterable<string>,
  reading: DateReading
): AsyncGenerator<FileRecord, void, undefined> {
  const table = await openCsvTable(text);
  const index = Object.fromEntries(
    Object.entries(TRACE_FIELD_NAMES).map(([field, names]) => [field, findColumn(table, names)])
  ) as Record<keyof typeof TRACE_FIELD_NAMES, number | undefined>;
  const missing = Object.entries(NEEDED).filter(
    ([field]) => index[field as keyof typeof NEEDED] === undefined
  );
  if (missing.length > 0) {
    throw new FileFormatError(
      `Not a Get-MessageTrace export: no ${missing.map(([, column]) => column).join(', ')} column`,
      1
    );
  }
  for await (const record of table.rows) {
    if ('reason' in record) {
      yield record;
      continue;
    }
    const { fields, line } = record;
    const read: FieldReader = (field) => {
      const column = index[field];
      return column === undefined ? undefined : fields[column];
    };
    yield { line, ...toGraphTrace(read, reading) };
  }
}
