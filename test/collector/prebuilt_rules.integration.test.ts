import { Client } from '@elastic/elasticsearch';
import { HOUR_MS, MINUTE_MS } from '../../common/time';
import { collect, type CollectorDeps } from '../../server/lib/collector/collect';
import { DEFAULT_WINDOW_SETTINGS, initialCheckpoint } from '../../server/lib/collector/windows';
import { installTemplates } from '../../server/lib/data_stream/templates';
import { DrivenClock, GraphEmulator } from '../graph_emulator';
import type { ExplicitRow } from '../graph_emulator/explicit_rows';
import { tenantSpec } from '../graph_emulator/test_support';
import { esUrl } from '../host/test_support';
import { emulatedCollectorDeps } from './emulated_collector';
import { observationKey } from './observations';
import {
  azureMonitorFinancialTheme,
  ruleWindow,
  threatIntelEmailMatch,
  threatIntelIpMatch,
  type PrebuiltRule,
} from './prebuilt_rules';

const AZURE = 'azure-noreply@microsoft.com';
const PHISHING_SENDER = 'billing@contoso-invoices.example';
const id = (n: number) => `5e1c0a70-0000-4000-8000-${String(n).padStart(12, '0')}`;

interface Stored {
  event: { ingested?: string };
  microsoft: {
    online_message_trace: { MessageTraceId: string; RecipientAddress: string; Status: string };
  };
}

const keyOf = (source: Stored) => {
  const raw = source.microsoft.online_message_trace;
  return observationKey(raw.MessageTraceId, raw.RecipientAddress, raw.Status);
};

