import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { deliveryFailureOf } from '../../../common/delivery_failure';
import { CONNECTIONS_API_PATH } from '../../../common/http_api/connections';
import {
  MESSAGE_DETAIL_API_PATH,
  MESSAGE_TRAIL_API_PATH,
  MESSAGES_API_PATH,
  type TrailEvent,
} from '../../../common/http_api/views';
import { HttpError, renderWithServices } from '../../test_support/fake_core';
import { messageDetail, messageRow, searchResponse } from '../../test_support/view_fixtures';
import { MessagesPage } from './messages_page';

const RANGE = 'start=2026-11-20T00:00:00.000Z&end=2026-11-21T00:00:00.000Z';
let trailAnswers: unknown[];

function renderPage(search = `?${RANGE}`) {
  return renderWithServices(<MessagesPage />, {
    path: `/messages${search}`,
    routes: {
      [`GET ${CONNECTIONS_API_PATH}`]: () => ({ connections: [] }),
      [`POST ${MESSAGES_API_PATH}`]: () =>
        searchResponse([messageRow(), messageRow({ rowId: 'trace-2|eve@contoso.com' })], 2),
      [`POST ${MESSAGE_DETAIL_API_PATH}`]: () => messageDetail(),
      [`POST ${MESSAGE_TRAIL_API_PATH}`]: () => trailAnswers.shift(),
    },
  });
}

describe('the messages page', () => {
  beforeEach(() => {
    trailAnswers = [];
  });

  it('searches by the fields in the URL and puts a new search there', async () => {
    const { calls, history } = renderPage(`?${RANGE}&sender=c0ntoso.com&statuses=failed`);
    await screen.findByTestId('emtMessageRow-trace-1|bob@contoso.com');
    expect(screen.getByTestId('emtMessagesTotal').textContent).toBe('2 messages');
    expect(calls.find((call) => call.path === MESSAGES_API_PATH)?.body).toEqual({
      start: '2026-11-20T00:00:00.000Z',
      end: '2026-11-21T00:00:00.000Z',
      sender: 'c0ntoso.com',
      statuses: ['failed'],
      pageIndex: 0,
      pageSize: 25,
      sortField: 'receivedAt',
      sortDirection: 'desc',
    });
    expect((screen.getByTestId('emtSearch-sender') as HTMLInputElement).value).toBe('c0ntoso.com');

    fireEvent.change(screen.getByTestId('emtSearch-ip'), { target: { value: '192.0.2.66' } });
    fireEvent.click(screen.getByTestId('emtSearchSubmit'));
    await waitFor(() =>
      expect(new URLSearchParams(history.location.search).get('ip')).toBe('192.0.2.66')
    );
    await waitFor(() =>
      expect(calls.filter((call) => call.path === MESSAGES_API_PATH).at(-1)?.body).toMatchObject({
        ip: '192.0.2.66',
      })
    );

    const discover = screen.getByTestId('emtOpenInDiscover').getAttribute('href')!;
    expect(discover.startsWith('/app/discover#/?_g=')).toBe(true);
    expect(decodeURIComponent(discover)).toContain('CIDR_MATCH(source.ip, "192.0.2.66/32")');
  });

  it('sorts by a column through the URL', async () => {
    const { calls, history } = renderPage();
    await screen.findByTestId('emtMessageRow-trace-1|bob@contoso.com');
    fireEvent.click(screen.getByRole('button', { name: /Sender/ }));
    await waitFor(() =>
      expect(Object.fromEntries(new URLSearchParams(history.location.search))).toMatchObject({
        sort: 'sender',
        dir: 'asc',
      })
    );
    await waitFor(() =>
      expect(calls.filter((call) => call.path === MESSAGES_API_PATH).at(-1)?.body).toMatchObject({
        sortField: 'sender',
        sortDirection: 'asc',
      })
    );
  });

  it('opens a message with every status change and its trail on demand', async () => {
    trailAnswers.push(new HttpError(429, "The tenant's Microsoft Graph request budget is used up"));
    trailAnswers.push({
      events: [
        {
          dateTime: '2026-11-20T10:00:00Z',
          event: 'Receive',
          description: 'Message received by: AM9PR04MB1234',
        },
        {
          dateTime: '2026-11-20T10:00:05Z',
          event: 'Deliver',
          description: 'The message was successfully delivered.',
        },
      ],
      fetchedAt: '2026-11-21T00:00:00.000Z',
      cached: false,
    });
    const { calls, history } = renderPage();
    fireEvent.click((await screen.findAllByTestId('emtMessageOpen'))[0]!);
    const flyout = await screen.findByTestId('emtMessageFlyout');
    expect(new URLSearchParams(history.location.search).get('detail')).toBe('trace-1');
    await screen.findByTestId('emtMessageFacts');
    expect(calls.find((call) => call.path === MESSAGE_DETAIL_API_PATH)?.body).toEqual({
      traceId: 'trace-1',
      connectionIds: ['c1'],
    });
    expect(screen.getByTestId('emtStatusChanges-bob@contoso.com').textContent).toBe(
      'Getting statusDelivered'
    );
    expect(flyout.textContent).toContain('40.107.1.5');

    fireEvent.click(screen.getByTestId('emtTrailLoad-bob@contoso.com'));
    expect((await screen.findByTestId('emtTrailError')).textContent).toContain('used up');
    fireEvent.click(screen.getByTestId('emtTrailLoad-bob@contoso.com'));
    const trail = await screen.findByTestId('emtTrail-bob@contoso.com');
    expect(trail.textContent).toContain('The message was successfully delivered.');
    expect(calls.filter((call) => call.path === MESSAGE_TRAIL_API_PATH).at(-1)?.body).toEqual({
      traceId: 'trace-1',
      recipient: 'bob@contoso.com',
      connectionId: 'c1',
    });

    act(() => history.goBack());
    await waitFor(() => expect(screen.queryByTestId('emtMessageFlyout')).toBeNull());
  });

  it("says in words why a failed recipient's message was not delivered, and the likely fix", async () => {
    const events: TrailEvent[] = [
      { dateTime: '2026-11-20T10:00:00Z', event: 'Receive', description: 'Message received' },
      {
        dateTime: '2026-11-20T10:00:02Z',
        event: 'Fail',
        description:
          'Reason: [{LED=550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup};{MSG=};{FQDN=};{IP=};{LRT=}]. OutboundProxyTargetIP: . OutboundProxyTargetHostName: ',
      },
    ];
    // The route's answer: the trail with the failure the server read from it.
    trailAnswers.push({
      events,
      failure: deliveryFailureOf(events),
      fetchedAt: '2026-11-21T00:00:00.000Z',
      cached: false,
    });
    renderPage();
    fireEvent.click((await screen.findAllByTestId('emtMessageOpen'))[0]!);
    fireEvent.click(await screen.findByTestId('emtTrailLoad-bob@contoso.com'));
    const failure = await screen.findByTestId('emtTrailFailure-bob@contoso.com');
    expect(failure.querySelector('.euiCallOutHeader__title')?.textContent).toBe(
      "The recipient's address was not found by SMTP address lookup: no such mailbox or contact exists."
    );
    expect(failure.querySelector('[data-test-subj="emtFailureFix"]')?.textContent).toBe(
      'Likely fix: Check the address for typos; if the recipient is ours, check that the mailbox exists and is licensed, and look for broken forwarding.'
    );
    expect(failure.textContent).toContain(
      'Status code 5.1.10: 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'
    );
  });
});
