import { act, fireEvent, screen } from '@testing-library/react';
import { CONNECTIONS_API_PATH, type ConnectionView } from '../../common/http_api/connections';
import { connectionView } from '../test_support/connection_fixtures';
import { renderWithServices } from '../test_support/fake_core';
import { CollectionHealth, connectionsInScope, freshnessText } from './collection_health';
import { useViewScope } from './view_filters/use_view_scope';

const MINUTE = 60_000;
const NOW = Date.parse('2026-12-02T01:15:00.000Z');

const failingKey = connectionView({
  id: 'c2',
  settings: { ...connectionView().settings, name: 'Fabrikam', namespace: 'fabrikam' },
  status: {
    ...connectionView().status,
    lastError: {
      kind: 'reauthorize',
      message:
        'Elasticsearch refused to store documents with this connection’s credentials (403: action [indices:data/write/bulk[s]] is unauthorized for API key id [VuaCfGcBCdbkQm-e5aOx] of user [mail_admin])',
      at: new Date().toISOString(),
    },
  },
  task: { health: 'failed' },
});

function Harness() {
  return <CollectionHealth controls={useViewScope()} />;
}

function renderHealth(connections: ConnectionView[], search = '') {
  let list = connections;
  const rendered = renderWithServices(<Harness />, {
    path: `/delivery_status${search}`,
    routes: { [`GET ${CONNECTIONS_API_PATH}`]: () => ({ connections: list }) },
  });
  return { ...rendered, setList: (next: ConnectionView[]) => (list = next) };
}

describe('freshnessText', () => {
  it('says how far the least collected connection is behind, at its time of day', () => {
    const at = (minutesAgo: number) =>
      connectionView({
        status: { collectedUntil: new Date(NOW - minutesAgo * MINUTE).toISOString() },
      });
    // moment formats in the machine's zone, as the page does.
    const oldest = new Date(NOW - 2 * MINUTE);
    const hhmm = `${String(oldest.getHours()).padStart(2, '0')}:${String(oldest.getMinutes()).padStart(2, '0')}`;
    expect(freshnessText([at(1), at(2)], NOW)).toBe(`Data as of ${hhmm}, 2 minutes behind`);
    expect(freshnessText([connectionView({ status: {} })], NOW)).toBeUndefined();
  });
});

describe('connectionsInScope', () => {
  const healthy = connectionView();
  const disabled = connectionView({
    id: 'c3',
    settings: { ...connectionView().settings, enabled: false },
  });
  it('reads every enabled connection, or the chosen connections and namespaces', () => {
    const all = [healthy, failingKey, disabled];
    expect(connectionsInScope(all, { connectionIds: [], namespaces: [] })).toEqual([
      healthy,
      failingKey,
    ]);
    expect(connectionsInScope(all, { connectionIds: ['c1'], namespaces: [] })).toEqual([healthy]);
    expect(connectionsInScope(all, { connectionIds: [], namespaces: ['fabrikam'] })).toEqual([
      failingKey,
    ]);
  });
});

describe('CollectionHealth', () => {
  it('warns, in words and with a way to Settings, when a connection in view is failing', async () => {
    const { history } = renderHealth([connectionView(), failingKey]);
    const warning = await screen.findByTestId('emtCollectionWarning');
    expect(warning.textContent).toContain(
      'Collection is failing for Fabrikam: this view may miss recent messages'
    );
    expect(screen.getByTestId('emtCollectionProblem-c2').textContent).toContain(
      'Fabrikam: Elasticsearch refused the API key that collection writes with'
    );
    expect(warning.textContent).not.toContain('VuaCfGcBCdbkQm-e5aOx');
    expect(screen.getByTestId('emtFreshness').textContent).toMatch(
      /^Data as of \d\d:\d\d, 10 minutes behind$/
    );
    fireEvent.click(screen.getByTestId('emtCollectionWarningSettings'));
    expect(history.location.pathname).toBe('/settings');
  });

  it('does not warn about a failing connection the view does not read', async () => {
    renderHealth([connectionView(), failingKey], '?connections=c1');
    await screen.findByTestId('emtFreshness');
    expect(screen.queryByTestId('emtCollectionWarning')).toBeNull();
  });

  it('asks again when the view refreshes', async () => {
    const { calls, setList, history } = renderHealth([connectionView()]);
    await screen.findByTestId('emtFreshness');
    expect(screen.queryByTestId('emtCollectionWarning')).toBeNull();
    setList([connectionView(), failingKey]);
    // A new range is what Refresh and Update give the view (a newly resolved scope).
    await act(async () => history.push('/delivery_status?start=now-2h&end=now'));
    await screen.findByTestId('emtCollectionWarning');
    expect(calls.filter((call) => call.path === CONNECTIONS_API_PATH).length).toBe(2);
  });
});
