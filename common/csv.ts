/**
 * A CSV cell (RFC 4180). A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a
 * tab or carriage return before one) gets a leading quote, as OWASP's CSV-injection advice says.
 */
export function csvCell(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV record, ended with CRLF. */
export const csvLine = (cells: ReadonlyArray<string | number | undefined>): string =>
  `${cells.map(csvCell).join(',')}\r\n`;
