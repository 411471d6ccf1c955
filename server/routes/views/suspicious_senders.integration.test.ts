import { domainToASCII } from 'node:url';
import {
  KNOWN_SENDERS_API_PATH,
  SUSPICIOUS_SENDERS_API_PATH,
  knownSenderPath,
  type ListKnownSendersResponse,
  type SenderReasonCode,
  type SuspiciousSendersResponse,
} from '../../../common/http_api/views';
import type { GraphEmulator, PlantedKind } from '../../../test/graph_emulator';
import { startEmulatedGraphHost } from '../../../test/host/emulated_graph_host';
import type { KibanaHost } from '../../../test/host/kibana_host';
import { callRoute } from '../../../test/host/test_support';
import {
  BASELINE_DAYS,
  PERIOD_DAYS,
  collectViewsTenant,
  type ViewsTenant,
} from '../../../test/host/views_tenant';

const DAY = 86_400_000;
/** The statuses the route leaves out of scoring: rows in flight, and recalls. */
const UNSETTLED_STATUSES = new Set(['gettingStatus', 'pending', 'recalled']);
/**
 * How the explanations name the baseline: its BASELINE_DAYS (4), all of them holding data, as
 * the collector read 11 days back.
 */
const BEFORE = 'in the 4 days before';

/** The reason each planted sender is there for. */
const EXPECTED_REASON: Record<PlantedKind, SenderReasonCode> = {
  lookalikeDomain: 'lookalikeDomain',
  homoglyphDomain: 'lookalikeDomain',
  spray: 'manyRecipients',
  spamHeavy: 'undeliveredRatio',
  spoofedLocalDomain: 'ownDomainFromOutside',
  newSourceNetwork: 'newSourceNetwork',
};

