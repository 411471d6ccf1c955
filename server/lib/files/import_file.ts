import { MAX_REJECTED_SAMPLES, type FileImportSummary } from '../../../common/http_api/files';
import {
  createMessageTraceMapper,
  type MessageTraceMappingOptions,
} from '../ecs/message_trace_document';
import type { IdentifiedDocument } from '../ecs/types';
import { writeDocuments, type WriteFailure, type WriterClient } from '../writer/bulk_writer';
import { isAuthorizationStatus, isRetryableStatus } from '../writer/es_errors';
import { readMessageTraceFile } from './read_message_trace_file';
import { FileFormatError, type FileParseOptions } from './types';
import { UploadLimitError, type UploadLimits } from './upload_limits';

export interface ImportFileOptions extends FileParseOptions {
  /** Handed in: the user's own client for an upload, the connection's for configured paths. */
  client: WriterClient;
  dataStream: string;
  mapping: MessageTraceMappingOptions;
  /** Ingest pipeline (GeoIP when installed); default `_none`. */
  pipeline?: string;
  /** Stops the import between two rows; the rows already written stay. */
  signal?: AbortSignal;
  /** Bounds of an upload; files Kibana reads from its own paths have none. */
  limits?: UploadLimits;
  /** Rows per duplicate look-up and bulk request; default 1000 (the collector's trade-off). */
  chunkSize?: number;
  /** After each chunk is written. */
  onProgress?: (summary: FileImportSummary) => void;
  /** Turns a line of what is read into a line of the file (a read resumed mid-file). */
  fileLine?: (line: number) => number;
}

/**
 * Elasticsearch could not take a chunk now (unreachable, overloaded, credentials refused): the
 * import stops, `summary` says what was stored before. Importing the file again is harmless.
 */
export class FileImportWriteError extends Error {
  constructor(
    readonly failure: WriteFailure,
    readonly summary: FileImportSummary
  ) {
    super(
      `Elasticsearch did not store documents (${failure.status}: ${failure.reason}); ${summary.documentsCreated} were stored before, importing the file again adds only the rest`
    );
  }
}

function importedBefore(summary: FileImportSummary | undefined, lastLine: number | undefined) {
  if (!summary || summary.rows === 0 || lastLine === undefined) return 'Nothing was imported.';
  return (
    `The ${summary.rows} rows before it, the last starting at line ${lastLine}, were read: ` +
    `${summary.documentsCreated} created, ${summary.alreadyPresent} already present, ` +
    `${summary.rejectedCount} rejected. Nothing after that row was written.`
  );
}

/**
 * An upload went past one of its limits: the rows read before it are imported (`summary`; none
 * when the limit came before the first row), nothing after them is, and reading stopped there.
 */
export class FileImportLimitError extends Error {
  constructor(
    readonly limit: UploadLimitError,
    readonly summary: FileImportSummary | undefined,
    readonly lastLine: number | undefined
  ) {
    super(`${limit.message}. ${importedBefore(summary, lastLine)}`);
  }
}

interface PendingRow {
  line: number;
  document: IdentifiedDocument;
}

const stopsTheImport = (failure: WriteFailure) =>
  failure.status === 0 ||
  isRetryableStatus(failure.status) ||
  isAuthorizationStatus(failure.status);

/**
 * Reads an export and writes its rows as the collector's documents, in chunks, exactly once per
 * `_id`: a file imported again, or rows the collector already wrote, add nothing. Bad rows are
 * counted with their line and reason; the rest go in.
 */
export async function importFile(
  source: AsyncIterable<unknown>,
  options: ImportFileOptions
): Promise<FileImportSummary> {
  const fileLine = options.fileLine ?? ((line: number) => line);
  const map = createMessageTraceMapper(options.mapping);
  const maxRows = options.limits?.maxRows ?? Infinity;
  const file = await readMessageTraceFile(source, {
    ...options,
    maxGunzippedBytes: options.limits?.maxBytes,
  }).catch((error: unknown) => {
    throw error instanceof UploadLimitError
      ? new FileImportLimitError(error, undefined, undefined)
      : error;
  });
  const summary: FileImportSummary = {
    format: file.format,
    rows: 0,
    documentsCreated: 0,
    alreadyPresent: 0,
    rejectedCount: 0,
    rejected: [],
    dataStream: options.dataStream,
  };
  const reject = (line: number, reason: string) => {
    summary.rows += 1;
    summary.rejectedCount += 1;
    if (summary.rejected.length < MAX_REJECTED_SAMPLES) {
      summary.rejected.push({ line: fileLine(line), reason });
    }
  };

  let pending: PendingRow[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    const result = await writeDocuments(
      options.client,
      options.dataStream,
      rows.map((row) => row.document),
      { signal: options.signal, pipeline: options.pipeline, chunkSize: rows.length }
    );
    const stopping = result.failed.find(stopsTheImport);
    if (stopping) throw new FileImportWriteError(stopping, summary);
    summary.documentsCreated += result.created;
    summary.alreadyPresent += result.alreadyPresent;
    summary.rows += result.created + result.alreadyPresent;
    const refused = new Map(result.failed.map((failure) => [failure._id, failure]));
    for (const row of rows) {
      const failure = refused.get(row.document._id);
      if (!failure) continue;
      // One failure per _id: a second row with the same _id was counted as already present.
      refused.delete(row.document._id);
      reject(row.line, `Elasticsearch refused the document: ${failure.status}: ${failure.reason}`);
    }
    options.onProgress?.(summary);
  };

  let rowsRead = 0;
  let lastLine: number | undefined;
  try {
    for await (const record of file.records) {
      // Per row, not per chunk: rejected rows never reach a chunk, and a file of them costs too.
      options.signal?.throwIfAborted();
      if (rowsRead === maxRows) throw new UploadLimitError('rows', maxRows);
      rowsRead += 1;
      lastLine = fileLine(record.line);
      if ('reason' in record) {
        reject(record.line, record.reason);
        continue;
      }
      try {
        pending.push({ line: record.line, document: map(record.trace) });
      } catch (error) {
        reject(record.line, (error as Error).message);
      }
      if (pending.length >= (options.chunkSize ?? 1000)) await flush();
    }
  } catch (error) {
    if (error instanceof UploadLimitError) {
      await flush();
      throw new FileImportLimitError(error, summary, lastLine);
    }
    // Rows before a truncated end are worth keeping; a file not read at all is the caller's error.
    if (!(error instanceof FileFormatError) || summary.rows + pending.length === 0) throw error;
    await flush();
    reject(error.line ?? 0, `${error.message}; the rest of the file was not read`);
    return summary;
  }
  await flush();
  return summary;
}
