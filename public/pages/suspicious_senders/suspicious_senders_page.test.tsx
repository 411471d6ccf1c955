import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CONNECTIONS_API_PATH } from '../../../common/http_api/connections';
import {
  KNOWN_SENDERS_API_PATH,
  SUSPICIOUS_SENDERS_API_PATH,
  knownSenderPath,
  type KnownSender,
  type SuspiciousSendersResponse,
} from '../../../common/http_api/views';
import { HttpError, renderWithServices } from '../../test_support/fake_core';
import { suspiciousSendersResponse } from '../../test_support/view_fixtures';
import { SuspiciousSendersPage } from './suspicious_senders_page';

const RANGE = 'start=2026-11-18T00:00:00.000Z&end=2026-11-21T00:00:00.000Z';
const SENDER = 'accounts@c0ntoso.com';

/** Marked before a note was required: it has none. */
const OLD_MARK: KnownSender = {
  sender: 'abuse-desk@northwind.example',
  markedBy: 'mail_admin',
  markedAt: '2026-10-01T12:00:00.000Z',
};

const PAYROLL_MARK: KnownSender = {
  sender: SENDER,
  note: 'Our payroll provider',
  markedBy: 'mail_admin',
  markedAt: '2026-11-21T00:00:00.000Z',
};

function renderPage(
  canManage: boolean,
  search = `?${RANGE}`,
  { marks = [OLD_MARK], listFails = false }: { marks?: KnownSender[]; listFails?: boolean } = {}
) {
  let known = marks;
  const unmark = (sender: string) => () => {
    known = known.filter((mark) => mark.sender !== sender);
    return undefined;
  };
  const rendered = renderWithServices(<SuspiciousSendersPage />, {
    canManage,
    path: `/suspicious_senders${search}`,
    // Dates in the zone Kibana's Advanced Settings name, not the test machine's.
    uiSettings: { 'dateFormat:tz': 'America/New_York' },
    routes: {
      [`GET ${CONNECTIONS_API_PATH}`]: () => ({ connections: [] }),
      [`POST ${SUSPICIOUS_SENDERS_API_PATH}`]: (): SuspiciousSendersResponse => {
        const response = suspiciousSendersResponse();
        return known.some((mark) => mark.sender === SENDER)
          ? { ...response, senders: [], total: 0, knownGoodHidden: 1 }
          : response;
      },
      [`GET ${KNOWN_SENDERS_API_PATH}`]: () =>
        listFails
          ? new HttpError(503, 'Elasticsearch is unavailable: try again in a minute')
          : { knownSenders: known },
      [`POST ${KNOWN_SENDERS_API_PATH}`]: (call) => {
        const mark = {
          ...(call.body as { sender: string; note: string }),
          markedBy: 'mail_admin',
          markedAt: '2026-11-21T00:00:00.000Z',
        };
        known = [...known, mark];
        return mark;
      },
      [`DELETE ${knownSenderPath(SENDER)}`]: unmark(SENDER),
      [`DELETE ${knownSenderPath(OLD_MARK.sender)}`]: unmark(OLD_MARK.sender),
    },
  });
  return rendered;
}

