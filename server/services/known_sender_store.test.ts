import type { KibanaRequest, SavedObjectsCreatePointInTimeFinderOptions } from '@kbn/core/server';
import { KNOWN_SENDER_SAVED_OBJECT_TYPE } from '../saved_objects/known_sender_type';
import { KnownSenderStore } from './known_sender_store';

const request = {} as KibanaRequest;
const page = (...senders: string[]) => ({
  saved_objects: senders.map((sender) => ({ attributes: { sender, markedAt: 'then' } })),
});

/** A scoped client whose finder serves `pages`, then fails if `failure` is given. */
function storeServing(pages: Array<ReturnType<typeof page>>, failure?: Error) {
  const calls = { clientOptions: [] as unknown[], finderOptions: [] as unknown[], closed: 0 };
  const client = {
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
  });
  return { store, calls };
}

describe('KnownSenderStore.list', () => {
  it("collects every page of the finder, sorted by sender, through the user's client", async () => {
    const { store, calls } = storeServing([
      page('a@x.example', 'b@x.example'),
      page('c@x.example'),
    ]);
    expect((await store.list(request)).map((known) => known.sender)).toEqual([
      'a@x.example',
      'b@x.example',
      'c@x.example',
    ]);
    expect(calls.clientOptions).toEqual([
      { includedHiddenTypes: [KNOWN_SENDER_SAVED_OBJECT_TYPE] },
    ]);
    expect(calls.finderOptions).toEqual([
      { type: KNOWN_SENDER_SAVED_OBJECT_TYPE, sortField: 'sender', sortOrder: 'asc' },
    ]);
    expect(calls.closed).toBe(1);
  });

  it('closes the finder when a page fails, and passes the failure on', async () => {
    const failure = new Error('search_context_missing_exception');
    const { store, calls } = storeServing([page('a@x.example')], failure);
    await expect(store.list(request)).rejects.toBe(failure);
    expect(calls.closed).toBe(1);
  });
});
