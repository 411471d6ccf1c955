import type {
  SavedObject,
  SavedObjectsClientContract,
  SavedObjectsCreatePointInTimeFinderOptions,
} from '@kbn/core/server';

/**
 * Every saved object a search finds, through a point-in-time finder: `find` pages with from/size,
 * which Elasticsearch refuses beyond its 10,000-hit result window.
 */
export async function findAllSavedObjects<T>(
  client: Pick<SavedObjectsClientContract, 'createPointInTimeFinder'>,
  options: SavedObjectsCreatePointInTimeFinderOptions
): Promise<Array<SavedObject<T>>> {
  const finder = client.createPointInTimeFinder<T>(options);
  const found: Array<SavedObject<T>> = [];
  try {
    for await (const page of finder.find()) found.push(...page.saved_objects);
  } finally {
    await finder.close();
  }
  return found;
}
