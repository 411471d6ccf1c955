import { useState } from 'react';
import { EuiButtonEmpty, EuiToolTip } from '@elastic/eui';
import { MAX_EXPORT_ROWS, type MessageExportRequest } from '../../common/http_api/message_export';
import { MAX_SCORED_SENDERS, type SuspiciousSendersRequest } from '../../common/http_api/views';
import { createViewsApi } from '../services/views_api';
import { downloadFile } from '../services/download_file';
import { formatCount } from '../pages/settings/format';
import { useAppServices } from './app_services';

/** What is exported: a messages search's rows, or the senders' ranking (`senders`). */
type ExportOf =
  | { request: MessageExportRequest | undefined; senders?: undefined }
  | { senders: SuspiciousSendersRequest | undefined; request?: undefined };

/**
 * "Download CSV" of a messages search or of the senders' ranking: the server makes the CSV (at most
 * MAX_EXPORT_ROWS rows, or MAX_SCORED_SENDERS senders, which the tooltip states), the browser saves
 * it; a cut export says so in a toast.
 */
export function DownloadCsvButton({
  request,
  senders,
  fileName,
  'data-test-subj': testSubj = 'emtDownloadCsv',
}: ExportOf & {
  fileName: string;
  'data-test-subj'?: string;
}) {
  const { core } = useAppServices();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    if (!request && !senders) return;
    setBusy(true);
    try {
      const api = createViewsApi(core.http);
      const { csv, total, rowCap } = senders
        ? await api.exportSenders(senders)
        : await api.exportMessages(request!);
      downloadFile(fileName, csv, 'text/csv');
      if (total > rowCap) {
        core.notifications.toasts.addWarning({
          title: `The CSV holds the newest ${formatCount(rowCap)} of ${formatCount(total)} rows`,
          text: 'Narrow the time range or the search to export the rest.',
        });
      }
    } catch (error) {
      core.notifications.toasts.addError(error as Error, { title: 'The CSV could not be made' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <EuiToolTip
      content={
        senders
          ? `Every ranked sender on every page, in this order and reason filter: at most the ${formatCount(MAX_SCORED_SENDERS)} senders a ranking scores; with reasons, source IPs and known-good marks.`
          : `Every row in its latest status, newest first, up to ${formatCount(MAX_EXPORT_ROWS)} rows; columns as the Exchange admin center's message trace report.`
      }
    >
      <EuiButtonEmpty
        size="s"
        iconType="download"
        isLoading={busy}
        isDisabled={!request && !senders}
        onClick={download}
        data-test-subj={testSubj}
      >
        Download CSV
      </EuiButtonEmpty>
    </EuiToolTip>
  );
}
