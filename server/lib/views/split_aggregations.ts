import type { estypes } from '@elastic/elasticsearch';
import { TOLERANT, type ViewTarget } from './view_scope';

type Query = estypes.QueryDslQueryContainer;

export interface AggregationGroup {
  aggs: Record<string, estypes.AggregationsAggregationContainer>;
  /** Narrows this group's documents beyond the shared query. */
  filter?: Query;
}

/**
 * One query's aggregations as several searches at once, merged: a search runs on one thread per
 * shard, so a heavy set of aggregations split in two uses two cores. Groups must not share names.
 */
export async function aggregateInParallel(
  target: ViewTarget,
  query: Query,
  groups: AggregationGroup[]
): Promise<Record<string, unknown>> {
  const responses = await Promise.all(
    groups.map(({ aggs, filter }) =>
      target.client.search({
        index: target.index,
        ...TOLERANT,
        size: 0,
        track_total_hits: false,
        query: filter ? { bool: { filter: [query, filter] } } : query,
        aggs,
      })
    )
  );
  return Object.assign({}, ...responses.map((response) => response.aggregations ?? {}));
}
