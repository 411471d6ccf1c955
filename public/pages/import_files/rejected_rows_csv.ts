import type { RejectedRow } from '../../../common/http_api/files';

/** A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) gets a leading quote. */
function csvCell(value: string | number): string {
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The rejected rows as CSV: the file, each row's line in it and why it was not imported. */
export function rejectedRowsCsv(fileName: string, rows: RejectedRow[]): string {
  const lines = [
    ['file', 'line', 'reason'],
    ...rows.map(({ line, reason }) => [fileName, line, reason]),
  ];
  return `${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** `trace.csv` → `trace-rejected-rows.csv`. */
export function rejectedRowsFileName(fileName: string): string {
  return `${fileName.replace(/\.[^.]*$/, '')}-rejected-rows.csv`;
}

/** Hands the CSV to the browser as a download, without a round trip to Kibana. */
export function downloadRejectedRows(fileName: string, rows: RejectedRow[]) {
  const blob = new Blob([rejectedRowsCsv(fileName, rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = rejectedRowsFileName(fileName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click() returns; it is small, so it may wait.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
