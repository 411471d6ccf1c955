import { Client } from '@elastic/elasticsearch';
import { CONNECTION_DEFAULTS } from '../../common/connection';
import { CONNECTIONS_API_PATH } from '../../common/http_api/connections';
import {
  DELIVERY_STATUS_API_PATH,
  MESSAGE_DETAIL_API_PATH,
  MESSAGES_API_PATH,
  SUSPICIOUS_SENDERS_API_PATH,
  type MessageSearchResponse,
} from '../../common/http_api/views';
import type { GraphMessageTrace } from '../../common/graph/message_trace';
import { DEFAULT_DATASET, dataStreamName } from '../../server/lib/data_stream/data_stream_name';
import { installTemplates } from '../../server/lib/data_stream/templates';
import { createMessageTraceMapper } from '../../server/lib/ecs/message_trace_document';
import { deliveryStatus } from '../../server/lib/views/delivery_status';
import { messageDetail } from '../../server/lib/views/message_detail';
import { searchMessages } from '../../server/lib/views/message_search';
import { LatestStatusCache } from '../../server/lib/views/latest_status_slices';
import { suspiciousSenders } from '../../server/lib/views/suspicious_senders';
import { systemClock } from '../../server/lib/collector/clock';
import { viewIndex, type ViewTarget } from '../../server/lib/views/view_scope';
import { SyntheticTenant } from '../graph_emulator';
import { renderRow } from '../graph_emulator/message_traces_route';
import { exchangeMessageTracePlugin } from '../host/exchange_message_trace_plugin';
import { KibanaHost } from '../host/kibana_host';
import { callRoute, TEST_ENCRYPTION_KEY } from '../host/test_support';
import { VIEWS_LOCAL_DOMAINS } from '../host/views_tenant';

/**
 * A namespace of its own per run (an Elasticsearch given by ES_URL may hold an earlier run's),
 * or BENCH_VIEW_NAMESPACE to measure again over a run's data loaded within the hour.
 */
const NAMESPACE = process.env.BENCH_VIEW_NAMESPACE ?? `viewsbench${Date.now()}`;
const DAY = 86_400_000;
const HISTORY_DAYS = 90;
const BULK_DOCUMENTS = 5000;
const CONCURRENT_BULKS = 2;
const WARM_UP = 3;
const SAMPLES = 30;

export interface ViewTiming {
  view: string;
  /** p50 and p95 of the route over HTTP through the host (Kibana's stand-in). */
  route: { p50: number; p95: number };
  /** The same view's Elasticsearch searches called directly, no route. */
  elasticsearch: { p50: number; p95: number };
  /** The same, with no day's latest statuses remembered: as the first view of a range. */
  uncached: { p50: number; p95: number };
  /** Documents in the view's time range. */
  documents: number;
}

export interface ViewsBenchResult {
  documents: number;
  loadSeconds: number;
  /** Segments of the data stream when the measurements began (never force-merged). */
  segments: number;
  timings: ViewTiming[];
}

/**
 * A synthetic tenant's 90 days as the collector would have stored them: each row once, and rows
 * whose status changed once per status (so the latest-status look-up has work to do).
 */
async function load(es: Client, index: string, documents: number): Promise<number> {
  const now = Date.now();
  const rowsPerDay = Math.ceil(documents / HISTORY_DAYS / 1.04);
  const tenant = new SyntheticTenant({
    seed: 77,
    rowsPerDay,
    anchorMs: now,
    localDomains: VIEWS_LOCAL_DOMAINS,
    lateArrivals: false,
  });
  const map = createMessageTraceMapper({
    localDomains: VIEWS_LOCAL_DOMAINS,
    matchSubdomains: true,
    namespace: NAMESPACE,
    tenantId: 'bench-tenant',
    connectionName: 'Bench',
  });
  let written = 0;
  let batch: object[] = [];
  const inFlight = new Set<Promise<void>>();
  const flush = async () => {
    const operations = batch;
    batch = [];
    const bulk = es.bulk({ index, operations, pipeline: '_none' }).then((result) => {
      if (result.errors) throw new Error('The views benchmark data had bulk item errors');
    });
    inFlight.add(bulk);
    void bulk.finally(() => inFlight.delete(bulk));
    if (inFlight.size >= CONCURRENT_BULKS) await Promise.race(inFlight);
  };
  for (const record of tenant.descending(now - HISTORY_DAYS * DAY, now)) {
    const statuses = new Set([record.timeline[0]!.status, record.timeline.at(-1)!.status]);
    for (const status of statuses) {
      const { _id, document } = map(renderRow(record, status) as GraphMessageTrace);
      batch.push({ create: { _id } }, document);
      written += 1;
      if (batch.length >= 2 * BULK_DOCUMENTS) await flush();
    }
    if (written >= documents) break;
  }
  if (batch.length > 0) await flush();
  await Promise.all(inFlight);
  await es.indices.refresh({ index });
  return written;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
};

/**
 * Before each sample (untimed) one new observation arrives and is refreshed, as the collector's
 * runs add them: today's latest-status look-up and Elasticsearch's caches start over each time.
 */
