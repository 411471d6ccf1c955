import type { HttpStart } from '@kbn/core/public';
import {
  FILES_IMPORT_API_PATH,
  importFileQueryCodec,
  type FileImportSummary,
  type ImportFileQuery,
} from '../../common/http_api/files';

/**
 * The headers Kibana's http client adds to every call: `kbn-xsrf` lets a write through the XSRF
 * check, `x-elastic-internal-origin` an internal route through `server.restrictInternalApis`.
 */
const KIBANA_REQUEST_HEADERS = {
  'kbn-xsrf': 'true',
  'x-elastic-internal-origin': 'Kibana',
  'content-type': 'application/octet-stream',
};

export interface UploadProgress {
  /** Bytes of the file sent so far. */
  loaded: number;
  total: number;
}

/** A refused upload, shaped like Kibana's http errors so `statusCodeOf` reads it. */
export class UploadError extends Error {
  readonly body: { statusCode: number; message: string };
  constructor(statusCode: number, message: string) {
    super(message);
    this.body = { statusCode, message };
  }
}

export class UploadCancelledError extends Error {
  constructor() {
    super('The upload was cancelled');
  }
}

export function importUrl(http: HttpStart, query: ImportFileQuery): string {
  const encoded = importFileQueryCodec.encode(query) as Record<string, string | undefined>;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(encoded)) {
    if (value !== undefined) params.set(name, value);
  }
  const search = params.toString();
  return `${http.basePath.prepend(FILES_IMPORT_API_PATH)}${search ? `?${search}` : ''}`;
}

function failureOf(request: XMLHttpRequest): UploadError {
  let message = request.statusText || `HTTP ${request.status}`;
  try {
    const body = JSON.parse(request.responseText) as { message?: unknown };
    if (typeof body.message === 'string') message = body.message;
  } catch {
    // Not Kibana's JSON error body (a proxy's page, say): the status text says enough.
  }
  return new UploadError(request.status, message);
}

/**
 * Sends `file` as the body of an import, through Kibana's base path (which carries the space).
 * XMLHttpRequest rather than `core.http`: only it reports how much of the body has gone out.
 */
export function uploadExportFile(
  http: HttpStart,
  file: Blob,
  query: ImportFileQuery,
  { onProgress, signal }: { onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal }
): Promise<FileImportSummary> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new UploadCancelledError());
    const request = new XMLHttpRequest();
    request.open('POST', importUrl(http, query));
    for (const [name, value] of Object.entries(KIBANA_REQUEST_HEADERS)) {
      request.setRequestHeader(name, value);
    }
    request.upload.addEventListener('progress', (event) =>
      onProgress?.({
        loaded: event.loaded,
        total: event.lengthComputable ? event.total : file.size,
      })
    );
    // The last progress event may fall short of the total; `load` means every byte went.
    request.upload.addEventListener('load', () =>
      onProgress?.({ loaded: file.size, total: file.size })
    );
    request.addEventListener('load', () => {
      if (request.status < 200 || request.status >= 300) return reject(failureOf(request));
      try {
        resolve(JSON.parse(request.responseText) as FileImportSummary);
      } catch {
        reject(new UploadError(request.status, 'Kibana answered the import with no summary'));
      }
    });
    request.addEventListener('error', () =>
      reject(new Error('The connection to Kibana was lost during the upload'))
    );
    request.addEventListener('abort', () => reject(new UploadCancelledError()));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(file);
  });
}
