import type { estypes } from '@elastic/elasticsearch';
import { DAY_MS } from '../../../common/time';
import {
  MAX_SCORED_SENDERS,
  type KnownSender,
  type SuspiciousSender,
  type SuspiciousSendersRequest,
  type SuspiciousSendersResponse,
} from '../../../common/http_api/views';
import { UNDELIVERED_STATUSES } from '../../../common/message_status';
import { networkOf } from '../scoring/ip_network';
import { knownGoodEntryOf } from '../scoring/known_good';
import {
  hasEnoughBaseline,
  scoreOf,
  senderReasons,
  type NetworkUse,
  type SenderStats,
} from '../scoring/sender_score';
import {
  NULL_SENDER,
  OUTGOING,
  UNSETTLED,
  fromOutsideQuery,
  networkAggregation,
  networksOf,
} from './sender_aggregations';
import { keysOf, nominate, spansOf } from './sender_nomination';
import { aggregateInParallel } from './aggregate';
import { byRank, pageOfSenders } from './sender_page';
import {
  FIELDS,
  bucketsOf,
  docCountOf,
  sourceFilters,
  timeRange,
  type KeyedBucket,
  type ViewTarget,
} from './view_scope';

type Query = estypes.QueryDslQueryContainer;

const IPS_SHOWN = 20;

export interface SuspiciousSendersInput {
  localDomains: readonly string[];
  /** Known-good marks by the sender or domain they cover (normalized). */
  knownGood: ReadonlyMap<string, KnownSender>;
}

const networksOfIps = (ips: string[]) => [...new Set(ips.flatMap((ip) => networkOf(ip) ?? []))];

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
const firstMail = { first: { min: { field: FIELDS.timestamp } } };
const baselineAggregations = {
  ...statusesAndRecipients,
  ...firstMail,
  networks: networkAggregation(),
};
/** Without a baseline, each network's first use in the period is what a sender is judged by. */
const networkUseAggregations = { networkUse: networkAggregation(firstMail) };

type Bucket = KeyedBucket & Record<string, Record<string, unknown> & KeyedBucket>;

const NO_BASELINE: Record<string, unknown> & KeyedBucket = { key: '', doc_count: 0 };

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

const msOf = (aggregate: unknown) =>
  (aggregate as { value?: number | null } | undefined)?.value ?? undefined;
const isoOf = (aggregate: unknown) => {
  const value = msOf(aggregate);
  return value ? new Date(value).toISOString() : '';
};

const networkUseOf = (aggregate: unknown): NetworkUse[] =>
  networksOf(aggregate).map(({ network, bucket }) => ({
    network,
    firstMs: msOf(bucket.first) ?? 0,
    messages: bucket.doc_count,
  }));

function statsOf(
  period: Bucket,
  baseline: Record<string, unknown> & KeyedBucket
): SenderStats & { firstSeen: string; lastSeen: string } {
  const outside = period.fromOutside as Record<string, unknown> & KeyedBucket;
  const domain = keysOf(period.domain)[0];
  const sourceIps = keysOf(period.ips);
  const firstMs = baseline.doc_count > 0 ? msOf(baseline.first) : msOf(period.first);
  return {
    sender: String(period.key),
    ...(domain ? { domain } : {}),
    ...(firstMs !== undefined ? { firstMs } : {}),
    period: {
      ...activityOf(period, networksOfIps(sourceIps)),
      sourceIps,
      ...(period.networkUse ? { networkUse: networkUseOf(period.networkUse) } : {}),
    },
    baseline: activityOf(
      baseline,
      networksOf(baseline.networks).map(({ network }) => network)
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
  const nominated = await nominate(target, entity, base, spans, input.localDomains);
  const enoughBaseline = hasEnoughBaseline(nominated.baselineDays);
  const fromOutside = fromOutsideQuery(nominated.ownNetworks);
  const candidates: Query[] = [
    ...(nominated.senders.size > 0 ? [{ terms: { [entity]: [...nominated.senders] } }] : []),
    ...(nominated.lookalikeDomains.length > 0
      ? [{ terms: { [FIELDS.senderDomain]: nominated.lookalikeDomains } }]
      : []),
    { bool: { filter: [spans.period, fromOutside] } },
  ];
  // The same query and terms in both halves, so both list the same senders in the same order.
  const senders = (aggs: Record<string, estypes.AggregationsAggregationContainer>) => ({
    terms: { field: entity, size: MAX_SCORED_SENDERS },
    aggs,
  });
  // Each half's filter is its span, so a sender's buckets hold its period and its baseline.
  const halves = await aggregateInParallel(
    target,
    {
      bool: {
        filter: [base],
        must_not: [OUTGOING],
        should: candidates,
        minimum_should_match: 1,
      },
    },
    [
      {
        filter: spans.period,
        aggs: {
          inPeriod: senders({
            domain: { terms: { field: FIELDS.senderDomain, size: 1 } },
            ...periodAggregations,
            ...(enoughBaseline ? {} : networkUseAggregations),
            fromOutside: {
              filter: fromOutside,
              aggs: { ips: { terms: { field: FIELDS.sourceIp, size: 5 } } },
            },
          }),
        },
      },
      { filter: spans.baseline, aggs: { inBaseline: senders(baselineAggregations) } },
    ]
  );
  const baselines = new Map(
    bucketsOf<Bucket>(halves.inBaseline).map((bucket) => [bucket.key, bucket])
  );
  const context = {
    localDomains: input.localDomains,
    periodDays: (spans.endMs - spans.startMs) / DAY_MS,
    baselineDays: nominated.baselineDays,
    dataStartMs: nominated.dataStartMs,
  };
  const scored: SuspiciousSender[] = bucketsOf<Bucket>(halves.inPeriod)
    .map((bucket) => statsOf(bucket, baselines.get(bucket.key) ?? NO_BASELINE))
    .filter((stats) => stats.period.messages > 0)
    .map((stats) => {
      const reasons = senderReasons(stats, context);
      const { byStatus } = stats.period;
      const knownGoodMark = input.knownGood.get(
        knownGoodEntryOf(stats.sender, input.knownGood) ?? ''
      );
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
        knownGood: knownGoodMark !== undefined,
        ...(knownGoodMark ? { knownGoodMark } : {}),
      };
    })
    .filter((sender) => sender.score > 0)
    .sort(byRank);
  const hidden = request.includeKnownGood ? [] : scored.filter((sender) => sender.knownGood);
  return {
    ...pageOfSenders(
      scored.filter((sender) => !hidden.includes(sender)),
      request
    ),
    baseline: {
      start: new Date(spans.baselineStartMs).toISOString(),
      end: request.start,
      hasData: nominated.baselineDays > 0,
      days: nominated.baselineDays,
      enough: enoughBaseline,
    },
    knownGoodHidden: hidden.length,
    localDomains: [...input.localDomains],
  };
}
