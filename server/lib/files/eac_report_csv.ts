import { findColumn, openCsvTable, type CsvTable } from './csv_table';
import type { DateReading } from './received_date';
import { toGraphTrace, type FieldReader } from './trace_row';
import { FileFormatError, type FileRecord } from './types';

/**
 * Column names of the admin center's downloadable message-trace (summary) report, as third-party
 * tools that read it describe them (Microsoft documents no header list): one line per message,
 * every recipient with its events in `recipient_status`. The network message id is the message
 * trace id of Graph and the cmdlets.
 */
const COLUMNS = {
  received: ['origintimestamputc', 'datetimeutc', 'dateutc', 'received'],
  sender: ['senderaddress'],
  recipientStatus: ['recipientstatus'],
  subject: ['messagesubject', 'subject'],
  size: ['totalbytes', 'size'],
  messageId: ['messageid'],
  traceId: ['networkmessageid', 'messagetraceid'],
  fromIP: ['originalclientip', 'fromip'],
} as const;

type Column = keyof typeof COLUMNS;

/**
 * A recipient's last event as a trace status (Graph's spelling). Events no status follows from (a bare `Receive` is
 * still on its way) give the status of a trace that is not final yet.
 */
const STATUS_BY_EVENT: Record<string, string> = {
  deliver: 'delivered',
  send: 'delivered',
  fail: 'failed',
  drop: 'failed',
  expand: 'expanded',
  defer: 'pending',
  receive: 'pending',
  submit: 'pending',
  quarantine: 'quarantined',
};

export interface RecipientStatus {
  address: string;
  status: string;
}

/** `bob@contoso.com##Receive, Deliver;carol@fabrikam.com##Receive, Fail` → one status per recipient. */
export function parseRecipientStatus(value: string): RecipientStatus[] | string {
  const recipients: RecipientStatus[] = [];
  for (const entry of value.split(';')) {
    if (entry.trim() === '') continue;
    const separator = entry.indexOf('##');
    const address = (separator < 0 ? entry : entry.slice(0, separator)).trim();
    const events = separator < 0 ? [] : entry.slice(separator + 2).split(',');
    const last = events
      .map((event) => event.trim())
      .filter(Boolean)
      .at(-1);
    if (!address) return `recipient_status "${entry.slice(0, 60)}" names no recipient`;
    if (!last) return `recipient_status gives no event for ${address}`;
    const status = STATUS_BY_EVENT[last.toLowerCase()];
    if (!status)
      return `recipient_status event "${last.slice(0, 40)}" of ${address} is not one this import knows`;
    recipients.push({ address, status });
  }
  return recipients.length > 0 ? recipients : 'recipient_status names no recipient';
}

function columnIndexes(table: CsvTable): Record<Column, number | undefined> {
  return Object.fromEntries(
    Object.entries(COLUMNS).map(([column, names]) => [column, findColumn(table, names)])
  ) as Record<Column, number | undefined>;
}

/** The admin center's report: each line becomes one row per recipient, all on that line. */
export async function* readEacReportCsv(
  text: AsyncIterable<string>,
  reading: DateReading
): AsyncGenerator<FileRecord, void, undefined> {
  const table = await openCsvTable(text);
  const index = columnIndexes(table);
  const missing = (['received', 'recipientStatus', 'traceId'] as const).filter(
    (column) => index[column] === undefined
  );
  if (missing.length > 0) {
    throw new FileFormatError(
      `Not a message trace report: no ${missing.map((column) => COLUMNS[column][0]).join(', ')} column`,
      1
    );
  }
  for await (const record of table.rows) {
    if ('reason' in record) {
      yield record;
      continue;
    }
    const { fields, line } = record;
    const value = (column: Column) => {
      const at = index[column];
      return at === undefined ? undefined : fields[at];
    };
    const recipients = parseRecipientStatus(value('recipientStatus') ?? '');
    if (typeof recipients === 'string') {
      yield { line, reason: recipients };
      continue;
    }
    for (const recipient of recipients) {
      const read: FieldReader = (field) => {
        switch (field) {
          case 'id':
            return value('traceId');
          case 'receivedDateTime':
            return value('received');
          case 'recipientAddress':
            return recipient.address;
          case 'status':
            return recipient.status;
          case 'senderAddress':
          case 'subject':
          case 'size':
          case 'messageId':
          case 'fromIP':
            return value(field === 'senderAddress' ? 'sender' : field);
          default:
            return undefined;
        }
      };
      yield { line, ...toGraphTrace(read, reading) };
    }
  }
}
