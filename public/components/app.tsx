import { useEffect, useMemo, type ComponentType } from 'react';
import { Route, Router, Switch, matchPath, useHistory, useLocation } from 'react-router-dom';
import { EuiPageTemplate } from '@elastic/eui';
import type { CoreStart, ScopedHistory } from '@kbn/core/public';
import { PLUGIN_NAME } from '../../common/constants';
import { pagesFor, type AppPageId } from '../app_pages';
import { CampaignPage } from '../pages/campaign/campaign_page';
import { DeliveryStatusPage } from '../pages/delivery_status/delivery_status_page';
import { ImportFilesPage } from '../pages/import_files/import_files_page';
import { MessagesPage } from '../pages/messages/messages_page';
import { SettingsPage } from '../pages/settings/settings_page';
import { SuspiciousSendersPage } from '../pages/suspicious_senders/suspicious_senders_page';
import { createConnectionsApi } from '../services/connections_api';
import { createDateFormatter } from '../services/date_format';
import { AppServicesProvider, canManageConnections, useAppServices } from './app_services';
import { LandingRedirect } from './landing_redirect';
import { viewScopeSearch } from './view_filters/use_view_scope';

/** Each page of APP_PAGES, by id; a new page is one entry there and one here. */
const PAGE_COMPONENTS: Record<AppPageId, ComponentType> = {
  delivery_status: DeliveryStatusPage,
  suspicious_senders: SuspiciousSendersPage,
  messages: MessagesPage,
  campaign: CampaignPage,
  settings: SettingsPage,
  import: ImportFilesPage,
};

interface AppProps {
  core: CoreStart;
  history: ScopedHistory;
  /** Kibana's alerting UI (triggersActionsUi) is enabled. */
  alertingUi?: boolean;
}

export function App({ core, history, alertingUi = false }: AppProps) {
  const services = useMemo(
    () => ({
      core,
      api: createConnectionsApi(core.http),
      canManage: canManageConnections(core),
      formatDate: createDateFormatter(core.uiSettings),
      canCreateRules: alertingUi && canManageConnections(core),
    }),
    [core, alertingUi]
  );
  return (
    <Router history={history}>
      <AppServicesProvider services={services}>
        <AppLayout />
      </AppServicesProvider>
    </Router>
  );
}

/** Kibana's page template: the app's title with a tab per page, breadcrumbs in the chrome. */
function AppLayout() {
  const { core, canManage } = useAppServices();
  const history = useHistory();
  const { pathname, search } = useLocation();
  const pages = pagesFor(canManage);
  const current = pages.find((page) => matchPath(pathname, { path: page.path }));

  useEffect(() => {
    core.chrome.setBreadcrumbs([
      {
        text: PLUGIN_NAME,
        href: history.createHref({ pathname: '/' }),
        onClick: (event) => {
          event.preventDefault();
          history.push('/');
        },
      },
      ...(current ? [{ text: current.title }] : []),
    ]);
    // The browser tab names the page, as Kibana's apps do (Kibana appends its own base title).
    core.chrome.docTitle.change(current ? [current.title, PLUGIN_NAME] : PLUGIN_NAME);
  }, [core, history, current]);

  return (
    <EuiPageTemplate restrictWidth={false} data-test-subj="emtApp">
      <EuiPageTemplate.Header
        pageTitle={PLUGIN_NAME}
        iconType="email"
        tabs={pages.map((page) => ({
          label: page.title,
          isSelected: page === current,
          onClick: () => history.push({ pathname: page.path, search: viewScopeSearch(search) }),
          'data-test-subj': `emtTab-${page.id}`,
        }))}
      />
      <Switch>
        {pages.map((page) => (
          <Route key={page.id} path={page.path} component={PAGE_COMPONENTS[page.id]} />
        ))}
        <Route>
          <LandingRedirect />
        </Route>
      </Switch>
    </EuiPageTemplate>
  );
}