describe('suspicious senders over the collected synthetic tenant', () => {
  let host: KibanaHost;
  let emulator: GraphEmulator;
  let tenant: ViewsTenant;
  let request: Record<string, unknown>;

  beforeAll(async () => {
    ({ host, emulator } = await startEmulatedGraphHost());
    tenant = await collectViewsTenant(host, emulator, { seed: 9502 });
    request = {
      start: new Date(tenant.anchorMs - PERIOD_DAYS * DAY).toISOString(),
      end: new Date(tenant.collected.endMs).toISOString(),
      baselineDays: BASELINE_DAYS,
      connectionIds: [tenant.connection.id],
    };
  }, 240_000);

  afterAll(async () => {
    await host.stop();
    await emulator.stop();
  });

  const senders = async (body: Record<string, unknown> = request) => {
    const response = await callRoute(host, 'POST', SUSPICIOUS_SENDERS_API_PATH, {
      user: 'soc_analyst',
      body,
    });
    expect(response.status).toBe(200);
    return response.body as SuspiciousSendersResponse;
  };

  /**
   * What a sender did in a span, from the emulator's truth, counted as the route counts: rows in
   * flight and recalls left out (its UNSETTLED rule, lib/views/sender_aggregations.ts), and only
   * mail that is not our own outgoing.
   */
  function activityOf(sender: string, startMs: number, endMs: number) {
    const rows = emulator
      .truthObservations(tenant.tenantId, { start: startMs, end: endMs, at: Date.now() })
      .filter((row) => !UNSETTLED_STATUSES.has(row.status))
      .map((row) => ({ row, record: tenant.source.find(row.id, row.recipientAddress)! }))
      .filter(({ record }) => record.senderAddress === sender && record.direction !== 'outbound');
    const byStatus = (status: string) => rows.filter(({ row }) => row.status === status).length;
    const count = (counts: Map<string, number>, key: string) =>
      counts.set(key, (counts.get(key) ?? 0) + 1);
    const ipCounts = new Map<string, number>();
    const networkCounts = new Map<string, number>();
    for (const { record } of rows.filter(({ record }) => record.fromIP)) {
      count(ipCounts, record.fromIP!);
      count(networkCounts, `${record.fromIP!.split('.').slice(0, 3).join('.')}.0/24`);
    }
    return {
      messages: rows.length,
      recipients: new Set(rows.map(({ row }) => row.recipientAddress.toLowerCase())),
      quarantined: byStatus('quarantined'),
      filteredAsSpam: byStatus('filteredAsSpam'),
      failed: byStatus('failed'),
      ipCounts,
      networkCounts,
    };
  }

  it('ranks the planted senders on top, each with the reason it was planted for', async () => {
    const body = await senders();
    const planted = tenant.synthetic.plantedSenders;
    const top = body.senders.slice(0, planted.length);
    expect(new Set(top.map((sender) => sender.sender))).toEqual(
      new Set(planted.map((p) => p.senderAddress))
    );
    const startMs = Date.parse(request.start as string);
    const endMs = Date.parse(request.end as string);
    const inPeriod = (kind: PlantedKind) => {
      const sender = planted.find((p) => p.kind === kind)!.senderAddress;
      return activityOf(sender, startMs, endMs);
    };
    const reasonsOf = (kind: PlantedKind) =>
      top.find((s) => s.sender === planted.find((p) => p.kind === kind)!.senderAddress)!.reasons;

    for (const p of planted) {
      const found = top.find((sender) => sender.sender === p.senderAddress)!;
      expect(found.reasons.map((reason) => reason.code)).toContain(EXPECTED_REASON[p.kind]);
      expect(found.score).toBe(found.reasons.reduce((sum, reason) => sum + reason.weight, 0));
    }

    // The Cyrillic "о" of the homoglyph sender, as the domain travels (punycode).
    const homoglyph = domainToASCII('c\u043entoso.com');
    expect(reasonsOf('lookalikeDomain')).toContainEqual({
      code: 'lookalikeDomain',
      weight: 35,
      explanation: 'c0ntoso.com swaps look-alike characters to pass for our domain contoso.com.',
    });
    expect(reasonsOf('homoglyphDomain')).toContainEqual({
      code: 'lookalikeDomain',
      weight: 40,
      explanation: `c\u043entoso.com (written ${homoglyph}) uses look-alike Unicode letters to pass for our domain contoso.com.`,
    });

    // The burst picks its ~80 recipients at random: count the distinct ones the emulator served.
    const spray = inPeriod('spray');
    expect(spray.recipients.size).toBeGreaterThan(60);
    expect(top.find((s) => s.sender === 'shared-docs@docsign-secure.net')!.recipients).toBe(
      spray.recipients.size
    );
    expect(reasonsOf('spray')).toEqual(
      expect.arrayContaining([
        {
          code: 'manyRecipients',
          weight: 20,
          explanation: `Sent to ${spray.recipients.size} different recipients, against 0 ${BEFORE}.`,
        },
        {
          code: 'firstSeen',
          weight: 10,
          explanation: `First seen in this period: no mail from it ${BEFORE}.`,
        },
      ])
    );

    const spam = inPeriod('spamHeavy');
    const undelivered = spam.quarantined + spam.filteredAsSpam + spam.failed;
    const parts = [
      [spam.quarantined, 'quarantined'],
      [spam.filteredAsSpam, 'filtered as spam'],
      [spam.failed, 'failed'],
    ].filter(([count]) => Number(count) > 0);
    expect(reasonsOf('spamHeavy')).toContainEqual({
      code: 'undeliveredRatio',
      weight: Math.round(40 * (undelivered / spam.messages)),
      explanation: `${Math.round((undelivered / spam.messages) * 100)}% of its ${spam.messages} messages were not delivered: ${parts.map((part) => part.join(' ')).join(', ')}.`,
    });

    // The colleague's own mail comes from our networks; the spoofs all from one outside server.
    const spoofs = inPeriod('spoofedLocalDomain').ipCounts.get('192.0.2.66');
    expect(reasonsOf('spoofedLocalDomain')).toContainEqual({
      code: 'ownDomainFromOutside',
      weight: 40,
      explanation: `${spoofs} messages claim our domain contoso.com but came from 192.0.2.66, outside the networks our own mail comes from.`,
    });

    // The partner's networks before the switch, most used first (the route lists three at most).
    const partner = planted.find((p) => p.kind === 'newSourceNetwork')!.senderAddress;
    const before = activityOf(partner, startMs - BASELINE_DAYS * DAY, startMs - 1).networkCounts;
    const fresh = [...inPeriod('newSourceNetwork').networkCounts.keys()].filter(
      (network) => !before.has(network)
    );
    expect(fresh).toEqual(['192.0.2.0/24']);
    const network = reasonsOf('newSourceNetwork').find((r) => r.code === 'newSourceNetwork')!;
    expect(network.weight).toBe(25);
    const listing = new RegExp(
      `^Sent from 192\\.0\\.2\\.0/24, never used by it ${BEFORE} \\(it used (.+)\\)\\.$`
    );
    expect(network.explanation).toMatch(listing);
    const used = listing.exec(network.explanation)![1]!;
    const [shown, more] = used.split(' and ');
    const shownNetworks = shown!.split(', ');
    expect(shownNetworks).toHaveLength(Math.min(3, before.size));
    expect(more).toBe(before.size > 3 ? `${before.size - 3} more` : undefined);
    const leastShown = Math.min(...shownNetworks.map((n) => before.get(n) ?? -1));
    expect(leastShown).toBeGreaterThan(0);
    for (const [other, count] of before) {
      if (!shownNetworks.includes(other)) expect(count).toBeLessThanOrEqual(leastShown);
    }

    expect(body.baseline.hasData).toBe(true);
    expect(body.localDomains.sort()).toEqual(['contoso.co.uk', 'contoso.com']);
  });

  it('does not list the busy legitimate senders', async () => {
    const { population } = tenant.synthetic;
    const listed = new Set((await senders()).senders.map((sender) => sender.sender));
    for (const legitimate of [...population.newsletters, ...population.partners]) {
      expect(listed.has(legitimate.address)).toBe(false);
    }
  });

  it('ranks sending domains too', async () => {
    const body = await senders({ ...request, groupBy: 'domain' });
    const domains = body.senders.map((sender) => sender.sender);
    expect(domains).toEqual(expect.arrayContaining(['c0ntoso.com', 'docsign-secure.net']));
    expect(domains).not.toContain('email.northwindtraders.com');
  });

  it('leaves out a known-good sender, reversibly; only managers may mark one', async () => {
    const spam = tenant.synthetic.plantedSenders.find((p) => p.kind === 'spamHeavy')!.senderAddress;
    const refused = await callRoute(host, 'POST', KNOWN_SENDERS_API_PATH, {
      user: 'soc_analyst',
      body: { sender: spam, note: 'Our marketing vendor' },
    });
    expect(refused.status).toBe(403);

    const marked = await callRoute(host, 'POST', KNOWN_SENDERS_API_PATH, {
      user: 'mail_admin',
      // Who marked it is the user of the request, whatever the body says.
      body: { sender: spam.toUpperCase(), note: 'Our marketing vendor', markedBy: 'someone' },
    });
    // Stored lower-cased, with who marked it.
    expect(marked).toEqual({
      status: 200,
      body: {
        sender: spam,
        note: 'Our marketing vendor',
        markedAt: expect.any(String),
        markedBy: 'mail_admin',
      },
    });
    const list = await callRoute(host, 'GET', KNOWN_SENDERS_API_PATH, { user: 'soc_analyst' });
    expect((list.body as ListKnownSendersResponse).knownSenders.map((k) => k.sender)).toContain(
      spam
    );

    const hidden = await senders();
    expect(hidden.senders.map((sender) => sender.sender)).not.toContain(spam);
    expect(hidden.knownGoodHidden).toBe(1);
    const shown = await senders({ ...request, includeKnownGood: true });
    expect(shown.senders.find((sender) => sender.sender === spam)).toMatchObject({
      knownGood: true,
      knownGoodMark: marked.body,
    });

    const unmarked = await callRoute(host, 'DELETE', knownSenderPath(spam), { user: 'mail_admin' });
    expect(unmarked.status).toBe(204);
    expect((await senders()).senders.map((sender) => sender.sender)).toContain(spam);
    const again = await callRoute(host, 'DELETE', knownSenderPath(spam), { user: 'mail_admin' });
    expect(again.status).toBe(404);
  });

  it('sorts by any column, filters by reason and pages, over the whole ranking', async () => {
    const ranked = await senders({ ...request, pageSize: 100 });
    expect(ranked.total).toBe(ranked.senders.length);
    expect(ranked.total).toBeGreaterThan(3);

    const byMessages = await senders({
      ...request,
      sortField: 'messages',
      sortDirection: 'asc',
      pageSize: 100,
    });
    const counts = byMessages.senders.map((sender) => sender.messages);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(new Set(byMessages.senders.map((s) => s.sender))).toEqual(
      new Set(ranked.senders.map((s) => s.sender))
    );

    const pageSize = 2;
    const second = await senders({ ...request, pageIndex: 1, pageSize });
    expect(second.total).toBe(ranked.total);
    expect(second.senders.map((s) => s.sender)).toEqual(
      ranked.senders.slice(pageSize, 2 * pageSize).map((s) => s.sender)
    );

    const lookalikes = await senders({ ...request, reasons: ['lookalikeDomain'], pageSize: 100 });
    const expected = ranked.senders.filter((s) =>
      s.reasons.some((reason) => reason.code === 'lookalikeDomain')
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(lookalikes.senders.map((s) => s.sender)).toEqual(expected.map((s) => s.sender));
    expect(lookalikes.total).toBe(expected.length);
  });

  it('validates the request field by field', async () => {
    const response = await callRoute(host, 'POST', SUSPICIOUS_SENDERS_API_PATH, {
      user: 'soc_analyst',
      body: {
        start: 'yesterday',
        end: request.end,
        baselineDays: 0,
        reasons: ['nice'],
        sortField: 'color',
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('start: must be a date');
    expect(response.body.message).toContain('baselineDays: must be a whole number from 1 to 60');
    expect(response.body.message).toContain('reasons.0');
    expect(response.body.message).toContain('sortField');
  });
});
