import { EuiPageTemplate } from '@elastic/eui';

/** Kibana's page for an unknown app, or one the user's privileges do not grant. */
export function AppNotFound() {
  return (
    <EuiPageTemplate data-test-subj="appNotFoundPageContent" grow>
      <EuiPageTemplate.EmptyPrompt
        iconType="warning"
        iconColor="danger"
        title={<h2>Application Not Found</h2>}
        body={
          <p>
            No application was found at this URL. Try navigating back or choosing an app from the
            menu.
          </p>
        }
      />
    </EuiPageTemplate>
  );
}
