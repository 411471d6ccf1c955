import { readFileSync } from 'node:fs';
import { PLUGIN_ID } from '../../common/constants';
import { statusAt, type TraceRecord } from '../graph_emulator';
import { collectViewsTenant, type ViewsTenant } from '../host/views_tenant';
import { saveScreenshot } from './screenshots';
import { useViewsSession } from './views_session';

const subj = (id: string) => `[data-test-subj="${id}"]`;

/** Graph's statuses by the campaign page's categories, written out rather than taken from our code. */
const CATEGORY: Record<string, string> = {
  delivered: 'delivered',
  filteredAsSpam: 'filteredAsSpam',
  quarantined: 'quarantined',
  failed: 'failed',
  gettingStatus: 'pending',
  pending: 'pending',
};

interface TruthRow {
  tenant: ViewsTenant;
  record: TraceRecord;
  status: string;
}

/** The emulator's rows of one sender in [start, end] of each tenant, each in its status now. */
function campaignTruth(tenants: ViewsTenant[], sender: string, startMs: number, endMs: number) {
  const now = Date.now();
  return tenants.flatMap((tenant) =>
    [...tenant.source.descending(startMs, endMs)]
      .filter((record) => record.senderAddress === sender && record.availableAtMs <= now)
      .map((record): TruthRow => ({ tenant, record, status: statusAt(record, now) }))
  );
}

