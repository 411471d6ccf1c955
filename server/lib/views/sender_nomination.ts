import type { estypes } from '@elastic/elasticsearch';
import { DAY_MS } from '../../../common/time';
import type { SuspiciousSendersRequest } from '../../../common/http_api/views';
import { UNDELIVERED_STATUSES } from '../../../common/message_status';
import { lookalikeOf } from '../scoring/lookalike';
import { OUTGOING, ownNetworkAggregation, ownNetworksOf } from './sender_aggregations';
import { aggregateInParallel } from './aggregate';
import {
  FIELDS,
  TOLERANT,
  bucketsOf,
  statusFilter,
  timeRange,
  type ViewTarget,
} from './view_scope';
import { searchView } from './view_search';

type Query = estypes.QueryDslQueryContainer;

export const DEFAULT_BASELINE_DAYS = 7;
/** Senders each ranking (undelivered, recipients, volume) nominates for a closer look. */
const NOMINEES_PER_RANKING = 100;
/** Sending domains checked for lookalikes; far more than a tenant's inbound variety. */
const DOMAINS_CHECKED = 5000;

export interface Spans {
  period: Query;
  /** Where our own networks are learnt: the period, and at least its last day. */
  ownNetworks: Query;
  baseline: Query;
  baselineStartMs: number;
  startMs: number;
  endMs: number;
}

export function spansOf(request: SuspiciousSendersRequest): Spans {
  const startMs = Date.parse(request.start);
  const endMs = Date.parse(request.end);
  const baselineStartMs = startMs - (request.baselineDays ?? DEFAULT_BASELINE_DAYS) * DAY_MS;
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    period: timeRange(request.start, request.end),
    ownNetworks: timeRange(iso(Math.min(startMs, endMs - DAY_MS)), request.end),
    baseline: { range: { [FIELDS.timestamp]: { gte: iso(baselineStartMs), lt: request.start } } },
    baselineStartMs,
    startMs,
    endMs,
  };
}

export const keysOf = (aggregate: unknown) =>
  bucketsOf(aggregate).map((bucket) => String(bucket.key));

/** When the first document of `query` was received; sorting on time stops at the first one. */
async function earliestIn(target: ViewTarget, query: Query): Promise<number | undefined> {
  const response = await searchView(target, {
    index: target.index,
    ...TOLERANT,
    size: 1,
    track_total_hits: false,
    _source: false,
    sort: [{ [FIELDS.timestamp]: { order: 'asc' } }],
    query,
  });
  const value = response.hits.hits[0]?.sort?.[0];
  return typeof value === 'number' ? value : undefined;
}

/** Who deserves a closer look, where our own networks are, and how far back the data goes. */
export async function nominate(
  target: ViewTarget,
  entity: string,
  base: Query,
  spans: Spans,
  localDomains: readonly string[]
) {
  const ranked = (
    order?: estypes.AggregationsAggregateOrder,
    aggs?: Record<string, estypes.AggregationsAggregationContainer>
  ) => ({
    terms: { field: entity, size: NOMINEES_PER_RANKING, ...(order ? { order } : {}) },
    ...(aggs ? { aggs } : {}),
  });
  const nominations = aggregateInParallel(target, base, [
    {
      filter: spans.period,
      aggs: {
        period: {
          filter: { bool: { must_not: [OUTGOING] } },
          aggs: {
            undelivered: { filter: statusFilter(UNDELIVERED_STATUSES), aggs: { top: ranked() } },
            byRecipients: ranked(
              { recipients: 'desc' },
              { recipients: { cardinality: { field: FIELDS.recipient } } }
            ),
            byVolume: ranked(),
            domains: { terms: { field: FIELDS.senderDomain, size: DOMAINS_CHECKED } },
          },
        },
      },
    },
    { filter: spans.ownNetworks, aggs: { ownNetworks: ownNetworkAggregation(spans.ownNetworks) } },
  ]);
  const [aggregations, earliest] = (await Promise.all([nominations, earliestIn(target, base)])) as [
    Record<string, Record<string, unknown> | undefined>,
    number | undefined,
  ];
  const dataStartMs =
    earliest === undefined ? undefined : Math.max(earliest, spans.baselineStartMs);
  const period = aggregations.period ?? {};
  return {
    senders: new Set([
      ...keysOf((period.undelivered as Record<string, unknown> | undefined)?.top),
      ...keysOf(period.byRecipients),
      ...keysOf(period.byVolume),
    ]),
    lookalikeDomains: keysOf(period.domains).filter((domain) => lookalikeOf(domain, localDomains)),
    ownNetworks: ownNetworksOf(aggregations.ownNetworks),
    /** Where the baseline's data begins, or the period's when the baseline holds none. */
    dataStartMs,
    baselineDays:
      dataStartMs === undefined ? 0 : Math.max(0, (spans.startMs - dataStartMs) / DAY_MS),
  };
}
