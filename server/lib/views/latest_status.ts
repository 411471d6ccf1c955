import type { estypes } from '@elastic/elasticsearch';
import type { LatestStatusQuality, ViewScope } from '../../../common/http_api/views';
import { SUPERSEDING_CANDIDATE_STATUSES, TRANSIENT_STATUSES } from '../../../common/message_status';
import { DAY_MS } from '../../../common/time';
import { aggregate } from './aggregate';
import { daySlicesOf, type SliceAnswer } from './latest_status_slices';
import {
  FIELDS,
  TOLERANT,
  bucketsOf,
  docCountOf,
  sourceFilters,
  statusFilter,
  timeRange,
  totalHits,
  type ViewTarget,
} from './view_scope';
import { searchView } from './view_search';

type Query = estypes.QueryDslQueryContainer;
type TermsAggregate = estypes.AggregationsStringTermsAggregate;

/**
 * Rows per status examined in one day. Rows in flux beyond it (the oldest, as they are examined
 * newest first) are taken to have settled, and the answer says so (`exact: false`): a transient
 * status older than the day's newest 20,000 almost surely gave way long ago.
 */
export const LATEST_STATUS_ROW_LIMIT = 20_000;
/** Days looked up at once: two keep both cores of a small cluster busy without crowding it. */
const CONCURRENT_DAYS = 2;

