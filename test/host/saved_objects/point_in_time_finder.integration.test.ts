import { Client, errors } from '@elastic/elasticsearch';
import type { SavedObjectsFindResponse } from '@kbn/core/server';
import type { HostedPlugin } from '../host_plugin';
import type { KibanaHost } from '../kibana_host';
import { esUrl, startTestHost } from '../test_support';
import { seedSavedObjects } from './seed_saved_objects';

const ITEM = 'sample-item';
const HIDDEN = 'sample-hidden';
const COUNT = 25;
/** item-00 … item-24, stored under ids in another order so the name sort has work to do. */
const NAMES = Array.from({ length: COUNT }, (_, i) => `item-${String(i).padStart(2, '0')}`);

const itemsPlugin: HostedPlugin = {
  id: 'items',
  configPath: 'items',
  requiredPlugins: [],
  optionalPlugins: [],
  load: async () => ({
    plugin: () => ({
      setup(core: { savedObjects: { registerType(type: object): void } }) {
        const mappings = { dynamic: false, properties: { name: { type: 'keyword' } } };
        core.savedObjects.registerType({
          name: ITEM,
          hidden: false,
          namespaceType: 'agnostic',
          mappings,
        });
        core.savedObjects.registerType({
          name: HIDDEN,
          hidden: true,
          namespaceType: 'agnostic',
          mappings,
        });
      },
      start() {},
    }),
  }),
};

type Page = SavedObjectsFindResponse<{ name: string }>;
const BY_NAME = { type: ITEM, perPage: 10, sortField: 'name', sortOrder: 'asc' } as const;

describe('host saved objects: point-in-time finder and the result window', () => {
  let host: KibanaHost;
  const es = new Client({ node: esUrl() });

  beforeAll(async () => {
    host = await startTestHost({ plugins: [itemsPlugin] });
    await seedSavedObjects(
      es,
      host.savedObjects.index,
      ITEM,
      NAMES.map((name, i) => ({ id: `id-${(i * 7) % COUNT}`, attributes: { name } }))
    );
  });

  afterAll(async () => {
    await host.stop();
    await es.close();
  });

  const client = () => host.savedObjects.repository();

  async function collect(pages: AsyncGenerator<Page>) {
    const collected: Page[] = [];
    for await (const page of pages) collected.push(page);
    return collected;
  }

  /** Elasticsearch's own word on whether a PIT is still open. */
  async function pitIsOpen(id: string) {
    try {
      await es.search({ pit: { id }, size: 0 });
      return true;
    } catch (error) {
      if (error instanceof errors.ResponseError && error.statusCode === 404) return false;
      throw error;
    }
  }

  it('pages through every object in sort order, then closes its PIT', async () => {
    const finder = client().createPointInTimeFinder<{ name: string }>(BY_NAME);
    const pages = await collect(finder.find());
    expect(pages.map((page) => page.saved_objects.length)).toEqual([10, 10, 5]);
    expect(pages.flatMap((page) => page.saved_objects.map((o) => o.attributes.name))).toEqual(
      NAMES
    );
    expect(pages.map((page) => page.total)).toEqual([COUNT, COUNT, COUNT]);
    const pitId = pages[2]!.pit_id!;
    expect(pitId).toEqual(expect.any(String));
    expect(await pitIsOpen(pitId)).toBe(false);
    await finder.close();
  });

  it('does not yield the empty page after an exact multiple of perPage', async () => {
    const finder = client().createPointInTimeFinder<{ name: string }>({ type: ITEM, perPage: 5 });
    const pages = await collect(finder.find());
    // Unsorted, the finder sorts by updated_at (a root field) descending: all 25, each once.
    expect(pages.map((page) => page.saved_objects.length)).toEqual([5, 5, 5, 5, 5]);
    const names = pages.flatMap((page) => page.saved_objects.map((o) => o.attributes.name));
    expect([...names].sort()).toEqual(NAMES);
  });

  it('close() before the last page releases the PIT and ends the pages; find() then starts anew', async () => {
    const finder = client().createPointInTimeFinder<{ name: string }>(BY_NAME);
    const pages = finder.find();
    const first = await pages.next();
    const pitId = (first.value as Page).pit_id!;
    expect(await pitIsOpen(pitId)).toBe(true);
    await finder.close();
    expect(await pitIsOpen(pitId)).toBe(false);
    expect(await pages.next()).toEqual({ done: true, value: undefined });
    expect((await collect(finder.find())).length).toBe(3);
  });

  it('refuses a second find() while its PIT is open, in Kibana words', async () => {
    const finder = client().createPointInTimeFinder({ type: ITEM, perPage: 10 });
    await finder.find().next();
    await expect(finder.find().next()).rejects.toThrow(
      'Point In Time has already been opened for this finder instance. ' +
        'Please call `close()` before calling `find()` again.'
    );
    await finder.close();
  });

  it('treats a type the client may not see as Kibana does: no PIT, an empty find', async () => {
    await expect(client().openPointInTimeForType(HIDDEN)).rejects.toMatchObject({
      output: {
        statusCode: 404,
        payload: { statusCode: 404, error: 'Not Found', message: 'Not Found' },
      },
    });
    expect(await client().find({ type: HIDDEN })).toEqual({
      page: 1,
      per_page: 20,
      total: 0,
      saved_objects: [],
    });
    const finder = client().createPointInTimeFinder<{ name: string }>({ type: HIDDEN });
    expect(await collect(finder.find())).toEqual([]);
  });

  it("closes a PIT once; Elasticsearch's 404 for the second close comes back as Not Found", async () => {
    const { id } = await client().openPointInTimeForType(ITEM);
    expect(await client().closePointInTime(id)).toEqual({ succeeded: true, num_freed: 1 });
    await expect(client().closePointInTime(id)).rejects.toMatchObject({
      output: { statusCode: 404, payload: { message: 'Not Found' } },
    });
  });

  it("passes on Elasticsearch's refusal of from + size beyond the result window, decorated", async () => {
    // The same window asked of Elasticsearch directly: its error is the oracle.
    const refusal = await es
      .search({ index: host.savedObjects.index, from: 10_000, size: 1000 })
      .catch((error: errors.ResponseError) => error);
    expect(refusal).toBeInstanceOf(errors.ResponseError);
    const { message } = refusal as errors.ResponseError;
    expect(message).toContain(
      'Result window is too large, from + size must be less than or equal to: [10000] but was [11000]'
    );
    // Kibana puts ES's top-level reason before the message (decorateBadRequestError).
    const decorated = `all shards failed: ${message}`;
    await expect(client().find({ type: ITEM, page: 11, perPage: 1000 })).rejects.toMatchObject({
      isBoom: true,
      message: decorated,
      meta: { statusCode: 400 },
      output: {
        statusCode: 400,
        payload: { statusCode: 400, error: 'Bad Request', message: decorated },
      },
    });
  });

  it('refuses sorts Kibana refuses', async () => {
    await expect(client().find({ type: ITEM, sortField: 'colour' })).rejects.toMatchObject({
      output: { statusCode: 400, payload: { message: 'Unknown sort field colour' } },
    });
    await expect(client().find({ type: ITEM, sortOrder: 'asc' })).rejects.toMatchObject({
      output: { statusCode: 406, payload: { message: 'sortOrder requires a sortField' } },
    });
  });
});
