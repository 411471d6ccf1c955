import { readFileSync } from 'node:fs';
import { PLUGIN_ID } from '../../common/constants';
import { KNOWN_SENDERS_API_PATH, type ListKnownSendersResponse } from '../../common/http_api/views';
import { PERIOD_DAYS } from '../host/views_tenant';
import { waitFor } from '../host/test_support';
import { subj } from './chromium';
import { useViewsSession } from './views_session';

const DAY_MS = 86_400_000;
const count = (value: number) => value.toLocaleString('en-US');

/**
 * Kibana's default dateFormat (`MMM D, YYYY @ HH:mm:ss.SSS`) in `timeZone`, computed with the
 * platform's Intl, not moment or our code.
 */
const inKibanaDefaultFormat = (instant: string, timeZone: string) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      fractionalSecondDigits: 3,
      hourCycle: 'h23',
    })
      .formatToParts(new Date(instant))
      .map(({ type, value }) => [type, value])
  );
  return `${parts.month} ${parts.day}, ${parts.year} @ ${parts.hour}:${parts.minute}:${parts.second}.${parts.fractionalSecond}`;
};

/** The suspicious senders table, the delivery status page's tiles and brush, column widths, the landing page and the connection form's cancel, in Chromium at 1280 px. */
/**
 * The boxes in `element` (itself included) whose content is cut ("Undeliv…"), as "tag: pixels".
 * Screen-reader-only text is clipped to a pixel on purpose. Runs in the page.
 */
function cutBoxes(element: Element): string[] {
  return [element, ...element.querySelectorAll('*')]
    .filter((box) => !box.closest('.euiScreenReaderOnly') && box.clientWidth > 0)
    .filter((box) => box.scrollWidth > box.clientWidth + 1)
    .map((box) => `${box.tagName.toLowerCase()}: ${box.scrollWidth - box.clientWidth}`);
}

