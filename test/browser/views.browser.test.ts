import type { Page } from 'playwright-core';
import { PLUGIN_ID } from '../../common/constants';
import { statusCategory } from '../../common/message_status';
import type { GraphEmulator } from '../graph_emulator';
import type { KibanaHost } from '../host/kibana_host';
import { PERIOD_DAYS, truthOf, type ViewsTenant } from '../host/views_tenant';
import type { LaunchedChromium, PageProblems } from './chromium';
import { closeViewsSession, messagesByPair, openViewsSession } from './views_session';
import { saveScreenshot } from './screenshots';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** React 18's legacy-root notice (see app_shell.browser.test.ts) is the only expected error. */
const EXPECTED_CONSOLE_ERRORS = [/ReactDOM\.render is no longer supported in React 18/];

const subj = (id: string) => `[data-test-subj="${id}"]`;
const count = (value: number) => value.toLocaleString('en-US');

describe('the views over the synthetic tenant, in Chromium', () => {
  let chromium: LaunchedChromium;
  let host: KibanaHost;
  let emulator: GraphEmulator;
  let tenant: ViewsTenant;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    ({ chromium, host, emulator, tenant, page, problems } = await openViewsSession({ seed: 9503 }));
    await page.setViewportSize({ width: 1440, height: 1000 });
  }, 300_000);

  afterAll(async () => {
    await closeViewsSession({ chromium, host, emulator });
  });

  afterEach(() => {
    const unexpected = problems.consoleErrors.filter(
      (message) => !EXPECTED_CONSOLE_ERRORS.some((pattern) => pattern.test(message))
    );
    expect({ consoleErrors: unexpected, externalRequests: problems.externalRequests }).toEqual({
      consoleErrors: [],
      externalRequests: [],
    });
  });

  const open = (view: string, params: Record<string, string>) =>
    page.goto(`${host.url}/app/${PLUGIN_ID}/${view}?${new URLSearchParams(params).toString()}`);

  const textOf = (id: string) => page.locator(subj(id)).innerText();

  it('shows delivery numbers equal to the emulator’s truth, with the histogram', async () => {
    const endMs =
      Math.floor(Math.min(tenant.collected.endMs, Date.now() - 2 * HOUR) / MINUTE) * MINUTE;
    const startMs = Math.ceil(tenant.collected.startMs / MINUTE) * MINUTE;
    const truth = truthOf(emulator, tenant, { startMs, endMs });
    const inCategory = (category: string) =>
      truth.filter((row) => statusCategory(row.status) === category).length;

    await open('delivery_status', {
      start: new Date(startMs).toISOString(),
      end: new Date(endMs).toISOString(),
      connections: tenant.connection.id,
    });
    await page.locator(subj('emtStatusTotals')).waitFor();
    expect(await textOf('emtTotal-total')).toContain(count(truth.length));
    for (const category of ['delivered', 'failed', 'quarantined', 'filteredAsSpam']) {
      expect(await textOf(`emtTotal-${category}`)).toContain(count(inCategory(category)));
    }
    expect(await textOf('emtTotal-pendingOverAnHour')).toContain(count(inCategory('pending')));
    await page
      .locator(`${subj('emtStatusHistogram')} canvas`)
      .first()
      .waitFor();
    await page
      .locator(`${subj('emtUndeliveredTable')} ${subj('emtMessageOpen')}`)
      .first()
      .waitFor();
    // The connection filter names the connection the URL chose.
    expect(await textOf('emtSourceFilter')).toContain(tenant.connection.settings.name);
    expect(await page.locator(subj('breadcrumbs')).innerText()).toContain('Delivery status');

    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, 'delivery_status.png');
  });

  it('ranks the planted senders on top with their reasons, not the newsletters or partners', async () => {
    await open('suspicious_senders', {
      start: new Date(tenant.anchorMs - PERIOD_DAYS * DAY).toISOString(),
      end: new Date(tenant.collected.endMs).toISOString(),
      connections: tenant.connection.id,
    });
    const rows = page.locator(`${subj('emtSendersTable')} tbody tr`);
    await page.locator(subj('emtSenderScore')).first().waitFor();
    const planted = tenant.synthetic.plantedSenders;
    const ranked = await page.locator(subj('emtSenderOpen')).allInnerTexts();
    expect(new Set(ranked.slice(0, planted.length))).toEqual(
      new Set(planted.map((p) => p.senderAddress))
    );
    const spoof = planted.find((p) => p.kind === 'spoofedLocalDomain')!.senderAddress;
    const spoofReasons = await textOf(`emtReasons-${spoof}`);
    expect(spoofReasons).toContain('Our domain from outside');
    expect(spoofReasons).toContain(
      `came from ${planted.find((p) => p.kind === 'spoofedLocalDomain')!.fromIPs[0]}`
    );
    const lookalike = planted.find((p) => p.kind === 'lookalikeDomain')!.senderAddress;
    expect(await textOf(`emtReasons-${lookalike}`)).toContain('Lookalike domain');
    const { population } = tenant.synthetic;
    for (const legitimate of [...population.newsletters, ...population.partners]) {
      expect(ranked).not.toContain(legitimate.address);
    }
    expect(await rows.count()).toBeGreaterThanOrEqual(planted.length);

    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, 'suspicious_senders.png');

    // A click opens the sender's messages; back returns to the ranking.
    await page.locator(`${subj(`emtSenderRow-${spoof}`)} ${subj('emtSenderOpen')}`).click();
    await page.locator(subj('emtMessagesPage')).waitFor();
    expect(new URL(page.url()).searchParams.get('sender')).toBe(spoof);
    await page.goBack();
    await page.locator(subj(`emtReasons-${spoof}`)).waitFor();
  });

  it('keeps typed criteria when the date range changes, and searches by all of them', async () => {
    // "Last 7 days" as the page resolves it (the test takes seconds, not an hour).
    const newStartMs = Date.now() - 7 * DAY;
    // A sender and recipient with mail on both sides of the new start, none near it.
    const chosen = messagesByPair(tenant).find(
      ({ times }) =>
        times.some((t) => t < newStartMs - HOUR) &&
        times.some((t) => t > newStartMs + HOUR) &&
        !times.some((t) => Math.abs(t - newStartMs) <= HOUR)
    )!;
    const expected = chosen.times.filter((t) => t >= newStartMs).length;
    await open('messages', {
      start: new Date(tenant.collected.startMs).toISOString(),
      end: new Date(tenant.collected.endMs).toISOString(),
      connections: tenant.connection.id,
    });
    await page
      .locator(`${subj('emtMessagesTable')} ${subj('emtMessageOpen')}`)
      .first()
      .waitFor();
    await page.locator(subj('emtSearch-sender')).fill(chosen.sender);
    await page.locator(subj('emtSearch-recipient')).fill(chosen.recipient);

    // The date picker's quick select: "Last 7 days".
    await page.locator(subj('superDatePickerToggleQuickMenuButton')).click();
    await page.getByLabel('Time value', { exact: true }).fill('7');
    await page.getByLabel('Time unit', { exact: true }).selectOption('d');
    await page.locator(subj('superDatePickerQuickSelectApplyButton')).click();
    await page.waitForURL((url) => url.searchParams.get('start') === 'now-7d');
    expect(await page.locator(subj('emtSearch-sender')).inputValue()).toBe(chosen.sender);
    expect(await page.locator(subj('emtSearch-recipient')).inputValue()).toBe(chosen.recipient);

    await page.locator(subj('emtSearchSubmit')).click();
    await page
      .locator(subj('emtMessagesTotal'))
      .filter({ hasText: new RegExp(`^${count(expected)} messages$`) })
      .waitFor();
    expect(
      await page.locator(`${subj('emtMessagesTable')} ${subj('emtMessageOpen')}`).count()
    ).toBe(Math.min(expected, 25));
    const url = new URL(page.url()).searchParams;
    expect({
      start: url.get('start'),
      sender: url.get('sender'),
      recipient: url.get('recipient'),
    }).toEqual({ start: 'now-7d', sender: chosen.sender, recipient: chosen.recipient });
  });

  it('says what is wrong in words, beside the field or in a callout, with no stale rows', async () => {
    const range = {
      start: new Date(tenant.collected.startMs).toISOString(),
      end: new Date(tenant.collected.endMs).toISOString(),
      connections: tenant.connection.id,
    };
    await open('messages', range);
    const rows = page.locator(`${subj('emtMessagesTable')} ${subj('emtMessageOpen')}`);
    await rows.first().waitFor();

    // Typed, a bad IP is refused beside its field; nothing is searched.
    await page.locator(subj('emtSearch-ip')).fill('300.1.2.3');
    expect(await page.locator('.euiFormErrorText').innerText()).toBe(
      'Enter an IP address, such as 203.0.113.7, or a network, such as 203.0.113.0/24.'
    );
    expect(await page.locator(subj('emtSearchSubmit')).isDisabled()).toBe(true);

    // Sent anyway (Refresh submits the form, as with Kibana's query bar), the server's refusal
    // reads in words, and the rows go. The browser logs the refused request: this test's own.
    const refused =
      'Failed to load resource: the server responded with a status of 400 (Bad Request)';
    const logged = page.waitForEvent('console', (message) => message.text() === refused);
    await page.locator(subj('superDatePickerApplyTimeButton')).click();
    await logged;
    const error = page.locator(subj('emtMessagesError'));
    await error.waitFor();
    // Title and body (EUI puts a blank line between them); the field by its name on the page.
    expect((await error.innerText()).split(/\n+/)).toEqual([
      'The messages could not be searched',
      'IP address must be an IP address or a network like 203.0.113.0/24 (an address like ::ffff:192.0.2.1 without a prefix length).',
    ]);
    expect(await rows.count()).toBe(0);
    expect(problems.consoleErrors.filter((message) => message === refused)).toHaveLength(1);
    problems.consoleErrors.splice(problems.consoleErrors.indexOf(refused), 1);

    // An inverted range says so, rather than that nothing matches.
    await open('messages', { ...range, start: range.end, end: range.start });
    const problem = page.locator(subj('emtRangeProblem'));
    await problem.waitFor();
    expect((await problem.innerText()).split(/\n+/)).toEqual([
      'The time range ends before it starts',
      `It starts ${range.end} and ends ${range.start}. Pick an end after the start.`,
    ]);
    expect(await page.locator(subj('emtMessagesTable')).count()).toBe(0);

    // A 30-year range, said once (not by the delivery status and its undelivered table both).
    await open('delivery_status', { start: 'now-30y', end: 'now' });
    await problem.waitFor();
    expect(await problem.innerText()).toMatch(
      /^The time range is too long\n+It spans [\d.]+ days; a view reads at most 400 days/
    );
    const text = await page.locator(subj('emtDeliveryStatusPage')).innerText();
    expect(text.split('400 days').length - 1).toBe(1);
  });

  it('searches messages, opens one with its status changes and fetches its event trail', async () => {
    const spray = tenant.synthetic.plantedSenders.find((p) => p.kind === 'spray')!;
    await open('messages', {
      start: new Date(tenant.collected.startMs).toISOString(),
      end: new Date(tenant.collected.endMs).toISOString(),
      connections: tenant.connection.id,
      sender: spray.senderAddress,
    });
    await page
      .locator(`${subj('emtMessagesTable')} ${subj('emtMessageOpen')}`)
      .first()
      .waitFor();
    expect(await textOf('emtMessagesTotal')).toBe('80 messages');

    await page.locator(subj('emtMessageOpen')).first().click();
    const flyout = page.locator(subj('emtMessageFlyout'));
    await flyout.locator(subj('emtMessageFacts')).waitFor();
    expect(await flyout.innerText()).toContain(spray.senderAddress);
    await flyout.locator('[data-test-subj^="emtTrailLoad-"]').first().click();
    await flyout.locator('[data-test-subj^="emtTrail-"]').first().waitFor();
    expect(await flyout.innerText()).toContain('Receive');
    expect(await page.locator(subj('emtOpenInDiscover')).getAttribute('href')).toContain(
      '/app/discover#/'
    );

    // The flyout is part of the URL: back closes it.
    await page.goBack();
    await flyout.waitFor({ state: 'detached' });

    // A message whose recipient was seen pending before it settled: both statuses, in order.
    const changed = tenant.synthetic
      .descending(tenant.collected.startMs, tenant.collected.endMs - 2 * HOUR)
      [Symbol.iterator]();
    let record = changed.next().value;
    while (
      record &&
      !(record.timeline.length > 1 && record.timeline[0]!.status === 'gettingStatus')
    ) {
      record = changed.next().value;
    }
    await open('messages', {
      start: new Date(tenant.collected.startMs).toISOString(),
      end: new Date(tenant.collected.endMs).toISOString(),
      connections: tenant.connection.id,
      sender: record!.senderAddress!,
      detail: record!.id,
      detailConnection: tenant.connection.id,
    });
    const changes = page.locator(subj(`emtStatusChanges-${record!.recipientAddress}`));
    await changes.waitFor();
    const final = record!.timeline[record!.timeline.length - 1]!.status;
    expect(
      await changes
        .locator('[data-test-subj^="emtStatus-"]')
        .evaluateAll((badges) => badges.map((badge) => badge.getAttribute('data-test-subj')))
    ).toEqual(['emtStatus-gettingStatus', `emtStatus-${final}`]);
    await page.locator(subj(`emtTrailLoad-${record!.recipientAddress}`)).click();
    await page.locator(subj(`emtTrail-${record!.recipientAddress}`)).waitFor();
    await page
      .locator(`${subj('emtMessagesTable')} ${subj('emtMessageOpen')}`)
      .first()
      .waitFor();
    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, 'messages.png');
  });
});
