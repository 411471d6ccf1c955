import type { DateCulture, FileFormat } from '../../../common/http_api/files';
import type { GraphMessageTrace } from '../../../common/graph/message_trace';

export interface FileParseOptions {
  /** Skips detection. */
  format?: FileFormat;
  /** IANA name; times written without a zone are read in it. Default: UTC. */
  timeZone?: string;
  /** How Windows PowerShell 5.1 wrote dates. Default en-US. */
  dateCulture?: DateCulture;
}

/** One row of a file: a trace, or why it cannot be one. `line` is where the row starts (1-based). */
export type FileRecord =
  | { line: number; trace: GraphMessageTrace }
  | { line: number; reason: string };

export function isRejected(record: FileRecord): record is { line: number; reason: string } {
  return 'reason' in record;
}

/**
 * A file that cannot be read (unknown format), or whose rest cannot be (a truncated JSON
 * document, an unclosed quote): unlike a bad row, nothing after `line` can be read.
 */
export class FileFormatError extends Error {
  constructor(
    message: string,
    readonly line?: number
  ) {
    super(message);
  }
}