export interface LatestStatusFilter {
  /** Clauses that leave out every observation a later one of the same row replaced. */
  mustNot: Query[];
  /** What to tell the analyst, given the rows the view counted with `mustNot`. */
  qualityOf(rowsCounted: number): LatestStatusQuality;
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

function rowsOf(aggregations: Record<string, unknown>, status: string) {
  const rows = (aggregations[status] as { rows?: TermsAggregate } | undefined)?.rows;
  return {
    ids: new Set(bucketsOf(rows).map((bucket) => String(bucket.key))),
    complete: (rows?.sum_other_doc_count ?? 0) === 0,
  };
}

/**
 * The rows of `filters` (a day, or a narrow search) that are still in flight or were recalled. Two
 * searches: the rows seen in a transient status or recalled, then which of those also settled.
 */
async function lookUpRows(target: ViewTarget, filters: Query[]): Promise<SliceAnswer> {
  const inFlux = (newestFirst: boolean) =>
    aggregate(
      target,
      { bool: { filter: [...filters, statusFilter(SUPERSEDING_CANDIDATE_STATUSES)] } },
      Object.fromEntries(
        SUPERSEDING_CANDIDATE_STATUSES.map((status) => [status, rowsWith(status, newestFirst)])
      )
    );
  let candidates = await inFlux(false);
  const overflows = (status: string) => !rowsOf(candidates, status).complete;
  if (SUPERSEDING_CANDIDATE_STATUSES.some(overflows)) candidates = await inFlux(true);
  const gettingStatus = rowsOf(candidates, 'gettingStatus');
  const pending = rowsOf(candidates, 'pending');
  const recalled = rowsOf(candidates, 'recalled');
  const complete = gettingStatus.complete && pending.complete && recalled.complete;
  const transient = new Set([...gettingStatus.ids, ...pending.ids]);
  const answer = { recalled: [...recalled.ids], complete };
  if (transient.size === 0) return { ...answer, pending: [], gettingStatus: [] };

  const settled = await aggregate(
    target,
    {
      bool: {
        filter: [...filters, rowsIn(transient)],
        must_not: [statusFilter(SUPERSEDING_CANDIDATE_STATUSES)],
      },
    },
    { rows: { terms: { field: FIELDS.rowId, size: transient.size, execution_hint: 'map' } } }
  );
  const hasSettled = new Set(bucketsOf(settled.rows).map((b) => String(b.key)));
  const inFlight = (ids: Set<string>) => [...ids].filter((id) => !hasSettled.has(id));
  return {
    ...answer,
    pending: inFlight(pending.ids),
    // A row seen getting status and then pending is pending now.
    gettingStatus: inFlight(gettingStatus.ids).filter((id) => !pending.ids.has(id)),
  };
}

/** How many observations each UTC day of the view holds, and how many the view's filters match. */
async function countDays(target: ViewTarget, scope: ViewScope, inView: Query[]) {
  const days = daySlicesOf(Date.parse(scope.start), Date.parse(scope.end));
  const aggregations = await aggregate(
    target,
    {
      bool: {
        filter: [
          ...sourceFilters(scope),
          { range: { [FIELDS.timestamp]: { gte: days.startMs, lt: days.endMs } } },
        ],
      },
    },
    {
      days: { date_histogram: { field: FIELDS.timestamp, fixed_interval: '1d', min_doc_count: 1 } },
      inView: { filter: { bool: { filter: inView } } },
    }
  );
  return {
    days: bucketsOf(aggregations.days).map((bucket) => ({
      startMs: Number(bucket.key),
      documents: bucket.doc_count,
    })),
    documentsInView: docCountOf(aggregations.inView),
  };
}

async function mapConcurrently<T, R>(items: T[], limit: number, map: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Each UTC day of the scope on its own, two at a time, remembered in `target`'s cache. */
async function lookUpByDay(target: ViewTarget, scope: ViewScope, inView: Query[]) {
  const { days, documentsInView } = await countDays(target, scope, inView);
  const answers = await mapConcurrently(days, CONCURRENT_DAYS, (day) => {
    target.signal?.throwIfAborted();
    const lookUp = (dayTarget: ViewTarget) =>
      lookUpRows(dayTarget, [
        ...sourceFilters(scope),
        timeRange(
          new Date(day.startMs).toISOString(),
          new Date(day.startMs + DAY_MS - 1).toISOString()
        ),
      ]);
    if (!target.latestStatusCache) return lookUp(target);
    const source = [target.index, sourceFilters(scope)];
    // Every view waiting for the day shares its look-up: one user going away must not fail it.
    const shared = { ...target, signal: undefined };
    return target.latestStatusCache.answer({ source, ...day }, () => lookUp(shared));
  });
  return { answers, documentsInView };
}

/** A narrow search holds few rows: looking them up directly costs less than whole days. */
async function lookUpNarrowed(target: ViewTarget, filters: Query[], inView: Query[]) {
  const [answer, count] = await Promise.all([
    lookUpRows(target, filters),
    searchView(target, {
      index: target.index,
      ...TOLERANT,
      size: 0,
      track_total_hits: true,
      query: { bool: { filter: inView } },
    }),
  ]);
  return { answers: [answer], documentsInView: totalHits(count.hits.total) };
}

export interface LatestStatusView {
  /** The view's filters, the scope's among them, but not its status filter. */
  filters: Query[];
  /** Applied next to `mustNot`, never before the look-up: it is about the latest status. */
  status?: Query;
  /** The filters keep few of the scope's rows (a sender, a subject, a message ID…). */
  narrowed?: boolean;
}

/**
 * Every row (trace id × recipient) has one document per status it was seen in, and the latest is
 * the one of highest rank (common/message_status.ts): gettingStatus, then pending, then a settled
 * status, then recalled. All observations of a row share its receipt time, so rows never straddle
 * a day: each UTC day is looked up on its own and remembered for as long as its document count
 * stays the same (new observations change it). The clauses that come back keep, of the transient
 * documents, only those of rows still in flight, and of recalled rows only the recall; a search
 * over the view's filters and `mustNot` then counts each row once.
 */
export async function latestStatusFilter(
  target: ViewTarget,
  scope: ViewScope,
  view: LatestStatusView
): Promise<LatestStatusFilter> {
  const inView = [...view.filters, ...(view.status ? [view.status] : [])];
  const { answers, documentsInView } = view.narrowed
    ? await lookUpNarrowed(target, view.filters, inView)
    : await lookUpByDay(target, scope, inView);
  const union = (pick: (answer: SliceAnswer) => string[]) => answers.flatMap(pick);
  const kept = [
    { status: 'pending', ids: union((answer) => answer.pending) },
    { status: 'gettingStatus', ids: union((answer) => answer.gettingStatus) },
  ].filter(({ ids }) => ids.length > 0);
  const recalled = union((answer) => answer.recalled);
  const mustNot: Query[] = [
    {
      bool: {
        filter: [statusFilter(TRANSIENT_STATUSES)],
        must_not: kept.map(({ status, ids }) => ({
          bool: { filter: [statusIs(status), rowsIn(ids)] },
        })),
      },
    },
    ...(recalled.length
      ? [{ bool: { filter: [rowsIn(recalled)], must_not: [statusIs('recalled')] } }]
      : []),
  ];
  const exact = answers.every((answer) => answer.complete);
  return {
    mustNot,
    qualityOf: (rowsCounted) => ({ exact, rowsWithStatusChanges: documentsInView - rowsCounted }),
  };
}
