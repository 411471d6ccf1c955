import { useCallback, useEffect, useRef, useState } from 'react';
import type { CoreStart } from '@kbn/core/public';
import type { FileImportSummary, ImportFileQuery } from '../../../common/http_api/files';
import { useAppServices } from '../../components/app_services';
import { statusCodeOf } from '../../services/http_errors';
import { UploadCancelledError, uploadExportFile } from '../../services/files_api';

export interface ImportProgress {
  /** `importing`: every byte of the current file is sent; Kibana is writing its rows. */
  phase: 'uploading' | 'importing' | 'done' | 'cancelled';
  fileName: string;
  fileIndex: number;
  fileCount: number;
  /** Bytes sent over all the files, of `total`. */
  loaded: number;
  total: number;
}

export interface ImportedFile {
  fileName: string;
  summary: FileImportSummary;
}

/** The limit in the 413 Kibana gives a body whose declared length is too large (hapi's text). */
export function uploadLimitOf(message: string): number | undefined {
  const limit = /maximum allowed: (\d+)/.exec(message)?.[1];
  return limit === undefined ? undefined : Number(limit);
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

function toastFailure(core: CoreStart, fileName: string, error: unknown) {
  const { toasts } = core.notifications;
  if (statusCodeOf(error) === 413) {
    // The route's own 413 (past the limit once gunzipped, or in rows) names the limit and says
    // how much was imported; hapi's names only the bytes.
    const limit = uploadLimitOf((error as Error).message);
    const text =
      limit === undefined
        ? (error as Error).message
        : `It is larger than ${formatBytes(limit)}, the upload limit set in kibana.yml (exchange_message_trace.files.maxUploadBytes).`;
    toasts.addError(
      new Error(`${text} Split it, or import it from a configured path or with the command line.`),
      { title: `${fileName} is too large to upload` }
    );
    return;
  }
  toasts.addError(error as Error, { title: `Could not import ${fileName}` });
}

/**
 * Uploads the files one after the other, following the bytes sent over all of them; each
 * import's summary is kept, each failure is a toast and the next file goes on.
 */
export function useFileImport() {
  const { core } = useAppServices();
  const [progress, setProgress] = useState<ImportProgress>();
  const [imported, setImported] = useState<ImportedFile[]>([]);
  const running = useRef<AbortController>();
  useEffect(() => () => running.current?.abort(), []);

  const start = useCallback(
    async (files: File[], query: ImportFileQuery) => {
      const controller = new AbortController();
      running.current = controller;
      const total = files.reduce((sum, file) => sum + file.size, 0);
      let sentBefore = 0;
      setImported([]);
      for (const [fileIndex, file] of files.entries()) {
        const at = { fileName: file.name, fileIndex, fileCount: files.length, total };
        setProgress({ ...at, phase: 'uploading', loaded: sentBefore });
        try {
          const summary = await uploadExportFile(core.http, file, query, {
            signal: controller.signal,
            onProgress: ({ loaded }) =>
              setProgress({
                ...at,
                phase: loaded >= file.size ? 'importing' : 'uploading',
                loaded: sentBefore + loaded,
              }),
          });
          setImported((previous) => [...previous, { fileName: file.name, summary }]);
        } catch (error) {
          if (error instanceof UploadCancelledError) {
            setProgress((previous) => previous && { ...previous, phase: 'cancelled' });
            return;
          }
          toastFailure(core, file.name, error);
        }
        sentBefore += file.size;
      }
      setProgress((previous) => previous && { ...previous, phase: 'done', loaded: sentBefore });
    },
    [core]
  );

  const cancel = useCallback(() => running.current?.abort(), []);
  const isImporting = progress?.phase === 'uploading' || progress?.phase === 'importing';
  return { progress, imported, isImporting, start, cancel };
}
