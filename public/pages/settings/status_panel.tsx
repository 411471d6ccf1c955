import { EuiDescriptionList, EuiPanel, EuiText } from '@elastic/eui';
import type { StatusResponse } from '../../../common/http_api/status';
import type { FetchState } from '../../hooks/use_fetch';

/** The Kibana and Elasticsearch versions the plugin runs against, small, at the page's foot. */
export function StatusPanel({ state }: { state: FetchState<StatusResponse> }) {
  const { data: status, error } = state;
  if (!status && !error) return null;
  return (
    <EuiPanel color="subdued" hasShadow={false} paddingSize="s" grow={false}>
      {!status ? (
        <EuiText size="xs" color="danger" data-test-subj="emtStatusError">
          Cannot reach the plugin: {error?.message}
        </EuiText>
      ) : (
        <EuiDescriptionList
          data-test-subj="emtStatus"
          type="inline"
          compressed
          listItems={[
            { title: 'Kibana', description: status.kibanaVersion },
            { title: 'Elasticsearch cluster', description: status.elasticsearch.clusterName },
            { title: 'Elasticsearch version', description: status.elasticsearch.version },
          ]}
        />
      )}
    </EuiPanel>
  );
}
