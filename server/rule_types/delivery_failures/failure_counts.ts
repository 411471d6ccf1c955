import type { DeliveryFailuresParams } from '../../../common/alerting/rule_params';
import type { ViewScope } from '../../../common/http_api/views';
import { UNDELIVERED_STATUSES } from '../../../common/message_status';
import { latestStatusFilter } from '../../lib/views/latest_status';
import { searchView } from '../../lib/views/view_search';
import {
  FIELDS,
  TOLERANT,
  bucketsOf,
  docCountOf,
  sourceFilters,
  timeRange,
  totalHits,
  type KeyedBucket,
  type ViewTarget,
} from '../../lib/views/view_scope';
import type { FailureCounts } from './failure_breaches';

/** Recipient domains judged per run: the ones with most undelivered rows. */
const MAX_DOMAINS = 500;

const byStatus = Object.fromEntries(
  UNDELIVERED_STATUSES.map((status) => [status, { filter: { term: { [FIELDS.status]: status } } }])
);

type StatusBuckets = Record<string, unknown> & { doc_count: number };

function countsOf(bucket: StatusBuckets, recipientDomain?: string): FailureCounts {
  return {
    ...(recipientDomain ? { recipientDomain } : {}),
    total: bucket.doc_count,
    byStatus: Object.fromEntries(
      UNDELIVERED_STATUSES.map((status) => [status, docCountOf(bucket[status])])
    ),
  };
}

/**
 * Rows of the window in their latest status (as the delivery status page counts them), overall
 * or per recipient domain, with their undelivered statuses.
 */
export async function failureCounts(
  target: ViewTarget,
  scope: ViewScope,
  groupBy: DeliveryFailuresParams['groupBy']
): Promise<FailureCounts[]> {
  const filters = [timeRange(scope.start, scope.end), ...sourceFilters(scope)];
  const latest = await latestStatusFilter(target, scope, { filters });
  const response = await searchView(target, {
    index: target.index,
    ...TOLERANT,
    size: 0,
    track_total_hits: true,
    query: { bool: { filter: filters, must_not: latest.mustNot } },
    aggs:
      groupBy === 'all'
        ? byStatus
        : {
            domains: {
              terms: {
                field: FIELDS.recipientDomain,
                size: MAX_DOMAINS,
                order: { undelivered: 'desc' },
              },
              aggs: {
                ...byStatus,
                undelivered: {
                  filter: { terms: { [FIELDS.status]: [...UNDELIVERED_STATUSES] } },
                },
              },
            },
          },
  });
  const aggregations = response.aggregations ?? {};
  if (groupBy === 'all') {
    return [countsOf({ ...aggregations, doc_count: totalHits(response.hits.total) })];
  }
  return bucketsOf<KeyedBucket & StatusBuckets>(aggregations.domains).map((bucket) =>
    countsOf(bucket, String(bucket.key))
  );
}
