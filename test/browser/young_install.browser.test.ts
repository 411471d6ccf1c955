import type { Page } from 'playwright-core';
import { PLUGIN_ID } from '../../common/constants';
import { DAY_MS, MINUTE_MS } from '../../common/time';
import type { GraphEmulator } from '../graph_emulator';
import type { KibanaHost } from '../host/kibana_host';
import type { ViewsTenant } from '../host/views_tenant';
import { subj, unexpected, type LaunchedChromium, type PageProblems } from './chromium';
import { closeViewsSession, openViewsSession } from './views_session';

/** A tenant with mail since 7 days and 20 minutes ago, asked about "Last 7 days". */
const HISTORY_DAYS = 7 + (20 * MINUTE_MS) / DAY_MS;

describe('suspicious senders on a young install, in Chromium', () => {
  let chromium: LaunchedChromium;
  let host: KibanaHost;
  let emulator: GraphEmulator;
  let tenant: ViewsTenant;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    ({ chromium, host, emulator, tenant, page, problems } = await openViewsSession({
      seed: 9504,
      historyDays: HISTORY_DAYS,
    }));
  }, 300_000);

  afterAll(async () => {
    await closeViewsSession({ chromium, host, emulator });
  });

  afterEach(() => {
    expect(unexpected(problems)).toEqual({ consoleErrors: [], externalRequests: [] });
  });

  const open = (view: string, params: Record<string, string>) =>
    page.goto(`${host.url}/app/${PLUGIN_ID}/${view}?${new URLSearchParams(params).toString()}`);

  it('ranks every planted sender above every legitimate one, and says how short the baseline is', async () => {
    const openedAt = Date.now();
    await open('suspicious_senders', {
      start: 'now-7d',
      end: 'now',
      connections: tenant.connection.id,
    });
    await page.locator(subj('emtSenderScore')).first().waitFor();
    const ranked = await page.locator(subj('emtSenderOpen')).allInnerTexts();
    const { plantedSenders, population } = tenant.synthetic;
    const rankOf = (sender: string) => ranked.indexOf(sender);
    const planted = plantedSenders.map((p) => p.senderAddress);
    const legitimate = [...population.partners, ...population.newsletters].map((s) => s.address);
    expect(planted.filter((sender) => rankOf(sender) < 0)).toEqual([]);
    const lowestPlanted = Math.max(...planted.map(rankOf));
    expect(
      legitimate.filter((sender) => rankOf(sender) >= 0 && rankOf(sender) < lowestPlanted)
    ).toEqual([]);

    // The baseline: from the tenant's first scored mail (a sender, not recalled) to 7 days
    // before the page was opened.
    let firstMs = Infinity;
    for (const record of tenant.synthetic.descending(
      0,
      openedAt - HISTORY_DAYS * DAY_MS + DAY_MS
    )) {
      const final = record.timeline[record.timeline.length - 1]!.status;
      if (record.senderAddress && final !== 'recalled') firstMs = record.receivedMs;
    }
    const minutes = (openedAt - 7 * DAY_MS - firstMs) / MINUTE_MS;
    const callout = page.locator(subj('emtNoBaseline'));
    // EUI's `info` icon, not the image of an icon type EUI no longer has.
    expect(await callout.locator('img').count()).toBe(0);
    expect(await callout.locator('svg').count()).toBe(1);
    const note = await callout.innerText();
    const shown = /No baseline yet: only (\d+) minutes of mail before this period/.exec(note);
    expect(Number(shown?.[1])).toBeGreaterThanOrEqual(Math.round(minutes));
    expect(Number(shown?.[1])).toBeLessThanOrEqual(Math.round(minutes) + 1);
  });

  it('counts the tenant’s own onmicrosoft.com sender as internal', async () => {
    const { ndrSender } = tenant.synthetic.population;
    await open('messages', {
      start: 'now-7d',
      end: 'now',
      connections: tenant.connection.id,
      sender: ndrSender,
    });
    const table = page.locator(subj('emtMessagesTable'));
    await table.locator(subj('emtMessageOpen')).first().waitFor();
    const directions = await table.evaluate((element) => {
      const header = element.querySelector('[data-test-subj^="tableHeaderCell_direction_"]')!;
      const column = [...header.parentElement!.children].indexOf(header);
      return [...element.querySelectorAll('tbody tr')].map(
        (tr) => tr.children[column]?.querySelector('.euiTableCellContent')?.textContent
      );
    });
    expect(directions.length).toBeGreaterThan(0);
    expect(new Set(directions)).toEqual(new Set(['internal']));
  });
});