describe('a phishing campaign across two connections, in Chromium', () => {
  const session = useViewsSession({ seed: 9611, rowsPerDay: 400 });
  let second: ViewsTenant;

  beforeAll(async () => {
    second = await collectViewsTenant(session.host, session.emulator, {
      seed: 9612,
      rowsPerDay: 400,
    });
    await session.page.setViewportSize({ width: 1440, height: 1000 });
  }, 300_000);

  it('pivots from a planted phish to every recipient, with the CSV equal to the emulator’s truth', async () => {
    const { page, host, tenant } = session;
    const spray = tenant.synthetic.plantedSenders.find((p) => p.kind === 'spray')!.senderAddress;
    const range = {
      start: new Date(Math.max(tenant.collected.startMs, second.collected.startMs)).toISOString(),
      end: new Date(Math.min(tenant.collected.endMs, second.collected.endMs)).toISOString(),
    };
    await page.goto(
      `${host.url}/app/${PLUGIN_ID}/messages?${new URLSearchParams({
        ...range,
        connections: tenant.connection.id,
        sender: spray,
      }).toString()}`
    );
    await page.locator(subj('emtMessageOpen')).first().click();
    const flyout = page.locator(subj('emtMessageFlyout'));
    await flyout.locator(subj('emtMessageFacts')).waitFor();

    // Defender's explorer for this message (its trace ID) in its tenant.
    const traceId = new URL(page.url()).searchParams.get('detail')!;
    const defender = new URL((await page.locator(subj('emtOpenInDefender')).getAttribute('href'))!);
    expect(defender.origin + defender.pathname).toBe(
      'https://security.microsoft.com/realtimereportsv3'
    );
    expect(defender.searchParams.get('tid')).toBe(tenant.tenantId);
    expect(defender.searchParams.get('query-NetworkMessageId')).toBe(traceId);

    // The JSON tab holds the stored documents of this message.
    await page.locator(subj('emtMessageJsonTab')).click();
    const callOuts = flyout.locator('.euiCallOut');
    await page
      .locator(`${subj('emtMessageJson')}, ${subj('emtMessageFlyout')} .euiCallOut`)
      .first()
      .waitFor();
    expect(await callOuts.allInnerTexts()).toEqual([]);
    const json = JSON.parse(
      (await page.locator(`${subj('emtMessageJson')} pre code`).textContent())!
    ) as Array<{
      _source: { email: { local_id: string } };
    }>;
    expect(json.length).toBeGreaterThan(0);
    expect(new Set(json.map((document) => document._source.email.local_id))).toEqual(
      new Set([traceId])
    );
    await page.locator('.euiTab', { hasText: 'Details' }).click();

    // Who else got it: the campaign of the sender, across every connection.
    await flyout.locator(subj(`emtCampaignLink-sender-${spray}`)).click();
    await page.locator(subj('emtCampaignRecipients')).waitFor();
    const url = new URL(page.url()).searchParams;
    expect({
      by: url.get('by'),
      value: url.get('value'),
      connections: url.get('connections'),
    }).toEqual({
      by: 'sender',
      value: spray,
      connections: null,
    });
    const truth = campaignTruth(
      [tenant, second],
      spray,
      Date.parse(url.get('start')!),
      Date.parse(url.get('end')!)
    );
    expect(new Set(truth.map((row) => row.tenant))).toEqual(new Set([tenant, second]));

    // The pivot asks across every connection on the node, and other suites collect synthetic
    // tenants whose planted spray sender is this address at the same hours: narrowed to our two
    // connections, every number on the page is exact.
    await page.goto(
      `${host.url}/app/${PLUGIN_ID}/campaign?${new URLSearchParams({
        ...Object.fromEntries(url),
        connections: `${tenant.connection.id},${second.connection.id}`,
      }).toString()}`
    );
    await page.locator(subj('emtCampaignRecipients')).waitFor();

    // Counts per status category and per connection.
    const inCategory = (category: string) =>
      truth.filter((row) => CATEGORY[row.status] === category).length;
    await page
      .locator(subj('emtCampaignCount-total'))
      .filter({ hasText: String(truth.length) })
      .waitFor();
    for (const category of ['delivered', 'filteredAsSpam', 'quarantined']) {
      const tile = page.locator(subj(`emtCampaignCount-${category}`));
      if (inCategory(category) === 0) expect(await tile.count()).toBe(0);
      else expect(await tile.innerText()).toContain(String(inCategory(category)));
    }
    for (const each of [tenant, second]) {
      const cells = await page
        .locator(`${subj(`emtCampaignTenant-${each.connection.id}`)} td`)
        .allInnerTexts();
      const rows = truth.filter((row) => row.tenant === each);
      expect(cells.join('|')).toContain(each.tenantId);
      expect(cells.join('|')).toContain(
        String(new Set(rows.map((r) => r.record.recipientAddress)).size)
      );
    }
    expect(await page.locator(subj('emtCampaignTruncated')).count()).toBe(0);

    // Every recipient, on every page of the table, in its latest status.
    const shown = new Map<string, string>();
    for (;;) {
      const rows = page.locator(`${subj('emtCampaignRecipients')} tbody tr`);
      for (const row of await rows.all()) {
        const key = (await row.getAttribute('data-test-subj'))!.replace(
          'emtCampaignRecipient-',
          ''
        );
        const badge = await row
          .locator('[data-test-subj^="emtStatus-"]')
          .getAttribute('data-test-subj');
        shown.set(key, badge!.replace('emtStatus-', ''));
      }
      const next = page.locator(
        `${subj('emtCampaignRecipients')} ${subj('pagination-button-next')}`
      );
      if (await next.isDisabled()) break;
      await next.click();
    }
    expect(shown).toEqual(
      new Map(
        truth.map((row) => [
          `${row.record.recipientAddress}|${row.tenant.connection.id}`,
          row.status,
        ])
      )
    );
    await page.locator(subj('pagination-button-0')).click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, 'campaign.png');

    // The CSV: one line per row, as the emulator has it.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(subj('emtCampaignDownloadCsv')).click(),
    ]);
    expect(download.suggestedFilename()).toBe('campaign-sender.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    const [header, ...lines] = csv.split('\r\n').filter((line) => line.length > 0);
    // Nothing here needs quoting, so a comma always ends a cell.
    expect(csv).not.toContain('"');
    const columns = header!.split(',');
    const cells = lines.map((line) =>
      Object.fromEntries(line.split(',').map((cell, index) => [columns[index], cell]))
    );
    const pick = (row: Record<string, string | undefined>) =>
      [
        row.origin_timestamp_utc,
        row.network_message_id,
        row.sender_address,
        row.recipient_address,
        row.recipient_status,
        row.tenant_id,
      ].join(' ');
    expect(cells.map(pick).sort()).toEqual(
      truth
        .map((row) =>
          [
            new Date(row.record.receivedMs).toISOString(),
            row.record.id,
            row.record.senderAddress,
            row.record.recipientAddress,
            row.status,
            row.tenant.tenantId,
          ].join(' ')
        )
        .sort()
    );
  });
});
