import { useMemo } from 'react';
import {
  EuiFlexGroup,
  EuiFlexItem,
  EuiPageTemplate,
  EuiPanel,
  EuiSpacer,
  EuiTitle,
} from '@elastic/eui';
import { TRANSIENT_STATUSES, UNDELIVERED_STATUSES } from '../../../common/message_status';
import { useAppServices } from '../../components/app_services';
import { DownloadCsvButton } from '../../components/download_csv_button';
import { LatestStatusNote } from '../../components/latest_status_note';
import { useViewScope } from '../../components/view_filters/use_view_scope';
import { ViewFilters } from '../../components/view_filters/view_filters';
import { ViewErrorCallOut } from '../../components/view_error_call_out';
import { useFetch } from '../../hooks/use_fetch';
import { useOpenMessages } from '../../hooks/use_open_messages';
import { createViewsApi } from '../../services/views_api';
import { pagingOf, pagingParams, searchRequestOf } from '../messages/message_search_state';
import { MessagesTable } from '../messages/messages_table';
import { FailureTables } from './failure_tables';
import { StatusHistogram } from './status_histogram';
import { StatusTotals } from './status_totals';

const UNDELIVERED = [...UNDELIVERED_STATUSES, ...TRANSIENT_STATUSES];

/** Where mail went: totals and rates, over time, by direction, what fails, and what is stuck. */
export function DeliveryStatusPage() {
  const { core } = useAppServices();
  const api = useMemo(() => createViewsApi(core.http), [core]);
  const controls = useViewScope();
  const { params, setParams, scope, setTime } = controls;
  const openMessages = useOpenMessages();
  const status = useFetch(scope && JSON.stringify(scope), (signal) =>
    api.deliveryStatus(scope!, signal)
  );
  const paging = useMemo(() => pagingOf(params), [params]);
  const undeliveredRequest = scope && searchRequestOf(scope, { statuses: UNDELIVERED }, paging);
  const undelivered = useFetch(undeliveredRequest && JSON.stringify(undeliveredRequest), (signal) =>
    api.searchMessages(undeliveredRequest!, signal)
  );
  const data = status.data;
  return (
    <EuiPageTemplate.Section data-test-subj="emtDeliveryStatusPage">
      <ViewFilters controls={controls} isLoading={status.loading} />
      <EuiSpacer size="m" />
      {status.error && (
        <ViewErrorCallOut
          title="The delivery status could not be loaded"
          error={status.error}
          data-test-subj="emtViewError"
        />
      )}
      {data && (
        <>
          <LatestStatusNote quality={data.latestStatus} />
          <StatusTotals
            data={data}
            onOpen={(statuses) => openMessages({ statuses: statuses.join(',') || undefined })}
          />
          <EuiSpacer size="m" />
          <EuiPanel paddingSize="s" hasBorder>
            <EuiTitle size="xxs">
              <h3>Messages over time, by status</h3>
            </EuiTitle>
            <StatusHistogram
              histogram={data.histogram}
              onBrush={(startMs, endMs) =>
                setTime(new Date(startMs).toISOString(), new Date(endMs).toISOString())
              }
            />
          </EuiPanel>
          <EuiSpacer size="m" />
          <FailureTables
            data={data}
            onRecipient={(recipient) => openMessages({ recipient, statuses: 'failed' })}
            onDomain={(domain) => openMessages({ recipient: domain, statuses: 'failed' })}
          />
          <EuiSpacer size="m" />
        </>
      )}
      {scope && (
        <EuiPanel paddingSize="s" hasBorder>
          <EuiFlexGroup justifyContent="spaceBetween" alignItems="center" responsive={false}>
            <EuiFlexItem grow={false}>
              <EuiTitle size="xxs">
                <h3>Undelivered messages</h3>
              </EuiTitle>
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <DownloadCsvButton
                request={{ ...scope, statuses: UNDELIVERED }}
                fileName="undelivered.csv"
                data-test-subj="emtUndeliveredDownloadCsv"
              />
            </EuiFlexItem>
          </EuiFlexGroup>
          <MessagesTable
            rows={undelivered.data?.rows ?? []}
            total={undelivered.data?.total ?? 0}
            {...paging}
            loading={undelivered.loading}
            // The same failure is said once, in the callout above.
            error={status.error ? undefined : undelivered.error?.message}
            onChange={(change) => setParams(pagingParams(change))}
            onOpen={(row) =>
              openMessages({
                traceId: undefined,
                detail: row.traceId,
                detailConnection: row.connectionId,
              })
            }
            showFailures
            data-test-subj="emtUndeliveredTable"
          />
        </EuiPanel>
      )}
    </EuiPageTemplate.Section>
  );
}
