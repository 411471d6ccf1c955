import { useMemo } from 'react';
import {
  EuiButtonEmpty,
  EuiFlexGroup,
  EuiFlexItem,
  EuiPageTemplate,
  EuiSpacer,
  EuiText,
  EuiToolTip,
} from '@elastic/eui';
import { discoverPath } from '../../../common/discover_link';
import type { MessageRow } from '../../../common/http_api/views';
import { useAppServices } from '../../components/app_services';
import { DownloadCsvButton } from '../../components/download_csv_button';
import { LatestStatusNote } from '../../components/latest_status_note';
import { ViewErrorCallOut } from '../../components/view_error_call_out';
import { useViewScope } from '../../components/view_filters/use_view_scope';
import { ViewFilters } from '../../components/view_filters/view_filters';
import { useFetch } from '../../hooks/use_fetch';
import { createViewsApi } from '../../services/views_api';
import { formatCount } from '../settings/format';
import { MessageFlyout } from './message_flyout';
import {
  pagingOf,
  pagingParams,
  searchFieldsOf,
  searchParams,
  searchRequestOf,
} from './message_search_state';
import { MessagesTable } from './messages_table';
import { SearchForm } from './search_form';
import { useSearchDraft } from './use_search_draft';

/** Search rows by sender, recipient, subject, message ID, status and IP; open one to see it all. */
export function MessagesPage() {
  const { core } = useAppServices();
  const api = useMemo(() => createViewsApi(core.http), [core]);
  const controls = useViewScope();
  const { params, setParams, scope } = controls;
  const fields = useMemo(() => searchFieldsOf(params), [params]);
  const paging = useMemo(() => pagingOf(params), [params]);
  const [draft, setDraft] = useSearchDraft(fields);
  const request = scope && searchRequestOf(scope, fields, paging);
  const { data, error, loading } = useFetch(request && JSON.stringify(request), (signal) =>
    api.searchMessages(request!, signal)
  );
  const open = (row: MessageRow) =>
    setParams({ detail: row.traceId, detailConnection: row.connectionId });
  const discover =
    scope && data && core.http.basePath.prepend(discoverPath(data.index, { ...scope, ...fields }));

  return (
    <EuiPageTemplate.Section data-test-subj="emtMessagesPage">
      <ViewFilters controls={controls} isLoading={loading} pendingParams={searchParams(draft)} />
      <EuiSpacer size="m" />
      <SearchForm
        draft={draft}
        setDraft={setDraft}
        onSearch={() => setParams({ ...searchParams(draft), page: undefined })}
      />
      <EuiSpacer size="m" />
      {error && (
        <ViewErrorCallOut
          title="The messages could not be searched"
          error={error}
          data-test-subj="emtMessagesError"
        />
      )}
      {scope && !error && (
        <>
          <EuiFlexGroup justifyContent="spaceBetween" alignItems="center" responsive={false}>
            <EuiFlexItem grow={false}>
              <EuiText size="s" data-test-subj="emtMessagesTotal">
                {data ? `${formatCount(data.total)} messages` : ' '}
              </EuiText>
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <DownloadCsvButton
                request={scope && { ...scope, ...fields }}
                fileName="messages.csv"
              />
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              {discover && (
                <EuiToolTip content="Discover lists every observation: a message seen in two statuses appears twice there.">
                  <EuiButtonEmpty
                    size="s"
                    iconType="discoverApp"
                    href={discover}
                    data-test-subj="emtOpenInDiscover"
                  >
                    Open in Discover
                  </EuiButtonEmpty>
                </EuiToolTip>
              )}
            </EuiFlexItem>
          </EuiFlexGroup>
          {data && <LatestStatusNote quality={data.latestStatus} />}
          <MessagesTable
            rows={data?.rows ?? []}
            total={data?.total ?? 0}
            {...paging}
            loading={loading}
            onChange={(change) => setParams(pagingParams(change))}
            onOpen={open}
          />
        </>
      )}
      {params.detail && (
        <MessageFlyout
          api={api}
          traceId={params.detail}
          connectionId={params.detailConnection}
          onClose={() => setParams({ detail: undefined, detailConnection: undefined })}
        />
      )}
    </EuiPageTemplate.Section>
  );
}
