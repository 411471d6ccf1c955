import type { estypes } from '@elastic/elasticsearch';
import type {
  SuspiciousSender,
  SuspiciousSendersRequest,
  SuspiciousSendersResponse,
} from '../../../common/http_api/views';
import { UNDELIVERED_STATUSES } from '../../../common/message_status';
import { networkOf } from '../scoring/ip_network';
import { isKnownGood } from '../scoring/known_good';
import { lookalikeOf } from '../scoring/lookalike';
import { scoreOf, senderReasons, type SenderStats } from '../scoring/sender_score';
import {
  NULL_SENDER,
  OUTGOING,
  UNSETTLED,
  fromOutsideQuery,
  networkAggregations,
  networksOf,
  ownNetworkAggregation,
  ownNetworksOf,
} from './sender_aggregations';
import {
  FIELDS,
  TOLERANT,
  bucketsOf,
  docCountOf,
  sourceFilters,
  statusFilter,
  timeRange,
  type KeyedBucket,
  type ViewTarget,
} from './view_scope';

type Query = estypes.QueryDslQueryContainer;

const DAY_MS = 86_400_000;
export const DEFAULT_BASELINE_DAYS = 7;
export const DEFAULT_SENDER_LIMIT = 50;
/** Senders each ranking (undelivered, recipients, volume) nominates for a closer look. */
const NOMINEES_PER_RANKING = 100;
/** Sending domains checked for lookalikes; far more than a tenant's inbound variety. */
const DOMAINS_CHECKED = 5000;
const MAX_SCORED = 1000;
const IPS_SHOWN = 20;

export interface SuspiciousSendersInput {
  localDomains: readonly string[];
  knownGood: ReadonlySet<string>;
}

interface Spans {
  period: Query;
  /** Where our own networks are learnt: the period, and at least its last day. */
  ownNetworks: Query;
  baseline: Query;
  baselineStartMs: number;
  startMs: number;
  endMs: number;
}