describe("Elastic Security's prebuilt rules on documents the collector has just written", () => {
  const es = new Client({ node: esUrl() });
  const now = Date.now();
  const namespace = `rules${now}`;
  const dataStream = `logs-microsoft_exchange_online_message_trace.log-${namespace}`;
  const row = (
    n: number,
    hoursAgo: number,
    fields: Omit<ExplicitRow, 'id' | 'receivedDateTime'>
  ) => ({
    id: id(n),
    receivedDateTime: new Date(now - hoursAgo * HOUR_MS).toISOString(),
    ...fields,
  });
  const azureAlert = (recipientAddress: string, subject: string) => ({
    senderAddress: AZURE,
    recipientAddress,
    subject,
  });
  // Rows received hours before the collector reads them: older than every rule's look-back.
  const rows: ExplicitRow[] = [
    row(1, 5, azureAlert('ap@contoso.com', 'Fired:Sev3 Azure Monitor alert INV-44817 on sub 0c9e')),
    row(2, 4, {
      ...azureAlert('cfo@contoso.com', 'Azure Monitor alert: overdue amount, call +1 555 0100'),
      timeline: [
        { status: 'pending', from: now - 4 * HOUR_MS },
        { status: 'delivered', from: now + 20 * MINUTE_MS },
      ],
    }),
    // No financial theme; then one only in capitals (`like` is case-sensitive); then a failure.
    row(3, 4, azureAlert('it@contoso.com', 'Fired:Sev3 Azure Monitor alert CPU above 90%')),
    row(4, 3, azureAlert('ap@contoso.com', 'Azure Monitor alert INVOICE PAYMENT')),
    row(5, 3, {
      ...azureAlert('hr@contoso.com', 'Azure Monitor alert refund request'),
      status: 'quarantined',
    }),
    row(6, 2, {
      senderAddress: PHISHING_SENDER,
      recipientAddress: 'cfo@contoso.com',
      fromIP: '198.51.100.23',
      toIP: '',
    }),
    row(7, 2, {
      senderAddress: 'newsletter@example.org',
      recipientAddress: 'payroll@contoso.com',
      fromIP: '203.0.113.10',
      toIP: '192.0.2.45',
    }),
  ];
  const emailRule = threatIntelEmailMatch([PHISHING_SENDER, 'payroll@contoso.com']);
  const ipRule = threatIntelIpMatch(['198.51.100.23', '192.0.2.45']);
  const key = (n: number, recipient: string, status = 'delivered') =>
    observationKey(id(n), recipient, status);

  let emulator: GraphEmulator;
  let deps: CollectorDeps;
  let first: Awaited<ReturnType<typeof collect>>;
  const clock = new DrivenClock(now, { autoAdvance: true });
  const settings = { ...DEFAULT_WINDOW_SETTINGS, lookbackMs: 6 * HOUR_MS };

  beforeAll(async () => {
    await installTemplates(es);
    emulator = await GraphEmulator.start({ clock });
    emulator.addTenant(tenantSpec({}, rows));
    deps = emulatedCollectorDeps({ emulator, clock, es, namespace });
    first = await collect(deps, initialCheckpoint(now, settings), settings);
  });

  afterAll(async () => {
    await emulator.stop();
    await es.close();
  });

  /** What the rule's search finds: its index patterns, predicate and window, in our namespace only. */
  async function ruleHits(rule: PrebuiltRule) {
    await es.indices.refresh({ index: dataStream });
    const response = await es.search<Stored>({
      index: rule.index,
      ignore_unavailable: true,
      allow_no_indices: true,
      size: 100,
      // Other tests write to these patterns at the same time: their documents are not ours to count.
      query: {
        bool: {
          filter: [
            rule.query,
            ruleWindow(rule.from),
            { term: { 'data_stream.namespace': namespace } },
          ],
        },
      },
      fields: ['email.from.address'],
    });
    return response.hits.hits;
  }
  const ruleMatches = async (rule: PrebuiltRule) =>
    (await ruleHits(rule)).map((hit) => keyOf(hit._source!)).sort();

  /** Every document with what a write would change: event.ingested, _version, _seq_no. */
  async function storedDocuments() {
    await es.indices.refresh({ index: dataStream });
    const response = await es.search<Stored>({
      index: dataStream,
      size: 100,
      version: true,
      seq_no_primary_term: true,
      query: { match_all: {} },
    });
    return new Map(
      response.hits.hits.map((hit) => [
        hit._id!,
        {
          key: keyOf(hit._source!),
          ingested: hit._source!.event.ingested,
          version: hit._version,
          seqNo: hit._seq_no,
        },
      ])
    );
  }

  it('each rule finds its rows, received hours ago, in its window on event.ingested', async () => {
    expect(first.summary.documentsCreated).toBe(7);

    expect(await ruleMatches(azureMonitorFinancialTheme)).toEqual(
      [key(1, 'ap@contoso.com'), key(2, 'cfo@contoso.com', 'pending')].sort()
    );
    expect(await ruleMatches(emailRule)).toEqual(
      [key(6, 'cfo@contoso.com'), key(7, 'payroll@contoso.com')].sort()
    );
    expect(await ruleMatches(ipRule)).toEqual(
      [key(6, 'cfo@contoso.com'), key(7, 'payroll@contoso.com')].sort()
    );
    // ES|QL's `==` is null on a multi-valued field: the sender must be one value.
    for (const hit of await ruleHits(azureMonitorFinancialTheme)) {
      expect(hit.fields?.['email.from.address']).toEqual([AZURE]);
    }
  });

  it('gives the fields the rules read the types and values they need', async () => {
    const mapping = await es.indices.getFieldMapping({
      index: dataStream,
      fields: [
        'event.ingested',
        'data_stream.dataset',
        'email.from.address',
        'email.to.address',
        'email.subject',
        'event.outcome',
        'source.ip',
        'destination.ip',
      ],
    });
    for (const backing of Object.values(mapping)) {
      const types = Object.fromEntries(
        Object.entries(backing.mappings).map(([field, entry]) => [
          field,
          (Object.values(entry.mapping)[0] as { type: string }).type,
        ])
      );
      expect(types).toEqual({
        'event.ingested': 'date',
        'data_stream.dataset': 'keyword',
        'email.from.address': 'keyword',
        'email.to.address': 'keyword',
        'email.subject': 'keyword',
        'event.outcome': 'keyword',
        'source.ip': 'ip',
        'destination.ip': 'ip',
      });
    }

    const response = await es.search({
      index: dataStream,
      size: 0,
      aggs: {
        outcomes: { terms: { field: 'event.outcome' } },
        datasets: { terms: { field: 'data_stream.dataset' } },
      },
    });
    const keys = (name: string) =>
      (response.aggregations?.[name] as { buckets: Array<{ key: string }> }).buckets
        .map((bucket) => bucket.key)
        .sort();
    expect(keys('outcomes')).toEqual(['failure', 'success', 'unknown']);
    expect(keys('datasets')).toEqual(['microsoft_exchange_online_message_trace.log']);

    // Row 6's empty toIP is left out, neither indexed nor kept as "".
    const row6 = await es.search<Stored & { destination: object }>({
      index: dataStream,
      query: { term: { 'email.local_id': id(6) } },
    });
    expect(row6.hits.hits).toHaveLength(1);
    const source = row6.hits.hits[0]!._source!;
    expect(source.destination).not.toHaveProperty('ip');
    expect(source.microsoft.online_message_trace).not.toHaveProperty('ToIP');
    const withDestinationIp = await es.count({
      index: dataStream,
      query: { exists: { field: 'destination.ip' } },
    });
    expect(withDestinationIp.count).toBe(1);
  });

  it('a re-read that stores a new status leaves the documents already written as they were', async () => {
    const written = await storedDocuments();
    expect(written.size).toBe(7);
    for (const document of written.values()) {
      expect(Date.parse(document.ingested!)).toBeGreaterThanOrEqual(now);
      expect(document.version).toBe(1);
    }

    // Thirty-one minutes on, the trailing re-read sees row 2 delivered: one new document.
    clock.advance(31 * MINUTE_MS);
    const second = await collect(deps, first.checkpoint, settings);
    expect(second.summary).toMatchObject({ documentsCreated: 1, documentsAlreadyPresent: 6 });

    const after = await storedDocuments();
    expect(after.size).toBe(8);
    for (const [documentId, before] of written) expect(after.get(documentId)).toEqual(before);
    const added = [...after.entries()].filter(([documentId]) => !written.has(documentId));
    expect(added.map(([, document]) => document.key)).toEqual([key(2, 'cfo@contoso.com')]);
    const latestBefore = Math.max(...[...written.values()].map((d) => Date.parse(d.ingested!)));
    expect(Date.parse(added[0]![1].ingested!)).toBeGreaterThan(latestBefore);

    expect(await ruleMatches(azureMonitorFinancialTheme)).toEqual(
      [
        key(1, 'ap@contoso.com'),
        key(2, 'cfo@contoso.com', 'pending'),
        key(2, 'cfo@contoso.com'),
      ].sort()
    );
  });
});
