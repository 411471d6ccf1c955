import type {
  CategoryCounts,
  DeliveryStatusRequest,
  DeliveryStatusResponse,
  StatusTotals,
} from '../../../common/http_api/views';
import {
  STATUS_CATEGORIES,
  TRANSIENT_STATUSES,
  UNDELIVERED_STATUSES,
  statusCategory,
} from '../../../common/message_status';
import { fixedInterval, histogramIntervalMs } from './histogram_interval';
import { latestStatusFilter } from './latest_status';
import {
  FIELDS,
  TOLERANT,
  bucketsOf,
  docCountOf,
  scopeFilters,
  statusFilter,
  type KeyedBucket,
  type ViewTarget,
} from './view_scope';
import { HOUR_MS } from '../../../common/time';
import { searchView } from './view_search';

const TOP = 10;
/** Far more statuses than Graph has, so none is ever cut off. */
const STATUS_BUCKETS = 50;
const PENDING_TOO_LONG_MS = HOUR_MS;
const NO_DIRECTION = 'unknown';

const emptyCounts = (): CategoryCounts =>
  Object.fromEntries(STATUS_CATEGORIES.map((category) => [category, 0])) as CategoryCounts;

/** Status buckets (`event.action`) summed into the page's categories. */
export function categoryCounts(statusBuckets: KeyedBucket[]): CategoryCounts {
  const counts = emptyCounts();
  for (const bucket of statusBuckets)
    counts[statusCategory(String(bucket.key))] += bucket.doc_count;
  return counts;
}

export const statusTerms = { terms: { field: FIELDS.status, size: STATUS_BUCKETS } };
const failedOnly = { term: { [FIELDS.status]: 'failed' } };

/**
 * One search after the latest-status look-up: totals, the histogram, the direction split and the
 * top failures all come from aggregations over rows in their latest status.
 */
export async function deliveryStatus(
  target: ViewTarget,
  request: DeliveryStatusRequest,
  nowMs: number
): Promise<DeliveryStatusResponse> {
  const filters = scopeFilters(request);
  const latest = await latestStatusFilter(target, request, { filters });
  const startMs = Date.parse(request.start);
  const endMs = Date.parse(request.end);
  const intervalMs = histogramIntervalMs(startMs, endMs);
  const pendingSince = new Date(nowMs - PENDING_TOO_LONG_MS).toISOString();
  const response = await searchView(target, {
    index: target.index,
    ...TOLERANT,
    size: 0,
    track_total_hits: false,
    query: { bool: { filter: filters, must_not: latest.mustNot } },
    aggs: {
      statuses: statusTerms,
      pendingTooLong: {
        filter: {
          bool: {
            filter: [
              statusFilter(TRANSIENT_STATUSES),
              { range: { [FIELDS.timestamp]: { lt: pendingSince } } },
            ],
          },
        },
      },
      histogram: {
        date_histogram: {
          field: FIELDS.timestamp,
          fixed_interval: fixedInterval(intervalMs),
          min_doc_count: 0,
          extended_bounds: { min: startMs, max: endMs },
        },
        aggs: { statuses: statusTerms },
      },
      directions: {
        terms: { field: FIELDS.direction, size: 10, missing: NO_DIRECTION },
        aggs: {
          delivered: { filter: { term: { [FIELDS.status]: 'delivered' } } },
          undelivered: { filter: statusFilter(UNDELIVERED_STATUSES) },
        },
      },
      failed: {
        filter: failedOnly,
        aggs: {
          recipients: { terms: { field: FIELDS.recipient, size: TOP } },
          domains: { terms: { field: FIELDS.recipientDomain, size: TOP } },
        },
      },
    },
  });
  const aggregations = response.aggregations ?? {};
  const counts = categoryCounts(bucketsOf(aggregations.statuses));
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const totals: StatusTotals = {
    ...counts,
    total,
    pendingOverAnHour: docCountOf(aggregations.pendingTooLong),
  };
  const rate = (count: number) => (total === 0 ? 0 : count / total);
  const failed = aggregations.failed as Record<string, unknown> | undefined;
  return {
    totals,
    rates: {
      delivered: rate(totals.delivered),
      failed: rate(totals.failed),
      quarantined: rate(totals.quarantined),
      filteredAsSpam: rate(totals.filteredAsSpam),
      pendingOverAnHour: rate(totals.pendingOverAnHour),
    },
    histogram: {
      intervalMs,
      buckets: bucketsOf<KeyedBucket & { statuses: unknown }>(aggregations.histogram).map(
        (bucket) => ({
          start: new Date(Number(bucket.key)).toISOString(),
          counts: categoryCounts(bucketsOf(bucket.statuses)),
        })
      ),
    },
    directions: bucketsOf<KeyedBucket & { delivered: unknown; undelivered: unknown }>(
      aggregations.directions
    ).map((bucket) => ({
      direction: String(bucket.key),
      total: bucket.doc_count,
      delivered: docCountOf(bucket.delivered),
      undelivered: docCountOf(bucket.undelivered),
    })),
    topFailingRecipients: bucketsOf(failed?.recipients).map((bucket) => ({
      recipient: String(bucket.key),
      failed: bucket.doc_count,
    })),
    topFailingDomains: bucketsOf(failed?.domains).map((bucket) => ({
      domain: String(bucket.key),
      failed: bucket.doc_count,
    })),
    latestStatus: latest.qualityOf(total),
  };
}
