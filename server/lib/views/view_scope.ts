import type { Client, estypes } from '@elastic/elasticsearch';
import type { MailDirectionFilter, ViewScope } from '../../../common/http_api/views';
import { dataStreamName, dataStreamPattern } from '../data_stream/data_stream_name';
import type { LatestStatusCache } from './latest_status_slices';

type Query = estypes.QueryDslQueryContainer;

/** The views only search (`transport`: the client's methods run with `this` = { transport }). */
export type SearchClient = Pick<Client, 'search' | 'transport'>;

/** The fields the views read, by what they mean. */
export const FIELDS = {
  timestamp: '@timestamp',
  status: 'event.action',
  rowId: 'exchange_message_trace.row_id',
  connectionId: 'exchange_message_trace.connection_id',
  namespace: 'data_stream.namespace',
  traceId: 'email.local_id',
  messageId: 'email.message_id',
  subject: 'email.subject',
  subjectText: 'email.subject.text',
  sender: 'email.from.address',
  senderDomain: 'source.domain',
  recipient: 'email.to.address',
  recipientDomain: 'destination.domain',
  direction: 'email.direction',
  sourceIp: 'source.ip',
  sourceNetwork: 'exchange_message_trace.source_network',
  destinationIp: 'destination.ip',
  size: 'email.size',
  organizationName: 'organization.name',
} as const;

export interface ViewTarget {
  client: SearchClient;
  /** See viewIndex. */
  index: string;
  /** Days whose latest statuses were looked up already; without it every view looks them up. */
  latestStatusCache?: LatestStatusCache;
  /** Aborts the view's searches: the user went away. */
  signal?: AbortSignal;
  /** Bound of one search; default VIEW_SEARCH_TIMEOUT_MS. */
  searchTimeoutMs?: number;
}

/**
 * The data streams a view reads: the named namespaces' own, else every namespace's. Naming them
 * spares Elasticsearch the shards of every other namespace; the namespace filter stays anyway.
 */
export function viewIndex(dataset: string, namespaces?: readonly string[]): string {
  return namespaces?.length
    ? namespaces.map((namespace) => dataStreamName(dataset, namespace)).join(',')
    : dataStreamPattern(dataset);
}

/**
 * Searches that may meet no data stream yet (nothing collected) answer empty, not 404. A shard
 * that refuses the query (a `*` pattern too complex for it) fails the search rather than leaving
 * its rows out unseen: the refusal then becomes a 400 naming the field (elasticsearch_refusals.ts).
 */
export const TOLERANT = {
  ignore_unavailable: true,
  allow_no_indices: true,
  allow_partial_search_results: false,
} as const;

export function timeRange(start: string, end: string): Query {
  return {
    range: { [FIELDS.timestamp]: { gte: start, lte: end, format: 'strict_date_optional_time' } },
  };
}

/**
 * Our documents (every one has a row id; the Fleet package's, in the same dataset's other
 * namespaces, have none), of the scope's connections and namespaces; rows of one trace share them.
 */
export function sourceFilters(scope: Pick<ViewScope, 'connectionIds' | 'namespaces'>): Query[] {
  const filters: Query[] = [{ exists: { field: FIELDS.rowId } }];
  if (scope.connectionIds?.length) {
    filters.push({ terms: { [FIELDS.connectionId]: scope.connectionIds } });
  }
  if (scope.namespaces?.length) filters.push({ terms: { [FIELDS.namespace]: scope.namespaces } });
  return filters;
}

export function scopeFilters(scope: ViewScope & { direction?: MailDirectionFilter[] }): Query[] {
  return [
    timeRange(scope.start, scope.end),
    ...sourceFilters(scope),
    ...(scope.direction?.length ? [{ terms: { [FIELDS.direction]: scope.direction } }] : []),
  ];
}

export function statusFilter(statuses: readonly string[]): Query {
  return { terms: { [FIELDS.status]: [...statuses] } };
}

/** Buckets of a terms aggregation, typed as the views read them. */
export interface KeyedBucket {
  key: string | number;
  key_as_string?: string;
  doc_count: number;
}

export function bucketsOf<B = KeyedBucket>(aggregate: unknown): B[] {
  const buckets = (aggregate as { buckets?: B[] | Record<string, B> } | undefined)?.buckets;
  if (!buckets) return [];
  return Array.isArray(buckets) ? buckets : Object.values(buckets);
}

export function docCountOf(aggregate: unknown): number {
  return (aggregate as { doc_count?: number } | undefined)?.doc_count ?? 0;
}

export function totalHits(total: estypes.SearchTotalHits | number | undefined): number {
  return typeof total === 'number' ? total : (total?.value ?? 0);
}
