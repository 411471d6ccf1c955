import { PLUGIN_ID } from '../../common/constants';
import { CONNECTIONS_API_PATH, type ConnectionView } from '../../common/http_api/connections';
import { PERIOD_DAYS, truthOf } from '../host/views_tenant';
import { callRoute } from '../host/test_support';
import { subj } from './chromium';
import { messagesByPair, useViewsSession } from './views_session';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ZONE = 'America/New_York';
/** A non-default dateFormat, as an admin would save it in Advanced Settings. */
const DATE_FORMAT = 'DD.MM.YYYY HH:mm:ss z';
const QUICK_RANGES = [
  { from: 'now-2h', to: 'now', display: 'Two hours back' },
  { from: 'now-3d/d', to: 'now', display: 'Three days back' },
];

/**
 * DATE_FORMAT in New York, computed with the browser platform's Intl (not moment, not our code):
 * an instant's wall time there and its EST/EDT abbreviation.
 */
const inNewYork = (instant: string | number) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    })
      .formatToParts(new Date(instant))
      .map(({ type, value }) => [type, value])
  );
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}:${parts.second} ${parts.timeZoneName}`;
};

describe('Kibana’s Advanced Settings and document title, in Chromium', () => {
  // The browser's own zone is Tokyo's, so a date in New York's can only come from the setting.
  const session = useViewsSession({ seed: 1605 }, { timezoneId: 'Asia/Tokyo' });

  beforeAll(() => {
    session.host.advancedSettings.set('dateFormat:tz', ZONE);
    session.host.advancedSettings.set('dateFormat', DATE_FORMAT);
    session.host.advancedSettings.set('timepicker:quickRanges', QUICK_RANGES);
  });

  const open = (view: string, params: Record<string, string>) =>
    session.page.goto(
      `${session.host.url}/app/${PLUGIN_ID}/${view}?${new URLSearchParams(params).toString()}`
    );
  const collected = () => ({
    start: new Date(session.tenant.collected.startMs).toISOString(),
    end: new Date(session.tenant.collected.endMs).toISOString(),
    connections: session.tenant.connection.id,
  });
  const opens = (table: string) => session.page.locator(`${subj(table)} ${subj('emtMessageOpen')}`);

  it('shows the undelivered messages of Delivery status in the set zone and format', async () => {
    const range = {
      startMs: session.tenant.collected.startMs,
      endMs: session.tenant.collected.endMs,
    };
    const undelivered = new Set(
      truthOf(session.emulator, session.tenant, range)
        .filter((row) => row.status !== 'delivered')
        .map((row) => inNewYork(row.receivedDateTime))
    );
    await open('delivery_status', collected());
    await opens('emtUndeliveredTable').first().waitFor();
    const shown = await opens('emtUndeliveredTable').allInnerTexts();
    expect(shown.filter((text) => !undelivered.has(text))).toEqual([]);
    expect(await session.page.title()).toBe('Delivery status - Exchange Message Trace - Elastic');
  });

  it('shows a message’s times on Messages and in its flyout in the set zone and format', async () => {
    // Away from the collected range's edges, so every one of its messages is stored.
    const inside = (time: number) =>
      time > session.tenant.collected.startMs + HOUR &&
      time < session.tenant.collected.endMs - HOUR;
    const chosen = messagesByPair(session.tenant).find(
      ({ times }) => times.length >= 2 && times.length < 25 && times.every(inside)
    )!;
    const expected = chosen.times.sort((a, b) => b - a).map(inNewYork);

    await open('messages', { ...collected(), sender: chosen.sender, recipient: chosen.recipient });
    await session.page
      .locator(subj('emtMessagesTotal'))
      .filter({ hasText: new RegExp(`^${expected.length} messages$`) })
      .waitFor();
    expect(await opens('emtMessagesTable').allInnerTexts()).toEqual(expected);
    expect(await session.page.title()).toBe('Messages - Exchange Message Trace - Elastic');

    await opens('emtMessagesTable').first().click();
    const flyout = session.page.locator(subj('emtMessageFlyout'));
    await flyout.getByText('Received').waitFor();
    expect(await flyout.innerText()).toContain(expected[0]);
  });

  it('shows the baseline’s range on Suspicious senders in the set zone and format', async () => {
    const startMs = session.tenant.anchorMs - PERIOD_DAYS * DAY;
    await open('suspicious_senders', {
      start: new Date(startMs).toISOString(),
      end: new Date(session.tenant.collected.endMs).toISOString(),
      connections: session.tenant.connection.id,
    });
    const note = session.page.locator(`${subj('emtBaselineSpan')}, ${subj('emtNoBaseline')}`);
    await note.first().waitFor();
    expect(await note.first().innerText()).toContain(`to ${inNewYork(startMs)}`);
    expect(await session.page.title()).toBe(
      'Suspicious senders - Exchange Message Trace - Elastic'
    );
  });

  it('offers the setting’s quick ranges in the date picker, and shows its dates the same way', async () => {
    await open('messages', collected());
    // EUI formats the picker's dates with the shared moment, whose zone Kibana's core sets.
    expect(
      await session.page.locator(subj('superDatePickerstartDatePopoverButton')).innerText()
    ).toBe(inNewYork(session.tenant.collected.startMs));
    await session.page.locator(subj('superDatePickerToggleQuickMenuButton')).click();
    const ranges = session.page.locator('[data-test-subj^="superDatePickerCommonlyUsed_"]');
    await ranges.first().waitFor();
    expect(await ranges.allInnerTexts()).toEqual(QUICK_RANGES.map((range) => range.display));
  });

  it('shows how far collection has read on Settings in the set zone and format', async () => {
    const { body } = await callRoute(session.host, 'GET', CONNECTIONS_API_PATH, {
      user: 'elastic',
    });
    const connection = (body.connections as ConnectionView[]).find(
      (candidate) => candidate.id === session.tenant.connection.id
    )!;
    await session.page.goto(`${session.host.url}/app/${PLUGIN_ID}/settings`);
    const lag = session.page.locator(subj(`emtLag-${connection.id}`));
    await lag.hover();
    await session.page
      .locator('.euiToolTipPopover')
      .filter({
        hasText: `Everything received before ${inNewYork(connection.status.collectedUntil!)} is collected`,
      })
      .waitFor();
    expect(await session.page.title()).toBe('Settings - Exchange Message Trace - Elastic');
  });
});
