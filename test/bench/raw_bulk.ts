import type { Client, estypes } from '@elastic/elasticsearch';

const PAGE = 5000;
const BULK = 1000;

/**
 * The baseline: the collector's final documents, read back page by page and written with plain
 * `_bulk` creates into another data stream. Only the writing is timed.
 */
export async function rawBulkCopy(
  es: Client,
  from: string,
  to: string
): Promise<{ documents: number; seconds: number }> {
  const { id } = await es.openPointInTime({ index: from, keep_alive: '5m' });
  let searchAfter: estypes.SortResults | undefined;
  let documents = 0;
  let writingMs = 0;
  try {
    for (;;) {
      const page = await es.search<Record<string, unknown>>({
        pit: { id, keep_alive: '5m' },
        size: PAGE,
        sort: [{ _shard_doc: 'asc' }],
        ...(searchAfter ? { search_after: searchAfter } : {}),
      });
      const hits = page.hits.hits;
      for (let start = 0; start < hits.length; start += BULK) {
        const operations = hits
          .slice(start, start + BULK)
          .flatMap((hit) => [{ create: { _index: to, _id: hit._id } }, hit._source!]);
        const started = performance.now();
        const result = await es.bulk({ operations, pipeline: '_none' });
        writingMs += performance.now() - started;
        if (result.errors) throw new Error('The raw bulk baseline had item errors');
      }
      documents += hits.length;
      if (hits.length < PAGE) break;
      searchAfter = hits[hits.length - 1]!.sort;
    }
  } finally {
    await es.closePointInTime({ id });
  }
  return { documents, seconds: writingMs / 1000 };
}
