import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { STATUS_API_PATH } from '../../../common/constants';
import {
  CONNECTIONS_API_PATH,
  connectionPath,
  type ConnectionView,
} from '../../../common/http_api/connections';
import { ACTIVE_POLL_MS } from '../../hooks/use_connections';
import { connectionView } from '../../test_support/connection_fixtures';
import { HttpError, renderWithServices, type FakeRoutes } from '../../test_support/fake_core';
import { SettingsPage } from './settings_page';
import type { StatusResponse } from '../../../common/http_api/status';

const DAY_MS = 86_400_000;
const STATUS: StatusResponse = {
  kibanaVersion: '9.5.3',
  elasticsearch: { clusterName: 'test-cluster', version: '9.5.0' },
  canEncrypt: true,
  fleetPackage: { state: 'absent' },
};

const failing = connectionView({
  status: {
    ...connectionView().status,
    lastError: {
      kind: 'authentication',
      message: 'AADSTS7000215: Invalid client secret',
      at: new Date().toISOString(),
    },
  },
  settings: {
    ...connectionView().settings,
    credentialExpiresAt: new Date(Date.now() + 10.5 * DAY_MS).toISOString(),
  },
});

const keyRefused = (id: string, name: string) =>
  connectionView({
    id,
    settings: { ...connectionView().settings, name },
    status: {
      ...connectionView().status,
      lastError: {
        kind: 'reauthorize',
        message: 'security_exception: unauthorized for API key id [VuaCfGcBCdbkQm-e5aOx]',
        at: new Date().toISOString(),
      },
    },
    task: { health: 'failed' },
  });

function renderPage(connections: ConnectionView[], canManage: boolean, routes: FakeRoutes = {}) {
  return renderWithServices(<SettingsPage />, {
    canManage,
    routes: {
      [`GET ${CONNECTIONS_API_PATH}`]: () => ({ connections, username: 'mail_admin' }),
      [`GET ${STATUS_API_PATH}`]: () => STATUS,
      ...routes,
    },
  });
}

const CONTROLS = [
  'emtCreateConnection',
  'emtEdit-c1',
  'emtDelete-c1',
  'emtRunNow-c1',
  'emtBackfill-c1',
  'emtEnabled-c1',
];

