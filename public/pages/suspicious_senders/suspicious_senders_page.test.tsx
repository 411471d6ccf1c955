import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
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
        return knownGood ? { ...response, senders: [], total: 0, knownGoodHidden: 1 } : response;
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
      sortField: 'score',
      sortDirection: 'desc',
      pageIndex: 0,
      pageSize: 25,
    });
    // Read-only users see no known-good control.
    expect(screen.queryByTestId(`emtKnownGoodToggle-${SENDER}`)).toBeNull();
  });

  it('marks a sender known-good with a note, which leaves it out, and undoes it from the toast', async () => {
    const { calls, toasts } = renderPage(true);
    fireEvent.click(await screen.findByTestId(`emtKnownGoodToggle-${SENDER}`));
    const modal = await screen.findByTestId('emtKnownGoodModal');
    const confirm = within(modal).getByTestId('confirmModalConfirmButton');
    // Not without saying why.
    expect(confirm).toHaveProperty('disabled', true);
    fireEvent.change(within(modal).getByTestId('emtKnownGoodNoteInput'), {
      target: { value: 'Our payroll provider ' },
    });
    fireEvent.click(confirm);
    await screen.findByTestId('emtKnownGoodHidden');
    expect(calls.find((call) => call.path === KNOWN_SENDERS_API_PATH)?.body).toEqual({
      sender: SENDER,
      note: 'Our payroll provider',
    });
    expect(screen.queryByTestId(`emtSenderRow-${SENDER}`)).toBeNull();
    const toast = toasts.at(-1)!;
    expect(toast.title).toContain('marked known-good');

    // The toast's Undo removes the mark, and the sender is ranked again.
    const toastText = document.createElement('div');
    document.body.append(toastText);
    act(() => void toast.mountText!(toastText));
    fireEvent.click(within(toastText).getByTestId('emtKnownGoodUndo'));
    await screen.findByTestId(`emtSenderRow-${SENDER}`);
    expect(
      calls.some((call) => call.method === 'DELETE' && call.path === knownSenderPath(SENDER))
    ).toBe(true);
    expect(toast.removed).toBe(true);
  });

  it('sorts, filters by reason and pages through the URL, and explains the score', async () => {
    const { calls, history } = renderPage(false);
    await screen.findByTestId(`emtSenderRow-${SENDER}`);
    const lastBody = () =>
      calls.filter((call) => call.path === SUSPICIOUS_SENDERS_API_PATH).at(-1)?.body;

    const header = document.querySelector('[data-test-subj^="tableHeaderCell_messages_"]')!;
    fireEvent.click(within(header as HTMLElement).getByTestId('tableHeaderSortButton'));
    await waitFor(() =>
      expect(lastBody()).toMatchObject({ sortField: 'messages', sortDirection: 'asc' })
    );
    expect(new URLSearchParams(history.location.search).get('sort')).toBe('messages');

    fireEvent.click(screen.getByTestId('emtReasonFilter'));
    fireEvent.click(await screen.findByTestId('emtReasonOption-lookalikeDomain'));
    await waitFor(() => expect(lastBody()).toMatchObject({ reasons: ['lookalikeDomain'] }));
    expect(new URLSearchParams(history.location.search).get('reasons')).toBe('lookalikeDomain');

    fireEvent.click(screen.getByTestId('emtScoreLegendButton'));
    const legend = await screen.findByTestId('emtScoreLegend');
    expect(within(legend).getByTestId('emtLegend-ownDomainFromOutside').textContent).toContain(
      '40'
    );
    expect(within(legend).getByTestId('emtLegend-firstSeen').textContent).toContain('10');
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
