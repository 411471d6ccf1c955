import { EuiCallOut, EuiCodeBlock, EuiLoadingSpinner } from '@elastic/eui';
import { useFetch } from '../../hooks/use_fetch';
import type { ViewsApi } from '../../services/views_api';

/** The message's stored documents (one per recipient and status), as Elasticsearch holds them. */
export function MessageDocuments({
  api,
  traceId,
  connectionId,
}: {
  api: ViewsApi;
  traceId: string;
  connectionId?: string;
}) {
  const { data, error, loading } = useFetch(`${traceId}|${connectionId ?? ''}`, (signal) =>
    api.messageDetail(
      { traceId, withDocuments: true, ...(connectionId ? { connectionIds: [connectionId] } : {}) },
      signal
    )
  );
  if (loading && !data) return <EuiLoadingSpinner size="l" />;
  if (error) {
    return (
      <EuiCallOut color="danger" iconType="error" title="The documents could not be read">
        {error.message}
      </EuiCallOut>
    );
  }
  return (
    <div data-test-subj="emtMessageJson">
      <EuiCodeBlock language="json" fontSize="s" paddingSize="s" isCopyable overflowHeight={600}>
        {JSON.stringify(data?.documents ?? [], null, 2)}
      </EuiCodeBlock>
    </div>
  );
}