describe('the settings page', () => {
  afterEach(() => jest.useRealTimers());

  it('shows every connection’s health and, with `manage`, its controls', async () => {
    renderPage([failing], true);
    await screen.findByTestId('emtConnectionsTable');
    expect(screen.getByTestId('emtDocumentsLastRun-c1').textContent).toBe('1,234 documents');
    expect(screen.getByTestId('emtRowsRejected-c1').textContent).toBe('2 rows rejected');
    expect(screen.getByTestId('emtLastError-c1-happened').textContent).toBe(
      "Microsoft refused the app's sign-in: the client secret or certificate is wrong or has expired."
    );
    expect(screen.getByTestId('emtLastError-c1').textContent).not.toContain('AADSTS7000215');
    fireEvent.click(screen.getByTestId('emtLastError-c1-details'));
    expect(screen.getByTestId('emtLastError-c1-detailsText').textContent).toContain(
      'AADSTS7000215: Invalid client secret'
    );
    expect(screen.getByTestId('emtHealth-c1').textContent).toBe('Failing');
    expect(screen.getByTestId('emtExpiry-c1').textContent).toBe('10 days left');
    expect(screen.getByTestId('emtExpiryWarning').textContent).toContain(
      'Contoso: the client secret expires in 10 days.'
    );
    expect(screen.getByTestId('emtBudget-c1').textContent).toContain('12 / 60');
    for (const control of CONTROLS) screen.getByTestId(control);
    expect(screen.queryByTestId('emtReadOnly')).toBeNull();
    expect((await screen.findByTestId('emtStatus')).textContent).toContain('9.5.3');
  });

  it('says when no connection can be saved for want of an encryption key, and when the plugin is not ready', async () => {
    const reason =
      'Exchange Message Trace could not install its Elasticsearch templates (attempt 3): ' +
      'connect ECONNREFUSED 127.0.0.1:9200. It tries again at 2026-12-02T10:00:08.000Z.';
    renderPage([], true, {
      [`GET ${STATUS_API_PATH}`]: () => ({ ...STATUS, canEncrypt: false, notReadyReason: reason }),
    });
    const missingKey = await screen.findByTestId('emtEncryptionKeyMissing');
    expect(missingKey.textContent).toContain(
      'Set xpack.encryptedSavedObjects.encryptionKey in kibana.yml'
    );
    expect(screen.getByTestId('emtNotReady').textContent).toContain(reason);
  });

  it('shows no setup problem when there is none', async () => {
    renderPage([failing], true);
    await screen.findByTestId('emtStatus');
    expect(screen.queryByTestId('emtEncryptionKeyMissing')).toBeNull();
    expect(screen.queryByTestId('emtNotReady')).toBeNull();
  });

  it('is read-only without `manage`: the same status, no control', async () => {
    renderPage([failing], false);
    await screen.findByTestId('emtConnectionsTable');
    expect(screen.getByTestId('emtReadOnly').textContent).toBe(
      'Read only: you can see the connections and their status, not change them.'
    );
    expect(screen.getByTestId('emtDocumentsLastRun-c1').textContent).toBe('1,234 documents');
    expect(screen.getByTestId('emtLastError-c1-toDo').textContent).toContain(
      'Edit the connection, enter the current client secret'
    );
    for (const control of CONTROLS) expect(screen.queryByTestId(control)).toBeNull();
    expect(screen.queryByRole('button', { name: /create/i })).toBeNull();
  });

  it('offers the first connection only to a user who may create it', async () => {
    const { unmount } = renderPage([], true);
    await screen.findByTestId('emtNoConnections');
    expect(screen.getByTestId('emtCreateConnection').textContent).toBe('Create connection');
    unmount();
    renderPage([], false);
    await screen.findByTestId('emtNoConnections');
    expect(screen.queryByTestId('emtCreateConnection')).toBeNull();
  });

  it('deletes a connection after the confirmation', async () => {
    const { calls, toasts } = renderPage([connectionView()], true, {
      [`DELETE ${connectionPath('c1')}`]: () => undefined,
    });
    fireEvent.click(await screen.findByTestId('emtDelete-c1'));
    expect(screen.getByTestId('emtDeleteConfirm').textContent).toContain('Delete Contoso?');
    await act(async () => fireEvent.click(screen.getByTestId('confirmModalConfirmButton')));
    expect(calls.filter((call) => call.method === 'DELETE')).toEqual([
      { method: 'DELETE', path: connectionPath('c1') },
    ]);
    expect(toasts).toEqual([{ kind: 'success', title: 'Deleted Contoso' }]);
    expect(screen.queryByTestId('emtDeleteConfirm')).toBeNull();
  });

  it('says so when a run is already in progress', async () => {
    const { toasts } = renderPage([connectionView()], true, {
      [`POST ${connectionPath('c1', '_run')}`]: () => new HttpError(409, 'Conflict'),
    });
    const runNow = await screen.findByTestId('emtRunNow-c1');
    await act(async () => fireEvent.click(runNow));
    expect(toasts).toEqual([{ kind: 'warning', title: 'Contoso is already running' }]);
  });

  it('follows a backfill’s progress by polling while it runs', async () => {
    jest.useFakeTimers();
    const hour = 3_600_000;
    const start = Date.now() - 10 * hour;
    const backfill = (readHours: number, done = false) => ({
      start: new Date(start).toISOString(),
      end: new Date(start + 10 * hour).toISOString(),
      requestedAt: new Date(start).toISOString(),
      readUntil: new Date(start + readHours * hour).toISOString(),
      documents: readHours * 100,
      done,
    });
    let current = connectionView({ backfill: backfill(2) });
    const { calls } = renderWithServices(<SettingsPage />, {
      routes: {
        [`GET ${CONNECTIONS_API_PATH}`]: () => ({ connections: [current] }),
        [`GET ${STATUS_API_PATH}`]: () => STATUS,
      },
    });
    fireEvent.click(await screen.findByTestId('emtBackfill-c1'));
    const progress = () => screen.getByTestId('emtBackfillProgress');
    expect(progress().getAttribute('value')).toBe(String(2 * hour));
    expect(progress().getAttribute('max')).toBe(String(10 * hour));

    current = connectionView({ backfill: backfill(6) });
    await act(async () => jest.advanceTimersByTime(ACTIVE_POLL_MS));
    await waitFor(() => expect(progress().getAttribute('value')).toBe(String(6 * hour)));
    expect(screen.getByTestId('emtBackfillDocuments').textContent).toBe('600');
    expect(calls.filter((call) => call.path === CONNECTIONS_API_PATH).length).toBe(2);
  });

  it('says how many connections need re-authorisation, and grants keys as the user only once confirmed', async () => {
    const { calls, toasts } = renderPage(
      [keyRefused('c1', 'Contoso'), keyRefused('c2', 'Fabrikam'), connectionView({ id: 'c3' })],
      true,
      {
        [`POST ${connectionPath('c1', '_authorize')}`]: () => connectionView(),
        [`POST ${connectionPath('c2', '_authorize')}`]: () => connectionView({ id: 'c2' }),
      }
    );
    const callOut = await screen.findByTestId('emtReauthorizeCallOut');
    expect(callOut.textContent).toContain('2 connections need re-authorisation');
    expect(screen.getByTestId('emtReauthorizeAll').textContent).toBe('Re-authorise as mail_admin');

    fireEvent.click(screen.getByTestId('emtReauthorizeAll'));
    const confirm = screen.getByTestId('emtReauthorizeConfirm');
    expect(confirm.textContent).toContain('Re-authorise 2 connections as mail_admin?');
    expect(confirm.textContent).toContain(
      'Collection for Contoso, Fabrikam will write with a new API key granted as mail_admin'
    );
    const authorizeCalls = () => calls.filter((call) => call.path.endsWith('/_authorize'));
    fireEvent.click(screen.getByTestId('confirmModalCancelButton'));
    expect(authorizeCalls()).toEqual([]);

    fireEvent.click(screen.getByTestId('emtReauthorizeAll'));
    await act(async () => fireEvent.click(screen.getByTestId('confirmModalConfirmButton')));
    expect(authorizeCalls().map((call) => call.path)).toEqual([
      connectionPath('c1', '_authorize'),
      connectionPath('c2', '_authorize'),
    ]);
    expect(toasts.map((toast) => toast.title).sort()).toEqual([
      'Re-authorised Contoso: collection resumes',
      'Re-authorised Fabrikam: collection resumes',
    ]);
    expect(screen.queryByTestId('emtReauthorizeConfirm')).toBeNull();
  });

  it('re-authorises one connection from its labelled button, after the same confirmation', async () => {
    const { calls } = renderPage([keyRefused('c1', 'Contoso')], true, {
      [`POST ${connectionPath('c1', '_authorize')}`]: () => connectionView(),
    });
    const button = await screen.findByTestId('emtReauthorize-c1');
    expect(button.textContent).toBe('Re-authorise…');
    fireEvent.click(button);
    expect(screen.getByTestId('emtReauthorizeConfirm').textContent).toContain(
      'Re-authorise Contoso as mail_admin?'
    );
    await act(async () => fireEvent.click(screen.getByTestId('confirmModalConfirmButton')));
    expect(calls.filter((call) => call.path.endsWith('/_authorize')).length).toBe(1);
  });

  it('offers no re-authorisation without `manage`, and none when no key is refused', async () => {
    const { unmount } = renderPage([keyRefused('c1', 'Contoso')], false);
    await screen.findByTestId('emtReauthorizeCallOut');
    expect(screen.queryByTestId('emtReauthorizeAll')).toBeNull();
    unmount();
    renderPage([failing], true);
    await screen.findByTestId('emtConnectionsTable');
    expect(screen.queryByTestId('emtReauthorizeCallOut')).toBeNull();
  });
});
