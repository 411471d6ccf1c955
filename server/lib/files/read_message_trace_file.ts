import type { FileFormat } from '../../../common/http_api/files';
import { decodeText } from './decode_text';
import { gunzipIfCompressed } from './decompress';
import { detectFormat } from './detect_format';
import { readEacReportCsv } from './eac_report_csv';
import { readGraphJson } from './graph_json';
import { readNdjson } from './ndjson';
import { peekText } from './peek_text';
import { readPowerShellCsv } from './powershell_csv';
import type { DateReading } from './received_date';
import type { FileParseOptions, FileRecord } from './types';

/** Enough to see a CSV header or a first JSON line; a longer first line is a JSON document. */
const DETECTION_CHARS = 64 * 1024;

const READERS: Record<
  FileFormat,
  (text: AsyncIterable<string>, reading: DateReading) => AsyncIterable<FileRecord>
> = {
  powershell_csv: readPowerShellCsv,
  eac_report_csv: readEacReportCsv,
  graph_json: readGraphJson,
  graph_ndjson: readNdjson,
  legacy_ndjson: readNdjson,
};

export interface MessageTraceFile {
  format: FileFormat;
  /** Rows in file order; a FileFormatError ends them when the rest cannot be read. */
  records: AsyncIterable<FileRecord>;
}

/**
 * Opens an export for reading, streamed: gunzipped when compressed, decoded (UTF-8 or UTF-16,
 * with or without a BOM), its format detected unless given. Throws a FileFormatError when the
 * format is unknown; gunzipping more than `maxGunzippedBytes` throws an UploadLimitError.
 */
export async function readMessageTraceFile(
  source: AsyncIterable<unknown>,
  options: FileParseOptions & { maxGunzippedBytes?: number } = {}
): Promise<MessageTraceFile> {
  const bytes = gunzipIfCompressed(source, options.maxGunzippedBytes);
  const peeked = await peekText(decodeText(bytes), DETECTION_CHARS);
  const format = options.format ?? detectFormat(peeked.head, peeked.complete);
  const reading: DateReading = { timeZone: options.timeZone, dateCulture: options.dateCulture };
  return { format, records: READERS[format](peeked.text, reading) };
}
