import { Client } from '@elastic/elasticsearch';
import {
  DELIVERY_STATUS_API_PATH,
  MESSAGE_DETAIL_API_PATH,
  MESSAGE_TRAIL_API_PATH,
  MESSAGES_API_PATH,
  type DeliveryStatusResponse,
  type MessageDetail,
  type MessageSearchResponse,
  type MessageTrail,
} from '../../../common/http_api/views';
import type { GraphEmulator, TruthObservation } from '../../../test/graph_emulator';
import { startEmulatedGraphHost } from '../../../test/host/emulated_graph_host';
import type { KibanaHost } from '../../../test/host/kibana_host';
import { callRoute, esUrl } from '../../../test/host/test_support';
import { collectViewsTenant, truthOf, type ViewsTenant } from '../../../test/host/views_tenant';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The page's category of each status Microsoft documents for exchangeMessageTraceStatus (Graph
 * v1.0 reference: gettingStatus, pending, failed, delivered, expanded, quarantined, filteredAsSpam,
 * unknownFutureValue, recalled), written out here rather than taken from common/message_status.ts:
 * the two rows still in flight count as pending; the four outcomes the page names count as
 * themselves; a distribution list's expansion, a recall and a value Graph added later are `other`.
 */
const CATEGORY_OF_STATUS: Record<string, string> = {
  gettingStatus: 'pending',
  pending: 'pending',
  delivered: 'delivered',
  failed: 'failed',
  quarantined: 'quarantined',
  filteredAsSpam: 'filteredAsSpam',
  expanded: 'other',
  recalled: 'other',
  unknownFutureValue: 'other',
};
const CATEGORIES = ['delivered', 'failed', 'quarantined', 'filteredAsSpam', 'pending', 'other'];

function categoryOf(status: string): string {
  const category = CATEGORY_OF_STATUS[status];
  if (!category) throw new Error(`The emulator served a status Microsoft does not list: ${status}`);
  return category;
}

