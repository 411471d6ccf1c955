import type { estypes } from '@elastic/elasticsearch';
import { DAY_MS } from '../../../common/time';
import type { SuspiciousSendersRequest } from '../../../common/http_api/views';
import { UNDELIVERED_STATUSES } from '../../../common/message_status';
import { lookalikeOf } from '../scoring/lookalike';
import { OUTGOING, ownNetworkAggregation, ownNetworksOf } from './sender_aggregations';
import { aggregateInParallel } from './aggregate';
import { FIELDS, bucketsOf, statusFilter, timeRange, type ViewTarget } from './view_scope';

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
  const aggregations = (await aggregateInParallel(target, base, [
    {
      filter: { bool: { filter: [spans.period], must_not: [OUTGOING] } },
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
    { filter: spans.ownNetworks, aggs: { ownNetworks: ownNetworkAggregation(spans.ownNetworks) } },
    // Where the data begins: a min aggregation answers in half the time sorting for it takes.
    { aggs: { earliest: { min: { field: FIELDS.timestamp } } } },
  ])) as Record<string, Record<string, unknown> | undefined>;
  const earliest =
    (aggregations.earliest as { value?: number | null } | undefined)?.value ?? undefined;
  const dataStartMs =
    earliest === undefined ? undefined : Math.max(earliest, spans.baselineStartMs);
  return {
    senders: new Set([
      ...keysOf(aggregations.undelivered?.top),
      ...keysOf(aggregations.byRecipients),
      ...keysOf(aggregations.byVolume),
    ]),
    lookalikeDomains: keysOf(aggregations.domains).filter((domain) =>
      lookalikeOf(domain, localDomains)
    ),
    ownNetworks: ownNetworksOf(aggregations.ownNetworks),
    /** Where the baseline's data begins, or the period's when the baseline holds none. */
    dataStartMs,
    baselineDays:
      dataStartMs === undefined ? 0 : Math.max(0, (spans.startMs - dataStartMs) / DAY_MS),
  };
}
