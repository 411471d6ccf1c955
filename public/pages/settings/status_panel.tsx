import { EuiDescriptionList, EuiPanel, EuiText } from '@elastic/eui';
import type { PluginStatusState } from '../../hooks/use_plugin_status';

/** The Kibana and Elasticsearch versions the plugin runs against, small, at the page's foot. */
export function StatusPanel({ state }: { state: PluginStatusState }) {
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
