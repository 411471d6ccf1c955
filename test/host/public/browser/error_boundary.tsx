import { Component, type ReactNode } from 'react';
import { EuiButton, EuiEmptyPrompt } from '@elastic/eui';

interface State {
  error?: Error;
}

/** Like Kibana's KibanaErrorBoundary: a render error shows a prompt instead of a blank page. */
export class ErrorBoundary extends Component<{ children?: ReactNode }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <EuiEmptyPrompt
        color="danger"
        iconType="error"
        data-test-subj="errorBoundaryFatalPrompt"
        title={<h2>Unable to load page</h2>}
        body={
          <>
            <p>Try refreshing the page to resolve the issue.</p>
            <p>
              <code>{error.message}</code>
            </p>
          </>
        }
        actions={
          <EuiButton fill iconType="refresh" onClick={() => window.location.reload()}>
            Refresh
          </EuiButton>
        }
      />
    );
  }
}
