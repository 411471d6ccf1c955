import type { Client } from '@elastic/elasticsearch';

export interface WriteCount {
  /** Documents indexed or updated. */
  indexed: number;
  /** Delete operations, including those of a document that was not there (a tombstone). */
  deleted: number;
  apiKeys: number;
  invalidatedApiKeys: number;
}

/**
 * What changed between two counts; a delete of a missing document is no change, so `notFound`
 * answers may delete.
 */
export function writesBetween(before: WriteCount, after: WriteCount, notFound: boolean): string[] {
  return (Object.keys(before) as Array<keyof WriteCount>)
    .filter((key) => after[key] !== before[key] && !(notFound && key === 'deleted'))
    .map((key) => `${key} ${before[key]} → ${after[key]}`);
}

/**
 * Counts every write a request could make, read from Elasticsearch itself: index and delete
 * operations on the host's saved objects and tasks and on the message-trace data streams (counted
 * as they happen, before any refresh), and the writer API keys ever granted or invalidated. Equal
 * counts around a request mean it wrote nothing.
 */
export class WriteWatch {
  constructor(
    private readonly es: Client,
    /** Index patterns: the host's own indices and the data streams. */
    private readonly indices: string[]
  ) {}

  /**
   * `withApiKeys` false keeps the API-key counts of `previous`: only the connection routes grant
   * or invalidate writer keys, so the others are spared a query per request.
   */
  async count(previous?: WriteCount, withApiKeys = true): Promise<WriteCount> {
    const [stats, keys] = await Promise.all([
      this.es.indices.stats({
        index: this.indices,
        metric: 'indexing',
        expand_wildcards: 'all',
        filter_path: ['_all.total.indexing.index_total', '_all.total.indexing.delete_total'],
      }),
      previous && !withApiKeys ? undefined : this.apiKeys(),
    ]);
    const indexing = stats._all?.total?.indexing;
    return {
      indexed: indexing?.index_total ?? 0,
      deleted: indexing?.delete_total ?? 0,
      apiKeys: keys?.apiKeys ?? previous!.apiKeys,
      invalidatedApiKeys: keys?.invalidatedApiKeys ?? previous!.invalidatedApiKeys,
    };
  }

  private async apiKeys() {
    // The query API lists invalidated keys too, so a key granted and invalidated again counts.
    const keys = await this.es.security.queryApiKeys({
      size: 0,
      query: { term: { 'metadata.managed_by': 'exchange_message_trace' } },
      aggs: { invalidated: { filter: { term: { invalidated: true } } } },
    });
    const invalidated = (keys.aggregations?.invalidated as { doc_count?: number } | undefined)
      ?.doc_count;
    return { apiKeys: keys.total, invalidatedApiKeys: invalidated ?? 0 };
  }
}
