import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { explainStatusCode } from '../../../common/delivery_failure';
import { CONNECTIONS_API_PATH } from '../../../common/http_api/connections';
import { DELIVERY_STATUS_API_PATH, MESSAGES_API_PATH } from '../../../common/http_api/views';
import { connectionView } from '../../test_support/connection_fixtures';
import { renderWithServices } from '../../test_support/fake_core';
import {
  deliveryStatusResponse,
  messageRow,
  searchResponse,
} from '../../test_support/view_fixtures';
import { DeliveryStatusPage } from './delivery_status_page';

const RANGE = 'start=2026-11-20T00:00:00.000Z&end=2026-11-21T00:00:00.000Z';

function renderPage(search = `?${RANGE}&connections=c1`) {
  return renderWithServices(<DeliveryStatusPage />, {
    path: `/delivery_status${search}`,
    routes: {
      [`GET ${CONNECTIONS_API_PATH}`]: () => ({ connections: [connectionView()] }),
      [`POST ${DELIVERY_STATUS_API_PATH}`]: () => deliveryStatusResponse(),
      [`POST ${MESSAGES_API_PATH}`]: () =>
        searchResponse(
          [
            messageRow(),
            messageRow({
              rowId: 'trace-2|eve@contoso.com',
              status: 'failed',
              failure: explainStatusCode('5.4.1', '550 5.4.1 Relay Access Denied'),
            }),
          ],
          60
        ),
    },
  });
}

describe('the delivery status page', () => {
  it('asks for the range and connection in its URL and shows totals, rates and failures', async () => {
    const { calls } = renderPage();
    await screen.findByTestId('emtStatusTotals');
    expect(calls.find((call) => call.path === DELIVERY_STATUS_API_PATH)?.body).toEqual({
      start: '2026-11-20T00:00:00.000Z',
      end: '2026-11-21T00:00:00.000Z',
      connectionIds: ['c1'],
    });
    expect(screen.getByTestId('emtTotal-total').textContent).toContain('1,000');
    expect(screen.getByTestId('emtTotal-delivered').textContent).toContain('90.0%');
    expect(screen.getByTestId('emtTotal-pendingOverAnHour').textContent).toContain(
      'Pending over an hour · 0.4% (10 pending)'
    );
    screen.getByTestId('emtStatusHistogram');
    expect(screen.getByTestId('emtDirections').textContent).toContain('Inbound');
    expect(screen.getByTestId('emtFailingRecipients').textContent).toContain(
      'former.employee7@contoso.com'
    );
    expect(screen.queryByTestId('emtLatestStatusInexact')).toBeNull();
  });

  it('opens the messages of a tile’s status over the same range and connections', async () => {
    const { history } = renderPage();
    fireEvent.click(await screen.findByTestId('emtTotal-quarantined'));
    expect(history.location.pathname).toBe('/messages');
    expect(Object.fromEntries(new URLSearchParams(history.location.search))).toEqual({
      start: '2026-11-20T00:00:00.000Z',
      end: '2026-11-21T00:00:00.000Z',
      connections: 'c1',
      statuses: 'quarantined',
    });
    act(() => history.goBack());
    fireEvent.click(await screen.findByTestId('emtTotal-pendingOverAnHour'));
    expect(new URLSearchParams(history.location.search).get('statuses')).toBe(
      'gettingStatus,pending'
    );
  });

  it('lists undelivered messages, paged from the URL', async () => {
    const { calls, history } = renderPage(`?${RANGE}&page=1`);
    await screen.findByTestId('emtMessageRow-trace-1|bob@contoso.com');
    expect(calls.find((call) => call.path === MESSAGES_API_PATH)?.body).toMatchObject({
      statuses: ['failed', 'quarantined', 'filteredAsSpam', 'gettingStatus', 'pending'],
      pageIndex: 1,
      pageSize: 25,
      sortField: 'receivedAt',
    });
    fireEvent.click(screen.getAllByTestId('emtMessageOpen')[0]!);
    expect(history.location.pathname).toBe('/messages');
    // This page, still mounted here, follows the URL: the first page of the same list.
    await waitFor(() =>
      expect(calls.filter((call) => call.path === MESSAGES_API_PATH).at(-1)?.body).toMatchObject({
        pageIndex: 0,
      })
    );
    await screen.findByTestId('emtMessageRow-trace-1|bob@contoso.com');
    expect(new URLSearchParams(history.location.search).get('detail')).toBe('trace-1');
  });

  it('shows why a row was not delivered where the server knows it, and a dash where not', async () => {
    renderPage();
    const failed = await screen.findByTestId('emtMessageRow-trace-2|eve@contoso.com');
    expect(failed.querySelector('[data-test-subj="emtFailureReason"]')?.textContent).toBe(
      "The receiving mail server does not accept mail for the recipient's domain (relay access denied)."
    );
    const unknown = screen.getByTestId('emtMessageRow-trace-1|bob@contoso.com');
    expect(unknown.querySelector('[data-test-subj="emtFailureReason"]')).toBeNull();
    expect(screen.getByRole('columnheader', { name: 'Reason' })).toBeTruthy();
  });

  it('opens the messages page for a failing recipient, keeping the range', async () => {
    const { history } = renderPage();
    fireEvent.click(await screen.findByText('former.employee7@contoso.com'));
    expect(history.location.pathname).toBe('/messages');
    const params = new URLSearchParams(history.location.search);
    expect(Object.fromEntries(params)).toEqual({
      start: '2026-11-20T00:00:00.000Z',
      end: '2026-11-21T00:00:00.000Z',
      connections: 'c1',
      recipient: 'former.employee7@contoso.com',
      statuses: 'failed',
    });
    // Back returns to the page as it was.
    act(() => history.goBack());
    await waitFor(() => expect(history.location.pathname).toBe('/delivery_status'));
  });
});