const rowTexts = (flyout: HTMLElement) =>
  within(flyout)
    .getAllByTestId(/^emtKnownSender-/)
    .map((row) =>
      [...row.querySelectorAll('td .euiTableCellContent')].map((cell) => cell.textContent)
    );

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
    expect(
      calls.find((call) => call.method === 'POST' && call.path === KNOWN_SENDERS_API_PATH)?.body
    ).toEqual({
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

  it('lists every mark with who, when and why, sorted and searchable', async () => {
    renderPage(true, `?${RANGE}`, { marks: [OLD_MARK, PAYROLL_MARK] });
    const button = await screen.findByTestId('emtKnownSendersButton');
    await waitFor(() => expect(button.textContent).toBe('Known-good senders (2)'));
    fireEvent.click(button);
    const flyout = await screen.findByTestId('emtKnownSendersFlyout');
    // Latest first; dates in dateFormat:tz (00:00 UTC is 19:00 the day before in New York).
    expect(rowTexts(flyout)).toEqual([
      [SENDER, 'Our payroll provider', 'mail_admin', 'Nov 20, 2026 @ 19:00:00.000', 'Remove'],
      [
        OLD_MARK.sender,
        'No note (marked before a note was required)',
        'mail_admin',
        'Oct 1, 2026 @ 08:00:00.000',
        'Remove',
      ],
    ]);
    const senderHeader = flyout.querySelector('[data-test-subj^="tableHeaderCell_sender_"]')!;
    fireEvent.click(within(senderHeader as HTMLElement).getByTestId('tableHeaderSortButton'));
    expect(rowTexts(flyout).map((row) => row[0])).toEqual([OLD_MARK.sender, SENDER]);

    const searchBox = within(flyout).getByTestId('emtKnownSendersSearch');
    fireEvent.change(searchBox, { target: { value: 'payroll' } });
    fireEvent.keyUp(searchBox, { key: 'Enter' });
    await waitFor(() => expect(rowTexts(flyout).map((row) => row[0])).toEqual([SENDER]));
  });

  it('removes a mark only after confirming, and the sender is ranked again', async () => {
    const { calls, toasts } = renderPage(true, `?${RANGE}`, { marks: [OLD_MARK, PAYROLL_MARK] });
    await screen.findByTestId('emtKnownGoodHidden');
    expect(screen.queryByTestId(`emtSenderRow-${SENDER}`)).toBeNull();
    const button = screen.getByTestId('emtKnownSendersButton');
    await waitFor(() => expect(button.textContent).toBe('Known-good senders (2)'));
    fireEvent.click(button);
    const flyout = await screen.findByTestId('emtKnownSendersFlyout');

    // Cancelling keeps the mark.
    fireEvent.click(within(flyout).getByTestId(`emtKnownSenderRemove-${SENDER}`));
    const confirm = await screen.findByTestId('emtRemoveKnownSenderConfirm');
    expect(confirm.textContent).toContain(`Remove the known-good mark of ${SENDER}?`);
    fireEvent.click(within(confirm).getByTestId('confirmModalCancelButton'));
    await waitFor(() => expect(screen.queryByTestId('emtRemoveKnownSenderConfirm')).toBeNull());
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false);

    fireEvent.click(within(flyout).getByTestId(`emtKnownSenderRemove-${SENDER}`));
    fireEvent.click(
      within(await screen.findByTestId('emtRemoveKnownSenderConfirm')).getByTestId(
        'confirmModalConfirmButton'
      )
    );
    // Gone from the list, back in the ranking behind the flyout.
    await screen.findByTestId(`emtSenderRow-${SENDER}`);
    await waitFor(() =>
      expect(within(flyout).queryByTestId(`emtKnownSender-${SENDER}`)).toBeNull()
    );
    expect(button.textContent).toBe('Known-good senders (1)');
    expect(calls.filter((call) => call.method === 'DELETE').map((call) => call.path)).toEqual([
      knownSenderPath(SENDER),
    ]);
    expect(toasts.at(-1)).toMatchObject({
      kind: 'success',
      title: `${SENDER} is no longer known-good`,
    });
  });

  it('says so when no sender is marked', async () => {
    renderPage(false, `?${RANGE}`, { marks: [] });
    fireEvent.click(await screen.findByTestId('emtKnownSendersButton'));
    const empty = await screen.findByTestId('emtKnownSendersEmpty');
    expect(empty.textContent).toContain('No sender is marked known-good.');
  });

  it('lists the marks to a read-only user without a way to remove one', async () => {
    renderPage(false);
    fireEvent.click(await screen.findByTestId('emtKnownSendersButton'));
    const flyout = await screen.findByTestId('emtKnownSendersFlyout');
    await within(flyout).findByTestId(`emtKnownSender-${OLD_MARK.sender}`);
    expect(within(flyout).queryByText('Remove')).toBeNull();
  });

  it('shows a list that could not be read as a callout with a title and the reason', async () => {
    renderPage(true, `?${RANGE}`, { listFails: true });
    // The ranking is unaffected.
    await screen.findByTestId(`emtSenderRow-${SENDER}`);
    const button = screen.getByTestId('emtKnownSendersButton');
    expect(button.textContent).toBe('Known-good senders');
    fireEvent.click(button);
    const callOut = await screen.findByTestId('emtKnownSendersError');
    expect(callOut.textContent).toBe(
      'The known-good senders could not be listedElasticsearch is unavailable: try again in a minute.'
    );
    expect(screen.queryByTestId('emtKnownSendersTable')).toBeNull();
  });
});