describe('analyst workflows and Kibana conventions, in Chromium', () => {
  const session = useViewsSession({ seed: 9506 });

  const open = (view: string, params: Record<string, string>) =>
    session.page.goto(
      `${session.host.url}/app/${PLUGIN_ID}/${view}?${new URLSearchParams(params).toString()}`
    );
  const searchParam = (name: string) => new URL(session.page.url()).searchParams.get(name);

  const sendersRange = () => ({
    start: new Date(session.tenant.anchorMs - PERIOD_DAYS * DAY_MS).toISOString(),
    end: new Date(session.tenant.collected.endMs).toISOString(),
    connections: session.tenant.connection.id,
  });
  const rankedSenders = () => session.page.locator(subj('emtSenderOpen')).allInnerTexts();
  it('sorts the suspicious senders by a column and filters them by reason, in the URL', async () => {
    const { page, tenant } = session;
    await open('suspicious_senders', sendersRange());
    await page.locator(subj('emtSenderScore')).first().waitFor();
    const ranked = await rankedSenders();

    await page
      .locator(`[data-test-subj^="tableHeaderCell_messages_"] ${subj('tableHeaderSortButton')}`)
      .click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'messages');
    expect(searchParam('dir')).toBe('asc');
    const messagesColumn = () =>
      page
        .locator(`${subj('emtSendersTable')} tbody tr`)
        .evaluateAll((rows) =>
          rows.map((row) =>
            Number(
              row
                .querySelector('td:nth-child(4) .euiTableCellContent')
                ?.textContent?.replace(/\D/g, '')
            )
          )
        );
    // The rows change: the same senders, fewest messages first.
    const byMessages = await waitFor(
      async () => {
        const now = await rankedSenders();
        return now.join() !== ranked.join() ? now : undefined;
      },
      { what: 'the senders sorted by messages' }
    );
    const messages = await messagesColumn();
    expect(messages).toEqual([...messages].sort((a, b) => a - b));
    expect(new Set(byMessages)).toEqual(new Set(ranked));

    const planted = (kind: string) =>
      tenant.synthetic.plantedSenders.find((p) => p.kind === kind)!.senderAddress;
    await page.locator(subj('emtReasonFilter')).click();
    await page.locator(subj('emtReasonOption-lookalikeDomain')).click();
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => url.searchParams.get('reasons') === 'lookalikeDomain');
    // The spoof of our own domain has no lookalike reason: its row goes.
    await page
      .locator(subj(`emtSenderRow-${planted('spoofedLocalDomain')}`))
      .waitFor({ state: 'detached' });
    const lookalikes = await rankedSenders();
    expect(lookalikes).toContain(planted('lookalikeDomain'));
    for (const sender of lookalikes) {
      expect(await page.locator(subj(`emtReasons-${sender}`)).innerText()).toContain(
        'Lookalike domain'
      );
    }

    // The CSV holds the table's rows, in its order (sorted by messages, lookalikes only).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(subj('emtDownloadCsv')).click(),
    ]);
    expect(download.suggestedFilename()).toBe('suspicious-senders.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    // Nothing here needs quoting, so a comma always ends a cell.
    expect(csv).not.toContain('"');
    const [header, ...lines] = csv.split('\r\n').filter((line) => line.length > 0);
    const columns = header!.split(',');
    const fromCsv = lines.map((line) => {
      const cells = Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell]));
      return [cells.sender, cells.score, cells.messages, cells.reason_codes].join(' ');
    });
    const scores = await page.locator(subj('emtSenderScore')).allInnerTexts();
    const counts = await messagesColumn();
    const fromTable = await Promise.all(
      lookalikes.map(async (sender, i) => {
        const reasons = page
          .locator(subj(`emtReasons-${sender}`))
          .locator('[data-test-subj^="emtReason-"]');
        const codes = await reasons.evaluateAll((found) =>
          found.map((reason) => reason.getAttribute('data-test-subj')!.replace('emtReason-', ''))
        );
        return [sender, scores[i], counts[i], codes.join(';')].join(' ');
      })
    );
    expect(fromCsv).toEqual(fromTable);

    await page.locator(subj('emtScoreLegendButton')).click();
    const legend = page.locator(subj('emtScoreLegend'));
    expect(await legend.locator(subj('emtLegend-ownDomainFromOutside')).innerText()).toMatch(
      /Our domain from outside\s+40/
    );
  });

  it('marks a sender with a note, undoes from the toast, lists the mark and removes it after confirming', async () => {
    const { page, tenant } = session;
    const spam = tenant.synthetic.plantedSenders.find((p) => p.kind === 'spamHeavy')!.senderAddress;
    const note = 'Our marketing vendor, confirmed with sales';
    const mark = async () => {
      await page.locator(subj(`emtKnownGoodToggle-${spam}`)).click();
      const modal = page.locator(subj('emtKnownGoodModal'));
      await modal.locator(subj('emtKnownGoodNoteInput')).fill(note);
      await modal.locator(subj('confirmModalConfirmButton')).click();
      await page.locator(subj('emtKnownGoodToast')).waitFor();
      await page.locator(subj(`emtSenderRow-${spam}`)).waitFor({ state: 'detached' });
    };
    await open('suspicious_senders', sendersRange());
    await page.locator(subj(`emtSenderRow-${spam}`)).waitFor();

    // Undo from the toast: the sender is ranked again, and no mark is kept.
    await mark();
    await page.locator(subj('emtKnownGoodUndo')).click();
    await page.locator(subj(`emtSenderRow-${spam}`)).waitFor();
    const listed = async () =>
      page.evaluate(async (path) => {
        const response = await fetch(path, { headers: { 'x-elastic-internal-origin': 'Kibana' } });
        return ((await response.json()) as ListKnownSendersResponse).knownSenders;
      }, KNOWN_SENDERS_API_PATH);
    expect((await listed()).map((known) => known.sender)).not.toContain(spam);

    // Marked for good: stored with who (the signed-in user), when and why, and shown so.
    await mark();
    expect((await listed()).find((known) => known.sender === spam)).toEqual({
      sender: spam,
      note,
      markedBy: 'elastic',
      markedAt: expect.any(String),
    });
    await page.locator(subj('emtShowKnownGood')).click();
    const row = page.locator(subj(`emtSenderRow-${spam}`));
    await row.waitFor();
    expect(await row.locator(subj('emtKnownGoodNote')).innerText()).toMatch(
      new RegExp(`^Marked by elastic on .+: ${note}$`)
    );
    await page.locator(subj('emtShowKnownGood')).click();
    await row.waitFor({ state: 'detached' });

    // The list of every mark: who, when (Kibana's default dateFormat, in the browser's zone) and
    // why; removed after confirming, the sender is ranked again.
    const stored = (await listed()).find((known) => known.sender === spam)!;
    await page.locator(subj('emtKnownSendersButton')).click();
    const flyout = page.locator(subj('emtKnownSendersFlyout'));
    const listedRow = flyout.locator(subj(`emtKnownSender-${spam}`));
    const browserZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(await listedRow.locator('td .euiTableCellContent').allInnerTexts()).toEqual([
      spam,
      note,
      'elastic',
      inKibanaDefaultFormat(stored.markedAt, browserZone),
      'Remove',
    ]);
    const remove = listedRow.locator(subj(`emtKnownSenderRemove-${spam}`));
    expect(await remove.evaluate(cutBoxes)).toEqual([]);
    await remove.click();
    const confirm = page.locator(subj('emtRemoveKnownSenderConfirm'));
    await confirm.locator(subj('confirmModalConfirmButton')).click();
    await listedRow.waitFor({ state: 'detached' });
    expect((await listed()).map((known) => known.sender)).not.toContain(spam);
    await flyout.locator(subj('euiFlyoutCloseButton')).click();
    await flyout.waitFor({ state: 'detached' });
    await row.waitFor();
    expect(await row.locator(subj('emtKnownGoodBadge')).count()).toBe(0);
  });

  it('zooms to a brushed span of the histogram, and a tile opens its messages', async () => {
    const { page, tenant } = session;
    const range = {
      start: new Date(tenant.collected.startMs).toISOString(),
      end: new Date(tenant.collected.endMs).toISOString(),
      connections: tenant.connection.id,
    };
    await open('delivery_status', range);
    const failedTile = page.locator(subj('emtTotal-failed'));
    await failedTile.waitFor();
    const failed = Number((await failedTile.innerText()).split('\n')[0]!.replace(/\D/g, ''));
    expect(failed).toBeGreaterThan(0);

    await failedTile.click();
    await page.locator(subj('emtMessagesPage')).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/app/${PLUGIN_ID}/messages`);
    expect({
      start: searchParam('start'),
      end: searchParam('end'),
      connections: searchParam('connections'),
      statuses: searchParam('statuses'),
    }).toEqual({ ...range, statuses: 'failed' });
    await page
      .locator(subj('emtMessagesTotal'))
      .filter({ hasText: new RegExp(`^${count(failed)} messages?$`) })
      .waitFor();
    const statuses = await page
      .locator(`${subj('emtMessagesTable')} [data-test-subj^="emtStatus-"]`)
      .evaluateAll((badges) => badges.map((badge) => badge.getAttribute('data-test-subj')));
    expect(new Set(statuses)).toEqual(new Set(['emtStatus-failed']));

    await page.goBack();
    const canvas = page.locator(`${subj('emtStatusHistogram')} canvas`).first();
    await canvas.waitFor();
    await page.waitForLoadState('networkidle');
    const box = (await canvas.boundingBox())!;
    // Across the middle of the plot (the legend is on the right, the axis on the left).
    const y = box.y + box.height * 0.4;
    await page.mouse.move(box.x + box.width * 0.3, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.45, y, { steps: 8 });
    await page.mouse.move(box.x + box.width * 0.55, y, { steps: 8 });
    await page.mouse.up();
    await page.waitForURL((url) => url.searchParams.get('start') !== range.start);
    const zoomed = {
      start: Date.parse(searchParam('start')!),
      end: Date.parse(searchParam('end')!),
    };
    expect(searchParam('start')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(searchParam('end')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(zoomed.start).toBeGreaterThan(Date.parse(range.start));
    expect(zoomed.end).toBeLessThan(Date.parse(range.end));
    expect(zoomed.end - zoomed.start).toBeLessThan(
      (Date.parse(range.end) - Date.parse(range.start)) / 2
    );
    expect(searchParam('connections')).toBe(range.connections);
    // The page asks for the zoomed range.
    await page.locator(subj('emtStatusTotals')).waitFor();
  });

  /** The rendered address and IP cells of the messages table: their text and whether it is cut. */
  const messageCells = () =>
    session.page.locator(subj('emtMessagesTable')).evaluate((element) => {
      const columnOf = (field: string) => {
        const header = element.querySelector(`[data-test-subj^="tableHeaderCell_${field}_"]`)!;
        return [...header.parentElement!.children].indexOf(header);
      };
      const boxesUpTo = (from: Element, to: Element) => {
        const boxes = [from];
        while (boxes.at(-1) !== to) boxes.push(boxes.at(-1)!.parentElement!);
        return boxes;
      };
      const measure = (field: string, value: string) =>
        [...element.querySelectorAll('tbody tr')].map((tr) => {
          const content = tr.children[columnOf(field)]!.querySelector('.euiTableCellContent')!;
          const shown = content.querySelector<HTMLElement>(`[data-test-subj="${value}"]`);
          const style = shown && getComputedStyle(shown);
          const lineHeight = style
            ? parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5
            : 1;
          // Where a text broke across lines: a piece between break opportunities (an IPv6
          // group and its ":") spans more than one line box.
          const brokenPieces = [...(shown?.childNodes ?? [])]
            .filter((node) => node.nodeType === Node.TEXT_NODE)
            .filter((node) => {
              const range = document.createRange();
              range.selectNodeContents(node);
              return (
                new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1
              );
            })
            .map((node) => node.textContent);
          return {
            text: shown?.textContent ?? content.textContent,
            // Cut short by any box between the text and the cell (a truncating tooltip anchor).
            overflows: boxesUpTo(shown ?? content, content).some(
              (box) => box.scrollWidth > box.clientWidth + 1
            ),
            lines: shown ? Math.round(shown.getBoundingClientRect().height / lineHeight) : 1,
            brokenPieces,
          };
        });
      return {
        sender: measure('sender', 'emtAddress'),
        recipient: measure('recipient', 'emtAddress'),
        ip: measure('fromIp', 'emtIp'),
      };
    });

  it('keeps addresses and IPs whole at 1280 px: an IPv6 address wraps only after a ":"', async () => {
    const { page, tenant } = session;
    expect(page.viewportSize()?.width).toBe(1280);
    const collected = {
      start: new Date(tenant.collected.startMs).toISOString(),
      end: new Date(tenant.collected.endMs).toISOString(),
      connections: tenant.connection.id,
      size: '100',
    };
    await open('messages', collected);
    const table = page.locator(subj('emtMessagesTable'));
    await table.locator(subj('emtMessageOpen')).first().waitFor();
    const cells = await messageCells();
    const { synthetic } = tenant;
    const addresses = new Set<string>();
    const sourceIps = new Set<string>();
    for (const record of synthetic.descending(tenant.collected.startMs, tenant.collected.endMs)) {
      if (record.senderAddress) addresses.add(record.senderAddress.toLowerCase());
      addresses.add(record.recipientAddress.toLowerCase());
      if (record.fromIP) sourceIps.add(record.fromIP);
    }
    expect(cells.sender.length).toBeGreaterThan(20);
    for (const { text, overflows } of [...cells.sender, ...cells.recipient]) {
      // The whole address, not "support@adven…".
      expect({ text, whole: addresses.has(text!.toLowerCase()), overflows }).toEqual({
        text,
        whole: true,
        overflows: false,
      });
    }
    const ipv4 = cells.ip.filter((cell) => cell.text !== '—' && !cell.text!.includes(':'));
    expect(ipv4.length).toBeGreaterThan(10);
    for (const { text, overflows, lines } of ipv4) {
      expect({ text, whole: sourceIps.has(text!), lines, overflows }).toEqual({
        text,
        whole: true,
        lines: 1,
        overflows: false,
      });
    }

    // The tenant's users send from Microsoft's IPv6 client ranges (2603:10a6::/32).
    await open('messages', { ...collected, ip: '2603:10a6::/32' });
    await table.locator(subj('emtMessageOpen')).first().waitFor();
    const ipv6 = (await messageCells()).ip;
    expect(ipv6.length).toBeGreaterThan(5);
    for (const { text, overflows, brokenPieces } of ipv6) {
      // Readable without hovering: every character shown, no group cut across lines.
      expect({ text, whole: sourceIps.has(text!), overflows, brokenPieces }).toEqual({
        text,
        whole: true,
        overflows: false,
        brokenPieces: [],
      });
      expect(text).toMatch(/^2603:10a6:/);
    }
  });

  it('keeps the suspicious senders table’s column headers whole at 1440 px', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 1440, height: 900 });
    try {
      await open('suspicious_senders', sendersRange());
      const table = page.locator(subj('emtSendersTable'));
      await table.locator(subj('emtSenderScore')).first().waitFor();
      const headers = await Promise.all(
        (await table.locator('thead th').all()).map(async (th) => ({
          header: await th.locator('.eui-textTruncate').innerText(),
          cut: await th.evaluate(cutBoxes),
        }))
      );
      // Signed in as elastic, a manager: the known-good column is there too.
      const names = [
        'Score',
        'Sender',
        'Why',
        'Messages',
        'Recipients',
        'Undelivered',
        'Last seen',
        'Known-good',
      ];
      expect(headers).toEqual(names.map((header) => ({ header, cut: [] })));

      // The spoof of our own domain came from the tenant's IPv6 client ranges: whole in its cell.
      const ipv6 = table
        .locator(`${subj('emtSourceIps')} ${subj('emtIp')}`)
        .filter({ hasText: ':' });
      expect(await ipv6.count()).toBeGreaterThan(0);
      for (const ip of await ipv6.all()) {
        expect(await ip.innerText()).toMatch(/^2603:10a6:[\da-f:]+$/);
        expect(await ip.locator('xpath=ancestor::td').evaluate(cutBoxes)).toEqual([]);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('lands an analyst with a connection on Delivery status', async () => {
    const { page, host } = session;
    const app = encodeURIComponent(`/app/${PLUGIN_ID}`);
    await page.goto(`${host.url}/host/login?user=soc_analyst&next=${app}`);
    await page.locator(subj('emtDeliveryStatusPage')).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/app/${PLUGIN_ID}/delivery_status`);
    expect(await page.locator(subj('breadcrumbs')).innerText()).toContain('Delivery status');
    await page.goto(`${host.url}/host/login?user=elastic&next=${app}`);
    await page.locator(subj('emtDeliveryStatusPage')).waitFor();
  });

  it('asks before a filled connection form is cancelled; an untouched one closes at once', async () => {
    const { page } = session;
    await open('settings', {});
    await page.locator(subj('emtCreateConnection')).click();
    const flyout = page.locator(subj('emtConnectionFlyout'));
    await flyout.locator(subj('emtCancelConnection')).click();
    await flyout.waitFor({ state: 'detached' });
    expect(await page.locator(subj('emtDiscardConfirm')).count()).toBe(0);

    await page.locator(subj('emtCreateConnection')).click();
    await flyout.locator(subj('emtField-name')).fill('Fabrikam');
    // Every field spans the form.
    const widths = await flyout.evaluate((element) => {
      const form = element.querySelector('form')!.getBoundingClientRect().width;
      return [...element.querySelectorAll('form .euiFormRow')]
        .filter((row) => !row.closest('.euiFlexGrid'))
        .map((row) => Math.round((row.getBoundingClientRect().width / form) * 100));
    });
    expect(new Set(widths)).toEqual(new Set([100]));

    await flyout.locator(subj('emtCancelConnection')).click();
    const confirm = page.locator(subj('emtDiscardConfirm'));
    await confirm.locator(subj('confirmModalCancelButton')).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await flyout.locator(subj('emtField-name')).inputValue()).toBe('Fabrikam');
    await flyout.locator(subj('emtCancelConnection')).click();
    await confirm.locator(subj('confirmModalConfirmButton')).click();
    await flyout.waitFor({ state: 'detached' });
  });
});
