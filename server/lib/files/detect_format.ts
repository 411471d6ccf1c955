import type { FileFormat } from '../../../common/http_api/files';
import { columnKey } from './csv_table';
import { FileFormatError } from './types';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The legacy service and the cmdlets name the time `Received`; Graph names it `receivedDateTime`. */
function isLegacyRow(row: unknown): boolean {
  if (!isObject(row)) return false;
  const keys = Object.keys(row).map((key) => key.toLowerCase());
  return keys.includes('received') || keys.includes('messagetraceid');
}

function jsonLinesFormat(first: Record<string, unknown>): FileFormat {
  if ('odata.metadata' in first) return 'legacy_ndjson';
  const row = Array.isArray(first.value) ? first.value[0] : first;
  return isLegacyRow(row) ? 'legacy_ndjson' : 'graph_ndjson';
}

function csvFormat(head: string): FileFormat {
  const lines = head.split('\n', 3).map((line) => line.replace(/\r$/, ''));
  const header = lines[0]?.startsWith('#TYPE ') ? (lines[1] ?? '') : (lines[0] ?? '');
  const columns = new Set(header.split(/[,;\t]/).map(columnKey));
  if (columns.has('recipientstatus')) return 'eac_report_csv';
  if (
    columns.has('recipientaddress') &&
    (columns.has('received') || columns.has('messagetraceid'))
  ) {
    return 'powershell_csv';
  }
  throw new FileFormatError(
    'Unknown file format: expected a Get-MessageTrace CSV export (Received, RecipientAddress, …), ' +
      'an admin center message trace report (origin_timestamp_utc, recipient_status, …), Graph JSON or NDJSON',
    1
  );
}

/**
 * The format of a file from its first characters (decoded, BOM removed). `complete` says the
 * head is the whole file. A first line that is a whole JSON object makes NDJSON; a one-line
 * Graph page reads the same either way.
 */
export function detectFormat(head: string, complete: boolean): FileFormat {
  const text = head.trimStart();
  if (text.startsWith('[')) return 'graph_json';
  if (text.startsWith('{')) {
    const newline = text.indexOf('\n');
    const firstLine = newline < 0 ? (complete ? text : undefined) : text.slice(0, newline);
    if (firstLine !== undefined) {
      try {
        const first: unknown = JSON.parse(firstLine);
        if (isObject(first)) return jsonLinesFormat(first);
      } catch {
        // Not a whole object on the first line: a pretty-printed document.
      }
    }
    return 'graph_json';
  }
  return csvFormat(head);
}
