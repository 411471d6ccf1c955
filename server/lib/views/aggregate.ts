import type { estypes } from '@elastic/elasticsearch';
import { TOLERANT, type ViewTarget } from './view_scope';
import { searchView } from './view_search';

type Query = estypes.QueryDslQueryContainer;
type Aggregations = Record<string, estypes.AggregationsAggregationContainer>;

/** The aggregations of `query`'s documents, no hits. */
export async function aggregate(
  target: ViewTarget,
  query: Query,
  aggs: Aggregations
): Promise<Record<string, unknown>> {
  const response = await searchView(target, {
    index: target.index,
    ...TOLERANT,
    size: 0,
    track_total_hits: false,
    query,
    aggs,
  });
  return (response.aggregations ?? {}) as Record<string, unknown>;
}

export interface AggregationGroup {
  aggs: Aggregations;
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
  const answers = await Promise.all(
    groups.map(({ aggs, filter }) =>
      aggregate(target, filter ? { bool: { filter: [query, filter] } } : query, aggs)
    )
  );
  return Object.assign({}, ...answers);
}
