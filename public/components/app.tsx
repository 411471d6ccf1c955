import { useEffect, useState } from 'react';
import { Router } from 'react-router-dom';
import { EuiCallOut, EuiDescriptionList, EuiLoadingSpinner, EuiPageTemplate } from '@elastic/eui';
import type { CoreStart, ScopedHistory } from '@kbn/core/public';
import { PLUGIN_NAME, STATUS_API_PATH } from '../../common/constants';
import type { StatusResponse } from '../../common/http_api/status';

interface AppProps {
  core: CoreStart;
  history: ScopedHistory;
}

type StatusState =
  | { kind: 'loading' }
  | { kind: 'loaded'; status: StatusResponse }
  | { kind: 'failed'; message: string };

export function App({ core, history }: AppProps) {
  const [state, setState] = useState<StatusState>({ kind: 'loading' });

  useEffect(() => {
    core.chrome.setBreadcrumbs([{ text: PLUGIN_NAME }]);
    core.http
      .get<StatusResponse>(STATUS_API_PATH)
      .then((status) => setState({ kind: 'loaded', status }))
      .catch((error: Error) => setState({ kind: 'failed', message: error.message }));
  }, [core]);

  return (
    <Router history={history}>
      <EuiPageTemplate restrictWidth={false} data-test-subj="emtApp">
        <EuiPageTemplate.Header pageTitle={PLUGIN_NAME} iconType="email" />
        <EuiPageTemplate.Section>
          {state.kind === 'loading' && <EuiLoadingSpinner size="l" />}
          {state.kind === 'failed' && (
            <EuiCallOut color="danger" iconType="error" title="Cannot reach the plugin">
              {state.message}
            </EuiCallOut>
          )}
          {state.kind === 'loaded' && (
            <EuiDescriptionList
              data-test-subj="emtStatus"
              type="column"
              listItems={[
                { title: 'Kibana', description: state.status.kibanaVersion },
                {
                  title: 'Elasticsearch cluster',
                  description: state.status.elasticsearch.clusterName,
                },
                { title: 'Elasticsearch version', description: state.status.elasticsearch.version },
              ]}
            />
          )}
        </EuiPageTemplate.Section>
      </EuiPageTemplate>
    </Router>
  );
}
