import type { estypes } from '@elastic/elasticsearch';
import type { LatestStatusQuality } from '../../../common/http_api/views';
import { SUPERSEDING_CANDIDATE_STATUSES, TRANSIENT_STATUSES } from '../../../common/message_status';
import { FIELDS, TOLERANT, bucketsOf, statusFilter, type ViewTarget } from './view_scope';

type Query = estypes.QueryDslQueryContainer;
type TermsAggregate = estypes.AggregationsStringTermsAggregate;

/**
 * Rows per status examined by one look-up. Rows in flux beyond it (the oldest, as they are
 * examined newest first) are taken to have settled, and the answer says so (`exact: false`):
 * a transient status older than the range's newest 20,000 almost surely gave way long ago.
 */
export const LATEST_STATUS_ROW_LIMIT = 20_000;

export interface LatestStatusFilter {
  /** Clauses that leave out every observation a later one of the same row replaced. */
  mustNot: Query[];
  quality: LatestStatusQuality;
}

const rowsIn = (ids: Iterable<string>): Query => ({ terms: { [FIELDS.rowId]: [...ids] } });
const statusIs = (status: string): Query => ({ term: { [FIELDS.status]: status } });

/**
 * Row ids of one status; `map` because row ids are nearly all distinct. Newest first only when
 * asked: ordering costs a sub-aggregation per row, and matters only when rows are left over.
 */
function rowsWith(status: string, newestFirst: boolean): estypes.AggregationsAggregationContainer {
  return {
    filter: statusIs(status),
    aggs: {
      rows: {
        terms: {
          field: FIELDS.rowId,
          size: LATEST_STATUS_ROW_LIMIT,
          execution_hint: 'map',
          ...(newestFirst ? { order: { newest: 'desc' as const } } : {}),
        },
        ...(newestFirst ? { aggs: { newest: { max: { field: FIELDS.timestamp } } } } : {}),
      },
    },
  };
}

function rowsOf(aggregations: Record<string, unknown> | undefined, status: string) {
  const rows = (aggregations?.[status] as { rows?: TermsAggregate } | undefined)?.rows;
  return {
    ids: new Set(bucketsOf(rows).map((bucket) => String(bucket.key))),
    complete: (rows?.sum_other_doc_count ?? 0) === 0,
  };
}

/**
 * Every row (trace id × recipient) has one document per status it was seen in, and the latest is
 * the one of highest rank (common/message_status.ts): gettingStatus, then pending, then a settled
 * status, then recalled. Two searches find what a later status replaced: the rows seen in a
 * transient status or recalled, then which of those also have a settled status. The clauses that
 * come back keep, of the transient documents, only those of rows still in flight, and of recalled
 * rows only the recall; every aggregation and search over `filters` then counts each row once.
 * `filters` must not filter by status: all observations of a row share every other field the
 * views filter on.
 */
export async function latestStatusFilter(
  target: ViewTarget,
  filters: Query[]
): Promise<LatestStatusFilter> {
  const inFlux = (newestFirst: boolean) =>
    target.client.search({
      index: target.index,
      ...TOLERANT,
      size: 0,
      track_total_hits: false,
      query: { bool: { filter: [...filters, statusFilter(SUPERSEDING_CANDIDATE_STATUSES)] } },
      aggs: Object.fromEntries(
        SUPERSEDING_CANDIDATE_STATUSES.map((status) => [status, rowsWith(status, newestFirst)])
      ),
    });
  let candidates = await inFlux(false);
  const overflows = (status: string) => !rowsOf(candidates.aggregations, status).complete;
  if (SUPERSEDING_CANDIDATE_STATUSES.some(overflows)) candidates = await inFlux(true);
  const gettingStatus = rowsOf(candidates.aggregations, 'gettingStatus');
  const pending = rowsOf(candidates.aggregations, 'pending');
  const recalled = rowsOf(candidates.aggregations, 'recalled');
  const exact = gettingStatus.complete && pending.complete && recalled.complete;
  const examined = new Set([...gettingStatus.ids, ...pending.ids, ...recalled.ids]);
  if (examined.size === 0) return { mustNot: [], quality: { exact, rowsWithStatusChanges: 0 } };

  const settled = await target.client.search({
    index: target.index,
    ...TOLERANT,
    size: 0,
    track_total_hits: false,
    query: {
      bool: {
        filter: [...filters, rowsIn(examined)],
        must_not: [statusFilter(SUPERSEDING_CANDIDATE_STATUSES)],
      },
    },
    aggs: {
      rows: { terms: { field: FIELDS.rowId, size: examined.size, execution_hint: 'map' } },
    },
  });
  const hasSettled = new Set(bucketsOf(settled.aggregations?.rows).map((b) => String(b.key)));
  const inFlight = (ids: Set<string>) =>
    [...ids].filter((id) => !hasSettled.has(id) && !recalled.ids.has(id));
  const stillPending = inFlight(pending.ids);
  const stillGettingStatus = inFlight(gettingStatus.ids).filter((id) => !pending.ids.has(id));
  const keptTransient = [
    ...(stillPending.length
      ? [{ bool: { filter: [statusIs('pending'), rowsIn(stillPending)] } }]
      : []),
    ...(stillGettingStatus.length
      ? [{ bool: { filter: [statusIs('gettingStatus'), rowsIn(stillGettingStatus)] } }]
      : []),
  ];
  const mustNot: Query[] = [
    { bool: { filter: [statusFilter(TRANSIENT_STATUSES)], must_not: keptTransient } },
    ...(recalled.ids.size
      ? [{ bool: { filter: [rowsIn(recalled.ids)], must_not: [statusIs('recalled')] } }]
      : []),
  ];
  const seenIn = (id: string) =>
    [gettingStatus.ids, pending.ids, recalled.ids, hasSettled].filter((ids) => ids.has(id)).length;
  return {
    mustNot,
    quality: { exact, rowsWithStatusChanges: [...examined].filter((id) => seenIn(id) > 1).length },
  };
}
