import type { estypes } from '@elastic/elasticsearch';
import type {
  ISavedObjectsPointInTimeFinder,
  SavedObjectsCreatePointInTimeFinderOptions,
  SavedObjectsFindOptions,
  SavedObjectsFindResponse,
  SavedObjectsPointInTimeFinderClient,
} from '@kbn/core/server';

const statusOf = (error: unknown) =>
  (error as { output?: { statusCode?: number } }).output?.statusCode;

/**
 * Kibana's PointInTimeFinder (api-server-internal/src/lib/point_in_time_finder.ts @ 208877d5),
 * without its logging: 1000 a page unless told; opens a PIT for the types (a 404, such as no
 * allowed type, is swallowed as `find` swallows it, leaving one ordinary page), then pages with
 * search_after, bumping keepAlive by 2m each time; a page shorter than perPage closes the PIT, a
 * failed page closes it and rethrows; empty pages are not yielded.
 */
export class PointInTimeFinder<T = unknown, A = unknown>
  implements ISavedObjectsPointInTimeFinder<T, A>
{
  readonly #client: SavedObjectsPointInTimeFinderClient;
  readonly #findOptions: SavedObjectsFindOptions;
  #open = false;
  #pitId: string | undefined;

  constructor(
    findOptions: SavedObjectsCreatePointInTimeFinderOptions,
    { client }: { client: SavedObjectsPointInTimeFinderClient }
  ) {
    this.#client = client;
    this.#findOptions = { perPage: 1000, ...findOptions };
  }

  async *find(): AsyncGenerator<SavedObjectsFindResponse<T, A>> {
    if (this.#open) {
      throw new Error(
        'Point In Time has already been opened for this finder instance. ' +
          'Please call `close()` before calling `find()` again.'
      );
    }
    await this.open();
    const perPage = this.#findOptions.perPage!;
    let count: number;
    let searchAfter: estypes.SortResults | undefined;
    do {
      const results = await this.findNext(searchAfter);
      this.#pitId = results.pit_id;
      count = results.saved_objects.length;
      searchAfter = results.saved_objects[count - 1]?.sort;
      if (this.#pitId && count < perPage) await this.close();
      if (count > 0) yield results;
    } while (this.#open && count >= perPage);
  }

  async close() {
    if (this.#pitId) {
      await this.#client.closePointInTime(this.#pitId);
      this.#pitId = undefined;
    }
    this.#open = false;
  }

  private async open() {
    try {
      const { id } = await this.#client.openPointInTimeForType(this.#findOptions.type, {
        namespaces: this.#findOptions.namespaces,
      });
      this.#pitId = id;
      this.#open = true;
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }

  private async findNext(searchAfter: estypes.SortResults | undefined) {
    const id = this.#pitId;
    try {
      return await this.#client.find<T, A>({
        ...this.#findOptions,
        sortField: this.#findOptions.sortField ?? 'updated_at',
        sortOrder: this.#findOptions.sortOrder ?? 'desc',
        pit: id ? { id, keepAlive: '2m' } : undefined,
        searchAfter,
      });
    } catch (error) {
      if (id) await this.close();
      throw error;
    }
  }
}
