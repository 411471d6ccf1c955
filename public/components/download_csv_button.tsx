import { useState } from 'react';
import { EuiButtonEmpty, EuiToolTip } from '@elastic/eui';
import { MAX_EXPORT_ROWS, type MessageExportRequest } from '../../common/http_api/message_export';
import { createViewsApi } from '../services/views_api';
import { downloadFile } from '../services/download_file';
import { formatCount } from '../pages/settings/format';
import { useAppServices } from './app_services';

/**
 * "Download CSV" of a messages search: the server streams the rows (at most MAX_EXPORT_ROWS, which
 * the tooltip states), the browser saves them; a cut export says so in a toast.
 */
export function DownloadCsvButton({
  request,
  fileName,
  'data-test-subj': testSubj = 'emtDownloadCsv',
}: {
  request: MessageExportRequest | undefined;
  fileName: string;
  'data-test-subj'?: string;
}) {
  const { core } = useAppServices();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    if (!request) return;
    setBusy(true);
    try {
      const { csv, total, rowCap } = await createViewsApi(core.http).exportMessages(request);
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
      content={`Every row in its latest status, newest first, up to ${formatCount(MAX_EXPORT_ROWS)} rows; columns as the Exchange admin center's message trace report.`}
    >
      <EuiButtonEmpty
        size="s"
        iconType="download"
        isLoading={busy}
        isDisabled={!request}
        onClick={download}
        data-test-subj={testSubj}
      >
        Download CSV
      </EuiButtonEmpty>
    </EuiToolTip>
  );
}