async function time(run: (iteration: number) => Promise<unknown>, arrive: () => Promise<void>) {
  for (let i = 0; i < WARM_UP; i++) await run(SAMPLES + i);
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    await arrive();
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

function arrivals(es: Client, index: string) {
  let arrived = 0;
  return async () => {
    arrived += 1;
    await es.create({
      index,
      id: `bench-arrival-${NAMESPACE}-${Date.now()}-${arrived}`,
      refresh: true,
      document: {
        '@timestamp': new Date().toISOString(),
        event: { action: 'delivered' },
        email: { direction: 'inbound', to: { address: ['arrival@contoso.com'] } },
        exchange_message_trace: { row_id: `bench-arrival-${Date.now()}-${arrived}` },
      },
    });
  };
}

/**
 * Each sample ends a few seconds later, as "now" does between two real requests: Elasticsearch's
 * request cache would otherwise answer the same aggregation from memory.
 */
const rangeOf = (days: number, iteration: number) => {
  const end = Date.now() - iteration * 1000;
  return { start: new Date(end - days * DAY).toISOString(), end: new Date(end).toISOString() };
};

export async function viewsBench(esUrl: string, documents: number): Promise<ViewsBenchResult> {
  const es = new Client({ node: esUrl, requestTimeout: 120_000 });
  const index = dataStreamName(undefined, NAMESPACE);
  await installTemplates(es);
  const loaded = (await es.indices.exists({ index })) ? (await es.count({ index })).count : 0;
  const started = performance.now();
  if (loaded < documents) await load(es, index, documents);
  const loadSeconds = loaded < documents ? (performance.now() - started) / 1000 : 0;
  const segments = (await es.cat.segments({ index, format: 'json' })).length;
  const host = await new KibanaHost({
    esUrl,
    plugins: [exchangeMessageTracePlugin()],
    encryptionKey: TEST_ENCRYPTION_KEY,
    indexPrefix: '.kibana-host-views-bench',
    deleteIndicesOnStop: true,
    logLevel: 'warn',
  }).start();
  try {
    const created = await callRoute(host, 'POST', CONNECTIONS_API_PATH, {
      user: 'mail_admin',
      body: {
        ...CONNECTION_DEFAULTS,
        name: 'Bench',
        tenantId: '00000000-0000-4000-8000-0000000be7c4',
        clientId: '00000000-0000-4000-8000-0000000c11e7',
        authMethod: 'secret',
        clientSecret: 'bench-secret-value',
        localDomains: VIEWS_LOCAL_DOMAINS,
        namespace: NAMESPACE,
        enabled: false,
      },
    });
    if (created.status !== 200) throw new Error(`connection: ${JSON.stringify(created.body)}`);
    const uncached: ViewTarget = { client: es, index: viewIndex(DEFAULT_DATASET, [NAMESPACE]) };
    const cached: ViewTarget = {
      ...uncached,
      latestStatusCache: new LatestStatusCache(systemClock),
    };
    const arrive = arrivals(es, index);
    const scoped = (days: number, i: number) => ({ ...rangeOf(days, i), namespaces: [NAMESPACE] });
    const route = async (path: string, body: unknown) => {
      const response = await callRoute(host, 'POST', path, { user: 'soc_analyst', body });
      if (response.status !== 200) throw new Error(`${path}: ${JSON.stringify(response.body)}`);
      return response.body;
    };
    const sample = (await route(MESSAGES_API_PATH, scoped(1, 0))) as MessageSearchResponse;
    const traceId = sample.rows[0]!.traceId;
    const spray = 'shared-docs@docsign-secure.net';
    const views: Array<{
      view: string;
      days: number;
      path: string;
      body: (i: number) => Record<string, unknown>;
      direct: (target: ViewTarget, i: number) => Promise<unknown>;
    }> = [
      ...[1, 7].map((days) => ({
        view: `Delivery status, last ${days === 1 ? '24 hours' : `${days} days`}`,
        days,
        path: DELIVERY_STATUS_API_PATH,
        body: (i: number) => scoped(days, i),
        direct: (target: ViewTarget, i: number) =>
          deliveryStatus(target, scoped(days, i), Date.now()),
      })),
      {
        view: 'Suspicious senders, last 24 hours against the 7 days before',
        days: 8,
        path: SUSPICIOUS_SENDERS_API_PATH,
        body: (i: number) => scoped(1, i),
        direct: (target: ViewTarget, i: number) =>
          suspiciousSenders(target, scoped(1, i), {
            localDomains: VIEWS_LOCAL_DOMAINS,
            knownGood: new Map(),
          }),
      },
      ...[1, 7].map((days) => ({
        view: `Messages, last ${days === 1 ? '24 hours' : `${days} days`}, newest first, page 1`,
        days,
        path: MESSAGES_API_PATH,
        body: (i: number) => scoped(days, i),
        direct: (target: ViewTarget, i: number) => searchMessages(target, scoped(days, i)),
      })),
      {
        view: 'Messages, one sender over 30 days, by recipient',
        days: 30,
        path: MESSAGES_API_PATH,
        body: (i: number) => ({ ...scoped(30, i), sender: spray, sortField: 'recipient' }),
        direct: (target: ViewTarget, i: number) =>
          searchMessages(target, { ...scoped(30, i), sender: spray, sortField: 'recipient' }),
      },
      {
        view: 'Message detail',
        days: 0,
        path: MESSAGE_DETAIL_API_PATH,
        body: () => ({ traceId, namespaces: [NAMESPACE] }),
        direct: (target: ViewTarget) => messageDetail(target, { traceId, namespaces: [NAMESPACE] }),
      },
    ];
    const timings: ViewTiming[] = [];
    for (const view of views) {
      process.stdout.write(`  ${view.view}…\n`);
      const { count } = await es.count({
        index,
        ...(view.days > 0
          ? { query: { range: { '@timestamp': { gte: rangeOf(view.days, 0).start } } } }
          : {}),
      });
      timings.push({
        view: view.view,
        route: await time((i) => route(view.path, view.body(i)), arrive),
        elasticsearch: await time((i) => view.direct(cached, i), arrive),
        uncached: await time((i) => view.direct(uncached, i), arrive),
        documents: view.days > 0 ? count : 0,
      });
    }
    return { documents: (await es.count({ index })).count, loadSeconds, segments, timings };
  } finally {
    await host.stop();
    await es.close();
  }
}
