import type {
  SavedObject,
  SavedObjectsClientContract,
  SavedObjectsCreatePointInTimeFinderOptions,
} from '@kbn/core/server';

/** One `find` page: what the settings page and the views usually need, in one request. */
export const FIRST_PAGE_SIZE = 1000;

/**
 * Every saved object a search finds. One `find` when they fit a page; otherwise a point-in-time
 * finder, because `find` pages with from/size, which Elasticsearch refuses beyond its
 * 10,000-hit result window (a finder costs three requests: open, search, close).
 */
export async function findAllSavedObjects<T>(
  client: Pick<SavedObjectsClientContract, 'find' | 'createPointInTimeFinder'>,
  options: SavedObjectsCreatePointInTimeFinderOptions
): Promise<Array<SavedObject<T>>> {
  const first = await client.find<T>({ ...options, perPage: FIRST_PAGE_SIZE, page: 1 });
  if (first.saved_objects.length >= first.total) return first.saved_objects;
  const finder = client.createPointInTimeFinder<T>(options);
  const found: Array<SavedObject<T>> = [];
  try {
    for await (const page of finder.find()) found.push(...page.saved_objects);
  } finally {
    await finder.close();
  }
  return found;
}