/** Counts by the page's categories, from the emulator's truth: one status per row. */
function countByCategory(truth: TruthObservation[]) {
  const counts = Object.fromEntries(CATEGORIES.map((category) => [category, 0]));
  for (const row of truth) counts[categoryOf(row.status)]! += 1;
  return counts;
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

describe('views over the collected synthetic tenant: delivery status and messages', () => {
  let host: KibanaHost;
  let emulator: GraphEmulator;
  let tenant: ViewsTenant;
  let range: { startMs: number; endMs: number };
  let truth: TruthObservation[];
  let scope: { start: string; end: string; connectionIds: string[] };
  const es = new Client({ node: esUrl() });

  beforeAll(async () => {
    ({ host, emulator } = await startEmulatedGraphHost());
    tenant = await collectViewsTenant(host, emulator, { seed: 9501 });
    // Whole minutes inside what was read, ending two hours ago: every pending row in it has been
    // pending for over an hour whatever second the server counts at.
    const endMs = Math.min(tenant.collected.endMs, Date.now() - 2 * HOUR);
    range = {
      startMs: Math.ceil(tenant.collected.startMs / MINUTE) * MINUTE,
      endMs: Math.floor(endMs / MINUTE) * MINUTE,
    };
    truth = truthOf(emulator, tenant, range);
    scope = {
      start: new Date(range.startMs).toISOString(),
      end: new Date(range.endMs).toISOString(),
      connectionIds: [tenant.connection.id],
    };
  }, 240_000);

  afterAll(async () => {
    await host.stop();
    await emulator.stop();
    await es.close();
  });

  const post = <T>(path: string, body: unknown, user = 'soc_analyst') =>
    callRoute(host, 'POST', path, { user, body }) as Promise<{ status: number; body: T }>;

  it('counts every row once, in its latest status, as the emulator says they are', async () => {
    const dataStream = `logs-microsoft_exchange_online_message_trace.log-${tenant.connection.settings.namespace}`;
    const stored = await es.count({
      index: dataStream,
      query: {
        range: { '@timestamp': { gte: scope.start, lte: scope.end } },
      },
    });
    // Rows read before and after they settled are stored twice: the views must not be fooled.
    expect(stored.count).toBeGreaterThan(truth.length);

    const { status, body } = await post<DeliveryStatusResponse>(DELIVERY_STATUS_API_PATH, scope);
    expect(status).toBe(200);
    const expected = countByCategory(truth);
    const pendingOverAnHour = truth.filter(
      (row) =>
        categoryOf(row.status) === 'pending' && Date.parse(row.receivedDateTime) < Date.now() - HOUR
    ).length;
    expect(body.totals).toEqual({ ...expected, total: truth.length, pendingOverAnHour });
    expect(body.latestStatus.exact).toBe(true);
    expect(body.latestStatus.rowsWithStatusChanges).toBe(stored.count - truth.length);
    // The truth holds every category, so a status counted in the wrong one would show.
    for (const category of CATEGORIES) expect(expected[category]).toBeGreaterThan(0);
    expect(body.rates.delivered).toBeCloseTo(expected.delivered! / truth.length, 10);

    // The histogram and the direction split add up to the same rows.
    for (const category of CATEGORIES) {
      const inHistogram = body.histogram.buckets.reduce(
        (sum, b) => sum + b.counts[category as keyof typeof b.counts],
        0
      );
      expect(inHistogram).toBe(expected[category]);
    }
    expect(body.directions.reduce((sum, d) => sum + d.total, 0)).toBe(truth.length);
    expect(body.directions.map((d) => d.direction).sort()).toEqual([
      'inbound',
      'internal',
      'outbound',
    ]);

    const failedBy = countBy(
      truth.filter((row) => row.status === 'failed'),
      (row) => row.recipientAddress
    );
    expect(body.topFailingRecipients.length).toBeGreaterThan(0);
    for (const { recipient, failed } of body.topFailingRecipients) {
      expect(failed).toBe(failedBy.get(recipient));
    }
    const most = Math.max(...failedBy.values());
    expect(body.topFailingRecipients[0]!.failed).toBe(most);
  });

  it('answers a narrower direction with its share of the same rows', async () => {
    const { body } = await post<DeliveryStatusResponse>(DELIVERY_STATUS_API_PATH, {
      ...scope,
      direction: ['outbound'],
    });
    const all = await post<DeliveryStatusResponse>(DELIVERY_STATUS_API_PATH, scope);
    const outbound = all.body.directions.find((d) => d.direction === 'outbound')!;
    expect(body.totals.total).toBe(outbound.total);
    expect(body.totals.delivered).toBe(outbound.delivered);
  });

  it('searches rows by status, sender and IP with exact totals, sorted and paged', async () => {
    const undelivered = await post<MessageSearchResponse>(MESSAGES_API_PATH, {
      ...scope,
      statuses: ['failed', 'quarantined', 'filteredAsSpam', 'gettingStatus', 'pending'],
      pageSize: 10,
    });
    const expected = truth.filter((row) =>
      ['failed', 'quarantined', 'filteredAsSpam', 'gettingStatus', 'pending'].includes(row.status)
    );
    expect(undelivered.body.total).toBe(expected.length);
    expect(undelivered.body.rows).toHaveLength(10);
    const times = undelivered.body.rows.map((row) => row.receivedAt);
    expect([...times].sort().reverse()).toEqual(times);

    // Paging through a sender's rows returns each row once.
    const spoof = tenant.synthetic.plantedSenders.find((p) => p.kind === 'spoofedLocalDomain')!;
    const bySender = truth.filter((row) => {
      const record = tenant.source.find(row.id, row.recipientAddress)!;
      return record.senderAddress === spoof.senderAddress;
    });
    const seen: string[] = [];
    for (let pageIndex = 0; ; pageIndex++) {
      const page = await post<MessageSearchResponse>(MESSAGES_API_PATH, {
        ...scope,
        sender: spoof.senderAddress.toUpperCase(),
        pageIndex,
        pageSize: 7,
        sortField: 'recipient',
        sortDirection: 'asc',
      });
      expect(page.body.total).toBe(bySender.length);
      seen.push(...page.body.rows.map((row) => row.rowId));
      if (page.body.rows.length < 7) break;
    }
    expect(new Set(seen).size).toBe(bySender.length);

    const byIp = await post<MessageSearchResponse>(MESSAGES_API_PATH, {
      ...scope,
      ip: spoof.fromIPs[0],
      pageSize: 100,
    });
    const fromSpoofingServer = truth.filter(
      (row) => tenant.source.find(row.id, row.recipientAddress)!.fromIP === spoof.fromIPs[0]
    );
    expect(byIp.body.total).toBe(fromSpoofingServer.length);
    expect(new Set(byIp.body.rows.map((row) => row.fromIp))).toEqual(new Set([spoof.fromIPs[0]]));

    const bad = await post<{ message: string }>(MESSAGES_API_PATH, { ...scope, ip: '999.1.1.1' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('ip: must be an IP address or a network');
  });

  it('details a message with every recipient and status change, and fetches a trail once', async () => {
    const changed = truth.find((row) => {
      const record = tenant.synthetic.find(row.id, row.recipientAddress)!;
      return record.timeline.length > 1 && record.timeline[0]!.status === 'gettingStatus';
    })!;
    expect(changed).toBeDefined();
    const detail = await post<MessageDetail>(MESSAGE_DETAIL_API_PATH, {
      traceId: changed.id,
      connectionIds: scope.connectionIds,
    });
    expect(detail.status).toBe(200);
    const recipient = detail.body.recipients.find(
      (r) => r.recipient.toLowerCase() === changed.recipientAddress.toLowerCase()
    )!;
    expect(recipient.statuses).toEqual(['gettingStatus', changed.status]);
    expect(recipient.status).toBe(changed.status);

    const before = emulator.requests.all().filter((r) => r.kind === 'detail').length;
    const request = {
      traceId: changed.id,
      recipient: changed.recipientAddress,
      connectionId: tenant.connection.id,
    };
    const first = await post<MessageTrail>(MESSAGE_TRAIL_API_PATH, request);
    expect(first.status).toBe(200);
    expect(first.body.cached).toBe(false);
    expect(first.body.events[0]).toMatchObject({ event: 'Receive' });
    const second = await post<MessageTrail>(MESSAGE_TRAIL_API_PATH, request);
    expect(second.body).toEqual({ ...first.body, cached: true });
    expect(emulator.requests.all().filter((r) => r.kind === 'detail').length).toBe(before + 1);

    const unknown = await post<{ message: string }>(MESSAGE_TRAIL_API_PATH, {
      ...request,
      recipient: 'nobody@contoso.com',
    });
    expect(unknown.status).toBe(404);
  });

  it('refuses users without the feature', async () => {
    const response = await post<{ message: string }>(DELIVERY_STATUS_API_PATH, scope, 'no_access');
    expect(response.status).toBe(403);
  });
});