function spansOf(request: SuspiciousSendersRequest): Spans {
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

const networksOfIps = (ips: string[]) => [...new Set(ips.flatMap((ip) => networkOf(ip) ?? []))];

const keysOf = (aggregate: unknown) => bucketsOf(aggregate).map((bucket) => String(bucket.key));

/** Who deserves a closer look, where our own networks are, and how far back the data goes. */
async function nominate(
  target: ViewTarget,
  entity: string,
  base: Query,
  spans: Spans,
  input: SuspiciousSendersInput
) {
  const ranked = (
    order?: estypes.AggregationsAggregateOrder,
    aggs?: Record<string, estypes.AggregationsAggregationContainer>
  ) => ({
    terms: { field: entity, size: NOMINEES_PER_RANKING, ...(order ? { order } : {}) },
    ...(aggs ? { aggs } : {}),
  });
  const response = await target.client.search({
    index: target.index,
    ...TOLERANT,
    size: 0,
    track_total_hits: false,
    query: base,
    aggs: {
      period: {
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
      baseline: {
        filter: spans.baseline,
        aggs: { earliest: { min: { field: FIELDS.timestamp } } },
      },
      ownNetworks: ownNetworkAggregation(spans.ownNetworks),
    },
  });
  const aggregations = response.aggregations as Record<string, Record<string, unknown>> | undefined;
  const period = aggregations?.period ?? {};
  const earliest = (aggregations?.baseline?.earliest as { value?: number | null } | undefined)
    ?.value;
  return {
    senders: new Set([
      ...keysOf((period.undelivered as Record<string, unknown> | undefined)?.top),
      ...keysOf(period.byRecipients),
      ...keysOf(period.byVolume),
    ]),
    lookalikeDomains: keysOf(period.domains).filter((domain) =>
      lookalikeOf(domain, input.localDomains)
    ),
    ownNetworks: ownNetworksOf(aggregations?.ownNetworks),
    baselineDays: earliest
      ? (spans.startMs - Math.max(earliest, spans.baselineStartMs)) / DAY_MS
      : 0,
  };
}

const statusesAndRecipients = {
  statuses: { terms: { field: FIELDS.status, size: 20 } },
  recipients: { cardinality: { field: FIELDS.recipient } },
};

/**
 * The period's networks come from its source IPs (a few per sender, fetched anyway); the
 * baseline's need every one, which only ip_prefix gives, at a price per document.
 */
const periodAggregations = {
  ...statusesAndRecipients,
  ips: { terms: { field: FIELDS.sourceIp, size: IPS_SHOWN } },
  first: { min: { field: FIELDS.timestamp } },
  last: { max: { field: FIELDS.timestamp } },
  internal: { filter: { term: { [FIELDS.direction]: 'internal' } } },
};
const baselineAggregations = { ...statusesAndRecipients, ...networkAggregations() };

type Bucket = KeyedBucket & Record<string, Record<string, unknown> & KeyedBucket>;

function activityOf(bucket: Record<string, unknown> & KeyedBucket, networks: string[]) {
  return {
    messages: bucket.doc_count,
    byStatus: Object.fromEntries(
      bucketsOf(bucket.statuses).map((b) => [String(b.key), b.doc_count])
    ),
    recipients: (bucket.recipients as { value?: number } | undefined)?.value ?? 0,
    networks,
  };
}

const isoOf = (aggregate: unknown) => {
  const value = (aggregate as { value_as_string?: string; value?: number | null } | undefined)
    ?.value;
  return value ? new Date(value).toISOString() : '';
};

function statsOf(bucket: Bucket): SenderStats & { firstSeen: string; lastSeen: string } {
  const period = bucket.period!;
  const outside = period.fromOutside as Record<string, unknown> & KeyedBucket;
  const domain = keysOf(bucket.domain)[0];
  const sourceIps = keysOf(period.ips);
  return {
    sender: String(bucket.key),
    ...(domain ? { domain } : {}),
    period: { ...activityOf(period, networksOfIps(sourceIps)), sourceIps },
    baseline: activityOf(
      bucket.baseline!,
      networksOf(bucket.baseline).map(({ network }) => network)
    ),
    fromOutside: { messages: outside.doc_count, sourceIps: keysOf(outside.ips) },
    internalOnly: period.doc_count > 0 && docCountOf(period.internal) === period.doc_count,
    firstSeen: isoOf(period.first),
    lastSeen: isoOf(period.last),
  };
}

/**
 * External senders (or sending domains) ranked by what makes them suspicious (scoring/). Two
 * searches: one nominates candidates by undelivered mail, recipients and volume, and finds
 * lookalike domains and our own networks; the second gathers each candidate's period and
 * baseline. Counting is Elasticsearch's; scoring is the pure functions of scoring/.
 */
export async function suspiciousSenders(
  target: ViewTarget,
  request: SuspiciousSendersRequest,
  input: SuspiciousSendersInput
): Promise<SuspiciousSendersResponse> {
  const entity = request.groupBy === 'domain' ? FIELDS.senderDomain : FIELDS.sender;
  const spans = spansOf(request);
  const base: Query = {
    bool: {
      filter: [
        ...sourceFilters(request),
        timeRange(new Date(spans.baselineStartMs).toISOString(), request.end),
        { exists: { field: entity } },
      ],
      must_not: [UNSETTLED, NULL_SENDER],
    },
  };
  const nominated = await nominate(target, entity, base, spans, input);
  const fromOutside = fromOutsideQuery(nominated.ownNetworks);
  const candidates: Query[] = [
    ...(nominated.senders.size > 0 ? [{ terms: { [entity]: [...nominated.senders] } }] : []),
    ...(nominated.lookalikeDomains.length > 0
      ? [{ terms: { [FIELDS.senderDomain]: nominated.lookalikeDomains } }]
      : []),
    { bool: { filter: [spans.period, fromOutside] } },
  ];
  const response = await target.client.search({
    index: target.index,
    ...TOLERANT,
    size: 0,
    track_total_hits: false,
    query: {
      bool: {
        filter: [base],
        must_not: [OUTGOING],
        should: candidates,
        minimum_should_match: 1,
      },
    },
    aggs: {
      senders: {
        terms: { field: entity, size: MAX_SCORED },
        aggs: {
          domain: { terms: { field: FIELDS.senderDomain, size: 1 } },
          period: {
            filter: spans.period,
            aggs: {
              ...periodAggregations,
              fromOutside: {
                filter: fromOutside,
                aggs: { ips: { terms: { field: FIELDS.sourceIp, size: 5 } } },
              },
            },
          },
          baseline: { filter: spans.baseline, aggs: baselineAggregations },
        },
      },
    },
  });
  const context = {
    localDomains: input.localDomains,
    periodDays: (spans.endMs - spans.startMs) / DAY_MS,
    baselineDays: nominated.baselineDays,
  };
  const scored: SuspiciousSender[] = bucketsOf<Bucket>(response.aggregations?.senders)
    .map(statsOf)
    .filter((stats) => stats.period.messages > 0)
    .map((stats) => {
      const reasons = senderReasons(stats, context);
      const { byStatus } = stats.period;
      return {
        sender: stats.sender,
        ...(stats.domain ? { domain: stats.domain } : {}),
        score: scoreOf(reasons),
        reasons,
        messages: stats.period.messages,
        recipients: stats.period.recipients,
        undelivered: UNDELIVERED_STATUSES.reduce((sum, status) => sum + (byStatus[status] ?? 0), 0),
        sourceIps: stats.period.sourceIps,
        firstSeen: stats.firstSeen,
        lastSeen: stats.lastSeen,
        knownGood: isKnownGood(stats.sender, input.knownGood),
      };
    })
    .filter((sender) => sender.score > 0)
    .sort((a, b) => b.score - a.score || b.undelivered - a.undelivered || b.messages - a.messages);
  const hidden = request.includeKnownGood ? [] : scored.filter((sender) => sender.knownGood);
  return {
    senders: scored
      .filter((sender) => !hidden.includes(sender))
      .slice(0, request.limit ?? DEFAULT_SENDER_LIMIT),
    baseline: {
      start: new Date(spans.baselineStartMs).toISOString(),
      end: request.start,
      hasData: nominated.baselineDays > 0,
    },
    knownGoodHidden: hidden.length,
    localDomains: [...input.localDomains],
  };
}
