import { fireEvent, screen, waitFor } from '@testing-library/react';
import { CONNECTIONS_API_PATH } from '../../../common/http_api/connections';
import {
  KNOWN_SENDERS_API_PATH,
  SUSPICIOUS_SENDERS_API_PATH,
  knownSenderPath,
  type SuspiciousSendersResponse,
} from '../../../common/http_api/views';
import { renderWithServices } from '../../test_support/fake_core';
import { suspiciousSendersResponse } from '../../test_support/view_fixtures';
import { SuspiciousSendersPage } from './suspicious_senders_page';

const RANGE = 'start=2026-11-18T00:00:00.000Z&end=2026-11-21T00:00:00.000Z';
const SENDER = 'accounts@c0ntoso.com';

function renderPage(canManage: boolean, search = `?${RANGE}`) {
  let knownGood = false;
  const rendered = renderWithServices(<SuspiciousSendersPage />, {
    canManage,
    path: `/suspicious_senders${search}`,
    routes: {
      [`GET ${CONNECTIONS_API_PATH}`]: () => ({ connections: [] }),
      [`POST ${SUSPICIOUS_SENDERS_API_PATH}`]: (): SuspiciousSendersResponse => {
        const response = suspiciousSendersResponse();
        return knownGood ? { ...response, senders: [], knownGoodHidden: 1 } : response;
      },
      [`POST ${KNOWN_SENDERS_API_PATH}`]: (call) => {
        knownGood = true;
        return { ...(call.body as object), markedAt: '2026-11-21T00:00:00.000Z' };
      },
      [`DELETE ${knownSenderPath(SENDER)}`]: () => {
        knownGood = false;
        return undefined;
      },
    },
  });
  return rendered;
}

describe('the suspicious senders page', () => {
  it('ranks senders with each reason explained', async () => {
    const { calls } = renderPage(false);
    const reasons = await screen.findByTestId(`emtReasons-${SENDER}`);
    expect(reasons.textContent).toContain('Lookalike domain');
    expect(reasons.textContent).toContain(
      'c0ntoso.com swaps look-alike characters to pass for our domain contoso.com.'
    );
    expect(screen.getByTestId('emtSenderScore').textContent).toBe('35');
    expect(calls.find((call) => call.path === SUSPICIOUS_SENDERS_API_PATH)?.body).toEqual({
      start: '2026-11-18T00:00:00.000Z',
      end: '2026-11-21T00:00:00.000Z',
      groupBy: 'sender',
      includeKnownGood: false,
    });
    // Read-only users see no known-good control.
    expect(screen.queryByTestId(`emtKnownGoodToggle-${SENDER}`)).toBeNull();
  });

  it('marks a sender known-good, which leaves it out, and asks again', async () => {
    const { calls, toasts } = renderPage(true);
    fireEvent.click(await screen.findByTestId(`emtKnownGoodToggle-${SENDER}`));
    await screen.findByTestId('emtKnownGoodHidden');
    expect(calls.find((call) => call.path === KNOWN_SENDERS_API_PATH)?.body).toEqual({
      sender: SENDER,
    });
    expect(toasts.at(-1)?.title).toContain('marked known-good');
    expect(screen.queryByTestId(`emtSenderRow-${SENDER}`)).toBeNull();
  });

  it('keeps grouping and known-good display in the URL, and opens a sender’s messages', async () => {
    const { history, calls } = renderPage(true, `?${RANGE}&groupBy=domain&knownGood=show`);
    await screen.findByTestId(`emtSenderRow-${SENDER}`);
    expect(
      calls.filter((call) => call.path === SUSPICIOUS_SENDERS_API_PATH).at(-1)?.body
    ).toMatchObject({ groupBy: 'domain', includeKnownGood: true });
    fireEvent.click(screen.getByText('Senders'));
    await waitFor(() =>
      expect(new URLSearchParams(history.location.search).get('groupBy')).toBeNull()
    );
    await waitFor(() =>
      expect(
        calls.filter((call) => call.path === SUSPICIOUS_SENDERS_API_PATH).at(-1)?.body
      ).toMatchObject({ groupBy: 'sender' })
    );
    fireEvent.click(await screen.findByTestId('emtSenderOpen'));
    expect(history.location.pathname).toBe('/messages');
    expect(new URLSearchParams(history.location.search).get('sender')).toBe(SENDER);
    // Still mounted here, the page follows the URL it was handed.
    await screen.findByTestId(`emtSenderRow-${SENDER}`);
  });
});
