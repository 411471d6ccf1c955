import { csvLine } from '../../../common/csv';
import type { RejectedRow } from '../../../common/http_api/files';
import { downloadFile } from '../../services/download_file';

/** The rejected rows as CSV: the file, each row's line in it and why it was not imported. */
export function rejectedRowsCsv(fileName: string, rows: RejectedRow[]): string {
  const lines = [
    ['file', 'line', 'reason'],
    ...rows.map(({ line, reason }) => [fileName, line, reason]),
  ];
  return lines.map(csvLine).join('');
}

/** `trace.csv` → `trace-rejected-rows.csv`. */
export function rejectedRowsFileName(fileName: string): string {
  return `${fileName.replace(/\.[^.]*$/, '')}-rejected-rows.csv`;
}

/** Hands the CSV to the browser as a download, without a round trip to Kibana. */
export function downloadRejectedRows(fileName: string, rows: RejectedRow[]) {
  downloadFile(rejectedRowsFileName(fileName), rejectedRowsCsv(fileName, rows), 'text/csv');
}
