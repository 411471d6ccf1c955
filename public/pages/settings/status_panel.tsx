import { useEffect, useState } from 'react';
import { EuiDescriptionList, EuiPanel, EuiText } from '@elastic/eui';
import type { StatusResponse } from '../../../common/http_api/status';
import { useAppServices } from '../../components/app_services';

type StatusState =
  | { kind: 'loading' }
  | { kind: 'loaded'; status: StatusResponse }
  | { kind: 'failed'; message: string };

/** The Kibana and Elasticsearch versions the plugin runs against, small, at the page's foot. */
export function StatusPanel() {
  const { api } = useAppServices();
  const [state, setState] = useState<StatusState>({ kind: 'loading' });

  useEffect(() => {
    let current = true;
    api.status().then(
      (status) => current && setState({ kind: 'loaded', status }),
      (error: Error) => current && setState({ kind: 'failed', message: error.message })
    );
    return () => {
      current = false;
    };
  }, [api]);

  if (state.kind === 'loading') return null;
  return (
    <EuiPanel color="subdued" hasShadow={false} paddingSize="s" grow={false}>
      {state.kind === 'failed' ? (
        <EuiText size="xs" color="danger" data-test-subj="emtStatusError">
          Cannot reach the plugin: {state.message}
        </EuiText>
      ) : (
        <EuiDescriptionList
          data-test-subj="emtStatus"
          type="inline"
          compressed
          listItems={[
            { title: 'Kibana', description: state.status.kibanaVersion },
            { title: 'Elasticsearch cluster', description: state.status.elasticsearch.clusterName },
            { title: 'Elasticsearch version', description: state.status.elasticsearch.version },
          ]}
        />
      )}
    </EuiPanel>
  );
}
