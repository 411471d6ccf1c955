import { render, screen } from '@testing-library/react';
import { createMemoryHistory } from 'history';
import type { ScopedHistory } from '@kbn/core/public';
import { PLUGIN_NAME, STATUS_API_PATH } from '../../common/constants';
import { CONNECTIONS_API_PATH } from '../../common/http_api/connections';
import { connectionView } from '../test_support/connection_fixtures';
import { createFakeCore, createFakeHttp } from '../test_support/fake_core';
import { App } from './app';

function renderApp(connections: unknown[]) {
  const { http } = createFakeHttp({
    [`GET ${CONNECTIONS_API_PATH}`]: () => ({ connections }),
    [`GET ${STATUS_API_PATH}`]: () => ({
      kibanaVersion: '9.5.3',
      elasticsearch: { clusterName: 'test-cluster', version: '9.5.0' },
      canEncrypt: true,
    }),
  });
  const { core, breadcrumbs, docTitles } = createFakeCore({ http, canManage: false });
  const history = createMemoryHistory({ initialEntries: ['/'] });
  render(
    core.rendering.addContext(<App core={core} history={history as unknown as ScopedHistory} />)
  );
  return { history, breadcrumbs, docTitles };
}

describe('the app shell', () => {
  it('opens the settings page from the app root while there is no connection', async () => {
    const { history, breadcrumbs, docTitles } = renderApp([]);

    await screen.findByTestId('emtSettingsPage');
    expect(history.location.pathname).toBe('/settings');
    expect(breadcrumbs.at(-1)?.map((crumb) => crumb.text)).toEqual([PLUGIN_NAME, 'Settings']);
    // The app's name leads to its root, which opens the page for what is set up.
    expect(breadcrumbs.at(-1)?.[0]?.href).toBe('/');
    // The browser tab names the page (Kibana's docTitle appends its base title).
    expect(docTitles.at(-1)).toEqual(['Settings', PLUGIN_NAME]);
    expect(screen.getByTestId('emtTab-settings').getAttribute('aria-selected')).toBe('true');
    expect((await screen.findByTestId('emtStatus')).textContent).toContain('9.5.3');
  });

  it('opens Delivery status for a read user once there is a connection', async () => {
    const { history, docTitles } = renderApp([connectionView()]);
    await screen.findByTestId('emtDeliveryStatusPage');
    expect(history.location.pathname).toBe('/delivery_status');
    expect(docTitles.at(-1)).toEqual(['Delivery status', PLUGIN_NAME]);
  });
});
