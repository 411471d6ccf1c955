import type { KibanaRequest, SavedObjectsCreatePointInTimeFinderOptions } from '@kbn/core/server';
import { KNOWN_SENDER_SAVED_OBJECT_TYPE } from '../saved_objects/known_sender_type';
import { FIRST_PAGE_SIZE } from './find_all_saved_objects';
import { KnownSenderStore } from './known_sender_store';

const request = {} as KibanaRequest;
const page = (...senders: string[]) => ({
  saved_objects: senders.map((sender) => ({ attributes: { sender, markedAt: 'then' } })),
});

/**
 * A scoped client: `find` answers its first page with `total`; the finder serves `pages`, then
 * fails if `failure` is given.
 */
function storeServing(
  first: { senders: string[]; total: number },
  pages: Array<ReturnType<typeof page>> = [],
  failure?: Error
) {
  const calls = {
    clientOptions: [] as unknown[],
    findOptions: [] as unknown[],
    finderOptions: [] as unknown[],
    closed: 0,
  };
  const client = {
    async find(options: unknown) {
      calls.findOptions.push(options);
      return { ...page(...first.senders), total: first.total };
    },
    createPointInTimeFinder(options: SavedObjectsCreatePointInTimeFinderOptions) {
      calls.finderOptions.push(options);
      return {
        async *find() {
          yield* pages;
          if (failure) throw failure;
        },
        close: async () => void calls.closed++,
      };
    },
  };
  const store = new KnownSenderStore({
    getScopedClient: (_request, options) => {
      calls.clientOptions.push(options);
      return client as never;
    },
    createInternalRepository: () => client as never,
  });
  return { store, calls };
}

const sortedBySender = {
  type: KNOWN_SENDER_SAVED_OBJECT_TYPE,
  sortField: 'sender',
  sortOrder: 'asc',
};

describe('KnownSenderStore.list', () => {
  it("answers from one find when everything fits a page, through the user's client", async () => {
    const { store, calls } = storeServing({ senders: ['a@x.example', 'b@x.example'], total: 2 });
    expect((await store.list(request)).map((known) => known.sender)).toEqual([
      'a@x.example',
      'b@x.example',
    ]);
    expect(calls.clientOptions).toEqual([
      { includedHiddenTypes: [KNOWN_SENDER_SAVED_OBJECT_TYPE] },
    ]);
    expect(calls.findOptions).toEqual([{ ...sortedBySender, perPage: FIRST_PAGE_SIZE, page: 1 }]);
    expect(calls.finderOptions).toEqual([]);
  });

  it('reads every page through a point-in-time finder when there are more, and closes it', async () => {
    const { store, calls } = storeServing({ senders: ['a@x.example'], total: 3 }, [
      page('a@x.example', 'b@x.example'),
      page('c@x.example'),
    ]);
    expect((await store.list(request)).map((known) => known.sender)).toEqual([
      'a@x.example',
      'b@x.example',
      'c@x.example',
    ]);
    expect(calls.finderOptions).toEqual([sortedBySender]);
    expect(calls.closed).toBe(1);
  });

  it('closes the finder when a page fails, and passes the failure on', async () => {
    const failure = new Error('search_context_missing_exception');
    const { store, calls } = storeServing(
      { senders: ['a@x.example'], total: 2 },
      [page('a@x.example')],
      failure
    );
    await expect(store.list(request)).rejects.toBe(failure);
    expect(calls.closed).toBe(1);
  });
});
