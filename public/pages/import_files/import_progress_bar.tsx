import { EuiProgress } from '@elastic/eui';
import { formatBytes, type ImportProgress } from './use_file_import';

function labelOf({ phase, fileName, fileIndex, fileCount }: ImportProgress): string {
  const position = fileCount > 1 ? ` (${fileIndex + 1} of ${fileCount})` : '';
  switch (phase) {
    case 'uploading':
      return `Uploading ${fileName}${position}`;
    case 'importing':
      return `Importing ${fileName}${position} into Elasticsearch`;
    case 'done':
      return fileCount > 1 ? `Uploaded ${fileCount} files` : `Uploaded ${fileName}`;
    case 'cancelled':
      return `Cancelled while uploading ${fileName}`;
  }
}

/** Bytes sent over all the chosen files; the bar is full once the last byte has gone. */
export function ImportProgressBar({ progress }: { progress: ImportProgress }) {
  return (
    <EuiProgress
      value={progress.loaded}
      max={Math.max(progress.total, 1)}
      size="m"
      color={progress.phase === 'cancelled' ? 'warning' : 'primary'}
      label={labelOf(progress)}
      valueText={`${formatBytes(progress.loaded)} of ${formatBytes(progress.total)}`}
      data-test-subj="emtImportProgress"
      data-phase={progress.phase}
    />
  );
}
