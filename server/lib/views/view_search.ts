import type { estypes } from '@elastic/elasticsearch';
import type { ViewTarget } from './view_scope';

/**
 * The longest one search of a view may take. The views answer in well under a second over 90
 * days of 5 million documents (docs/BENCHMARKS.md); a search that takes this long is stopped
 * rather than left to hold a search thread of the cluster.
 */
export const VIEW_SEARCH_TIMEOUT_MS = 20_000;

/** A search went past VIEW_SEARCH_TIMEOUT_MS (or the target's own bound) and was given up. */
export class ViewSearchTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(
      `Elasticsearch did not answer a search of this view within ${timeoutMs / 1000} s, the limit for one search; narrow the time range or the filters, or try again when the cluster is less busy`
    );
  }
}

/**
 * One search of a view: cancelled when the user goes away (`target.signal`) and given up after
 * its time bound. Either way the client closes the request's connection, and Elasticsearch
 * cancels a search whose connection closes, so the cluster stops working on it too. The bound is
 * the client's rather than the search's own `timeout`, which would answer with partial
 * aggregations: counts that look right and are not.
 */
export async function searchView<TDocument = unknown>(
  target: ViewTarget,
  request: estypes.SearchRequest
): Promise<estypes.SearchResponse<TDocument>> {
  const timeoutMs = target.searchTimeoutMs ?? VIEW_SEARCH_TIMEOUT_MS;
  try {
    return await target.client.search<TDocument>(request, {
      signal: target.signal,
      requestTimeout: timeoutMs,
    });
  } catch (error) {
    if ((error as { name?: unknown }).name === 'TimeoutError') {
      throw new ViewSearchTimeoutError(timeoutMs);
    }
    throw error;
  }
}
