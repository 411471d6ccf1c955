import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  CONNECTIONS_API_PATH,
  DISCOVER_DOMAINS_API_PATH,
  TEST_CONNECTION_API_PATH,
  type ConnectionView,
  type TestConnectionResponse,
} from '../../../common/http_api/connections';
import { CLIENT_ID, TENANT_ID, connectionView } from '../../test_support/connection_fixtures';
import { HttpError, renderWithServices, type FakeRoutes } from '../../test_support/fake_core';
import { ConnectionFlyout } from './connection_flyout';

const TENANT_MESSAGE =
  'must be the tenant ID (a GUID) or one of its verified domains, e.g. contoso.onmicrosoft.com';

const createdFrom = ({ body }: { body?: unknown }): ConnectionView => ({
  ...connectionView(),
  settings: body as ConnectionView['settings'],
});

function openCreate(routes: FakeRoutes = {}) {
  const onSaved = jest.fn();
  const onClose = jest.fn();
  const rendered = renderWithServices(<ConnectionFlyout onClose={onClose} onSaved={onSaved} />, {
    routes: { [`POST ${CONNECTIONS_API_PATH}`]: createdFrom, ...routes },
  });
  return { ...rendered, onSaved, onClose };
}

function type(field: string, value: string) {
  const input = screen.getByTestId(`emtField-${field}`);
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
}

function fillValid() {
  type('name', 'Contoso');
  type('tenantId', TENANT_ID);
  type('clientId', CLIENT_ID);
  type('clientSecret', 'typed-secret');
}

const save = () => act(async () => fireEvent.click(screen.getByTestId('emtSaveConnection')));

describe('the connection flyout', () => {
  it('cancels an untouched form at once, and asks before dropping a filled one', () => {
    const untouched = openCreate();
    fireEvent.click(screen.getByTestId('emtCancelConnection'));
    expect(untouched.onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('emtDiscardConfirm')).toBeNull();
    untouched.unmount();

    const { onClose } = openCreate();
    type('name', 'Contoso');
    fireEvent.click(screen.getByTestId('emtCancelConnection'));
    const confirm = screen.getByTestId('emtDiscardConfirm');
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(within(confirm).getByTestId('confirmModalCancelButton'));
    expect(screen.queryByTestId('emtDiscardConfirm')).toBeNull();
    expect((screen.getByTestId('emtField-name') as HTMLInputElement).value).toBe('Contoso');
    fireEvent.click(screen.getByTestId('emtCancelConnection'));
    fireEvent.click(screen.getByTestId('confirmModalConfirmButton'));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('shows a field’s codec error once the field is left, and clears it when fixed', () => {
    openCreate();
    const tenant = screen.getByTestId('emtField-tenantId');
    fireEvent.change(tenant, { target: { value: 'not a tenant' } });
    expect(screen.queryByText(TENANT_MESSAGE)).toBeNull();
    fireEvent.blur(tenant);
    screen.getByText(TENANT_MESSAGE);
    expect(tenant.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(tenant, { target: { value: 'contoso.onmicrosoft.com' } });
    expect(screen.queryByText(TENANT_MESSAGE)).toBeNull();
  });

  it('does not send an invalid form; it shows every error instead', async () => {
    const { calls } = openCreate();
    await save();
    screen.getByText(
      'must be 1 to 200 characters, without control characters or spaces at either end'
    );
    screen.getByText(TENANT_MESSAGE);
    screen.getByText('a client secret is required');
    expect(calls).toEqual([]);
  });

  it('creates the connection with the typed secret', async () => {
    const { calls, onSaved, toasts } = openCreate();
    fillValid();
    await save();
    expect(calls).toEqual([
      {
        method: 'POST',
        path: CONNECTIONS_API_PATH,
        body: expect.objectContaining({
          name: 'Contoso',
          tenantId: TENANT_ID,
          clientSecret: 'typed-secret',
          intervalMinutes: 5,
        }),
      },
    ]);
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect(toasts).toEqual([{ kind: 'success', title: 'Saved "Contoso"' }]);
  });

  it('puts a server 400 on its fields and the rest above the form; other errors are toasts', async () => {
    let answer: HttpError = new HttpError(
      400,
      '[request body]: tenantId: no such tenant; the app has no permission'
    );
    const { toasts, onSaved } = openCreate({ [`POST ${CONNECTIONS_API_PATH}`]: () => answer });
    fillValid();
    await save();
    screen.getByText('no such tenant');
    expect(screen.getByTestId('emtFormErrors').textContent).toContain('the app has no permission');
    // The server's error goes once the field changes.
    type('tenantId', 'contoso.onmicrosoft.com');
    expect(screen.queryByText('no such tenant')).toBeNull();

    answer = new HttpError(500, 'Internal Server Error');
    await save();
    expect(toasts).toEqual([
      { kind: 'error', title: 'Could not save the connection', text: 'Internal Server Error' },
    ]);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('tests the credentials and shows each step with its outcome and fix', async () => {
    const result: TestConnectionResponse = {
      ok: false,
      steps: [
        { id: 'token', title: 'Sign in', outcome: 'passed', message: 'Signed in as the app' },
        {
          id: 'servicePrincipal',
          title: 'Exchange service principal',
          outcome: 'failed',
          message: 'The app has no service principal in Exchange',
          fix: 'Create it',
          command: 'New-ServicePrincipal -AppId x',
        },
        { id: 'query', title: 'Query', outcome: 'skipped', message: 'Not tried' },
      ],
    };
    const { calls } = openCreate({ [`POST ${TEST_CONNECTION_API_PATH}`]: () => result });
    fillValid();
    await act(async () => fireEvent.click(screen.getByTestId('emtTestConnection')));
    expect(calls.at(-1)).toEqual({
      method: 'POST',
      path: TEST_CONNECTION_API_PATH,
      body: {
        tenantId: TENANT_ID,
        clientId: CLIENT_ID,
        authMethod: 'secret',
        secrets: { clientSecret: 'typed-secret' },
      },
    });
    const outcomes = result.steps.map((step) =>
      screen.getByTestId(`emtTestStep-${step.id}`).getAttribute('data-outcome')
    );
    expect(outcomes).toEqual(['passed', 'failed', 'skipped']);
    expect(screen.getByTestId('emtTestOutcome').textContent).toContain('failed');
    expect(screen.getByTestId('emtTestStep-servicePrincipal').textContent).toContain(
      'New-ServicePrincipal -AppId x'
    );
  });

  it('adds the domains discovered from the tenant, or says why it cannot', async () => {
    let available = true;
    openCreate({
      [`POST ${DISCOVER_DOMAINS_API_PATH}`]: () =>
        available
          ? { available: true, domains: ['Contoso.com', 'contoso.onmicrosoft.com'] }
          : { available: false, reason: 'The app lacks Domain.Read.All' },
    });
    fillValid();
    await act(async () => fireEvent.click(screen.getByTestId('emtDiscoverDomains')));
    const domains = screen.getByTestId('emtField-localDomains');
    expect(domains.textContent).toContain('contoso.com');
    expect(domains.textContent).toContain('contoso.onmicrosoft.com');

    available = false;
    await act(async () => fireEvent.click(screen.getByTestId('emtDiscoverDomains')));
    await waitFor(() =>
      expect(screen.getByTestId('emtDiscoverUnavailable').textContent).toContain(
        'The app lacks Domain.Read.All'
      )
    );
  });
});
