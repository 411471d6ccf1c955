import { makeAndWriteDocuments, writeDocuments, type WriterClient } from './bulk_writer';
import { DrivenClock } from '../../../test/graph_emulator/clock';
import { abortableSleep, backoffDelay } from './retry';

type Item = { status: number; error?: { type: string; reason: string } };
type BulkCall = {
  operations: Array<Record<string, unknown>>;
  pipeline?: string;
  refresh?: unknown;
};

/** A stand-in client: `existing` ids are found by the look-up, `answer` decides each bulk item. */
function fakeClient(options: {
  existing?: string[];
  answer?: (id: string, attempt: number) => Item;
  bulkError?: (attempt: number) => unknown;
  searchError?: (attempt: number) => unknown;
}) {
  const bulkCalls: BulkCall[] = [];
  let searches = 0;
  const client = {
    transport: {},
    search: jest.fn(
      async (
        params: { query: { ids: { values: string[] } } },
        _options?: { signal?: AbortSignal }
      ) => {
        searches += 1;
        const error = options.searchError?.(searches);
        if (error) throw error;
        const hits = params.query.ids.values
          .filter((id) => options.existing?.includes(id))
          .map((id) => ({ _id: id }));
        return { hits: { hits } };
      }
    ),
    bulk: jest.fn(async (params: BulkCall, _options?: object) => {
      bulkCalls.push(params);
      const error = options.bulkError?.(bulkCalls.length);
      if (error) throw error;
      const ids = params.operations
        .filter((_, index) => index % 2 === 0)
        .map((op) => (op.create as { _id: string })._id);
      const items = ids.map((id) => ({
        create: { _id: id, ...(options.answer?.(id, bulkCalls.length) ?? { status: 201 }) },
      }));
      return { errors: items.some((item) => item.create.status > 299), items };
    }),
  };
  return { client: client as unknown as WriterClient, bulkCalls, raw: client };
}

const docs = ['a', 'b', 'c', 'd'].map((id) => ({ _id: id, document: { id } }));
const noSleep = jest.fn(async () => undefined);

function responseError(statusCode: number) {
  return Object.assign(new Error(`status ${statusCode}`), {
    name: 'ResponseError',
    meta: { statusCode, body: { error: { type: 'x_exception', reason: `status ${statusCode}` } } },
  });
}

beforeEach(() => noSleep.mockClear());

describe('writeDocuments', () => {
  it('skips ids already in the data stream and creates the rest without pipeline or refresh', async () => {
    const { client, bulkCalls } = fakeClient({ existing: ['b'] });
    const result = await writeDocuments(client, 'logs-x-default', docs, { sleep: noSleep });
    expect(result).toEqual({ created: 3, alreadyPresent: 1, failed: [] });
    expect(bulkCalls).toHaveLength(1);
    expect(bulkCalls[0]?.pipeline).toBe('_none');
    expect(bulkCalls[0]?.refresh).toBe(false);
    expect(bulkCalls[0]?.operations[0]).toEqual({ create: { _id: 'a' } });
  });

  it('counts a 409 and a duplicate within the call as already present', async () => {
    const { client } = fakeClient({
      answer: (id) =>
        id === 'c'
          ? { status: 409, error: { type: 'version_conflict_engine_exception', reason: '' } }
          : { status: 201 },
    });
    const result = await writeDocuments(client, 'ds', [...docs, docs[0]!], { sleep: noSleep });
    expect(result).toEqual({ created: 3, alreadyPresent: 2, failed: [] });
  });

  it('retries only the 429/5xx/rejected items, with backoff, and reports 4xx at once', async () => {
    const { client, bulkCalls } = fakeClient({
      answer: (id, attempt) => {
        if (id === 'a' && attempt === 1)
          return {
            status: 429,
            error: { type: 'es_rejected_execution_exception', reason: 'queue full' },
          };
        if (id === 'b' && attempt < 3)
          return {
            status: 503,
            error: { type: 'unavailable_shards_exception', reason: 'no shard' },
          };
        if (id === 'c')
          return { status: 400, error: { type: 'document_parsing_exception', reason: 'bad ip' } };
        return { status: 201 };
      },
    });
    const result = await writeDocuments(client, 'ds', docs, { sleep: noSleep });
    expect(result.created).toBe(3);
    expect(result.failed).toEqual([
      { _id: 'c', status: 400, reason: 'document_parsing_exception: bad ip' },
    ]);
    expect(bulkCalls.map((call) => call.operations.length / 2)).toEqual([4, 2, 1]);
    expect(noSleep).toHaveBeenCalledTimes(2);
  });

  it('stamps event.ingested with the time of the attempt that creates each document, on a copy', async () => {
    const { client, bulkCalls } = fakeClient({
      existing: ['b'],
      answer: (id, attempt) =>
        id === 'c' && attempt === 1
          ? { status: 429, error: { type: 'es_rejected_execution_exception', reason: 'busy' } }
          : { status: 201 },
    });
    let now = Date.parse('2026-12-02T06:00:00.000Z');
    const stored = ['a', 'b', 'c'].map((id) => ({
      _id: id,
      document: { event: { action: 'delivered' }, id },
    }));
    const result = await writeDocuments(client, 'ds', stored, {
      now: () => now,
      sleep: async () => {
        now += 90_000;
      },
    });
    expect(result).toEqual({ created: 2, alreadyPresent: 1, failed: [] });
    // 'b' is already stored: never sent again, so its own event.ingested stays as it is.
    expect(bulkCalls.map((call) => call.operations)).toEqual([
      [
        { create: { _id: 'a' } },
        { event: { action: 'delivered', ingested: '2026-12-02T06:00:00.000Z' }, id: 'a' },
        { create: { _id: 'c' } },
        { event: { action: 'delivered', ingested: '2026-12-02T06:00:00.000Z' }, id: 'c' },
      ],
      [
        { create: { _id: 'c' } },
        { event: { action: 'delivered', ingested: '2026-12-02T06:01:30.000Z' }, id: 'c' },
      ],
    ]);
    expect(stored[0]?.document).toEqual({ event: { action: 'delivered' }, id: 'a' });
  });

  it('reports what still fails after the last attempt', async () => {
    const { client, bulkCalls } = fakeClient({
      answer: (id) =>
        id === 'd'
          ? { status: 429, error: { type: 'es_rejected_execution_exception', reason: 'busy' } }
          : { status: 201 },
    });
    const result = await writeDocuments(client, 'ds', docs, { sleep: noSleep, maxAttempts: 3 });
    expect(result.failed).toEqual([
      { _id: 'd', status: 429, reason: 'es_rejected_execution_exception: busy' },
    ]);
    expect(bulkCalls).toHaveLength(3);
  });

  it('retries whole-request failures (network, 429, 5xx) but not other 4xx', async () => {
    const network = Object.assign(new Error('socket hang up'), { name: 'ConnectionError' });
    const flaky = fakeClient({
      bulkError: (attempt) =>
        attempt === 1 ? network : attempt === 2 ? responseError(502) : undefined,
    });
    expect(await writeDocuments(flaky.client, 'ds', docs, { sleep: noSleep })).toEqual({
      created: 4,
      alreadyPresent: 0,
      failed: [],
    });
    const forbidden = fakeClient({ bulkError: () => responseError(403) });
    const result = await writeDocuments(forbidden.client, 'ds', docs, { sleep: noSleep });
    expect(forbidden.bulkCalls).toHaveLength(1);
    expect(result.failed).toHaveLength(4);
    expect(result.failed[0]).toEqual({ _id: 'a', status: 403, reason: 'x_exception: status 403' });
  });

  it('fails the page rather than writing blind when the look-up fails', async () => {
    const { client, bulkCalls } = fakeClient({ searchError: () => responseError(500) });
    const result = await writeDocuments(client, 'ds', docs, { sleep: noSleep, maxAttempts: 2 });
    expect(bulkCalls).toHaveLength(0);
    expect(result.failed.map((failure) => failure.status)).toEqual([500, 500, 500, 500]);
  });

  it('fails the page when its credentials may not search, rather than risk a second copy', async () => {
    const { client, bulkCalls } = fakeClient({ searchError: () => responseError(403) });
    const result = await writeDocuments(client, 'ds', docs, { sleep: noSleep });
    expect(bulkCalls).toHaveLength(0);
    expect(result.created).toBe(0);
    expect(result.failed.map((failure) => failure.status)).toEqual([403, 403, 403, 403]);
  });

  it('passes the signal, disables transport retries, and rejects on abort during a backoff', async () => {
    const controller = new AbortController();
    const { client, raw } = fakeClient({
      answer: () => ({
        status: 429,
        error: { type: 'es_rejected_execution_exception', reason: 'busy' },
      }),
    });
    // A backoff that only the signal can end, as abortableSleep's does: the clock never moves.
    const clock = new DrivenClock(0);
    let backingOff!: () => void;
    const firstBackoff = new Promise<void>((resolve) => (backingOff = resolve));
    const sleep = jest.fn((ms: number, signal?: AbortSignal) => {
      const sleeping = clock.sleep(ms, signal);
      backingOff();
      return sleeping;
    });
    const pending = writeDocuments(client, 'ds', docs, {
      signal: controller.signal,
      sleep,
      baseDelayMs: 60_000,
    });
    await firstBackoff;
    // The first backoff: 60 s doubled 0 times, capped at the default 30 s, with equal jitter.
    expect(sleep).toHaveBeenCalledTimes(1);
    const [delay, signal] = sleep.mock.calls[0]!;
    expect(delay).toBeGreaterThanOrEqual(15_000);
    expect(delay).toBeLessThanOrEqual(30_000);
    expect(signal).toBe(controller.signal);

    controller.abort(new Error('task cancelled'));
    await expect(pending).rejects.toThrow('task cancelled');
    // Rejected within the backoff, before any time passed and before a second attempt.
    expect(clock.now()).toBe(0);
    expect(raw.bulk).toHaveBeenCalledTimes(1);
    expect(raw.bulk.mock.calls[0]?.[1]).toEqual({ signal: controller.signal, maxRetries: 0 });
    await expect(writeDocuments(client, 'ds', docs, { signal: controller.signal })).rejects.toThrow(
      'task cancelled'
    );
    expect(raw.bulk).toHaveBeenCalledTimes(1);
  });

  it('splits large writes into chunks', async () => {
    const { client, bulkCalls } = fakeClient({});
    const many = Array.from({ length: 25 }, (_, index) => ({ _id: `id${index}`, document: {} }));
    expect((await writeDocuments(client, 'ds', many, { chunkSize: 10 })).created).toBe(25);
    expect(bulkCalls.map((call) => call.operations.length / 2)).toEqual([10, 10, 5]);
  });

  /** A client whose look-ups and bulks say when they happen; bulks answer a turn later. */
  function timelineClient() {
    const { client, raw } = fakeClient({ existing: ['c'] });
    const events: string[] = [];
    const idsOf = (operations: Array<Record<string, unknown>>) =>
      operations
        .filter((_, index) => index % 2 === 0)
        .map((op) => (op.create as { _id: string })._id)
        .join(',');
    const search = raw.search.getMockImplementation()!;
    raw.search.mockImplementation(async (params) => {
      events.push(`search ${params.query.ids.values.join(',')}`);
      return search(params);
    });
    const bulk = raw.bulk.getMockImplementation()!;
    raw.bulk.mockImplementation(async (params, options) => {
      events.push(`bulk ${idsOf(params.operations)} sent`);
      const response = await bulk(params, options);
      // The answer comes a turn of the event loop later, as from the network.
      await new Promise((resolve) => setImmediate(resolve));
      events.push(`bulk ${idsOf(params.operations)} answered`);
      return response;
    });
    return { client, events };
  }

  it('looks up the next chunk while this one is written, each chunk written after its own look-up', async () => {
    const { client, events } = timelineClient();
    const result = await writeDocuments(client, 'ds', docs, { chunkSize: 2, sleep: noSleep });
    expect(result).toEqual({ created: 3, alreadyPresent: 1, failed: [] });
    expect(events).toEqual([
      'search a,b',
      'search c,d',
      'bulk a,b sent',
      'bulk a,b answered',
      'bulk d sent',
      'bulk d answered',
    ]);
  });

  it('makes the next chunk’s documents once this chunk’s bulk is out, never a whole page at once', async () => {
    const { client, events } = timelineClient();
    const toMake = docs.map((entry) => ({
      _id: entry._id,
      make: () => {
        events.push(`make ${entry._id}`);
        return entry.document;
      },
    }));
    const result = await makeAndWriteDocuments(client, 'ds', toMake, { chunkSize: 2 });
    expect(result).toEqual({ created: 3, alreadyPresent: 1, failed: [] });
    expect(events).toEqual([
      'search a,b',
      'make a',
      'make b',
      'search c,d',
      'bulk a,b sent',
      'make c',
      'make d',
      'bulk a,b answered',
      'bulk d sent',
      'bulk d answered',
    ]);
  });

  it('rejects on abort during a bulk while the next look-up is out, leaving nothing unhandled', async () => {
    const controller = new AbortController();
    const { client, raw } = fakeClient({});
    const search = raw.search.getMockImplementation()!;
    raw.search.mockImplementation(async (params, options) => {
      await new Promise((resolve) => setImmediate(resolve));
      // As the real client does once its signal aborts.
      if (options?.signal?.aborted) throw new Error('Request aborted');
      return search(params);
    });
    const bulk = raw.bulk.getMockImplementation()!;
    raw.bulk.mockImplementation(async (params, options) => {
      controller.abort(new Error('task cancelled'));
      return bulk(params, options);
    });
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      await expect(
        writeDocuments(client, 'ds', docs, { chunkSize: 2, signal: controller.signal })
      ).rejects.toThrow('task cancelled');
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).not.toHaveBeenCalled();
      expect(raw.bulk).toHaveBeenCalledTimes(1);
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});

describe('abortableSleep', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('resolves once its time has passed', async () => {
    let done = false;
    const sleeping = abortableSleep(1000).then(() => (done = true));
    await jest.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await sleeping;
    expect(done).toBe(true);
  });

  it("rejects with the signal's reason as soon as it aborts, and clears its timer", async () => {
    const controller = new AbortController();
    const sleeping = abortableSleep(60_000, controller.signal);
    const reason = new Error('task cancelled');
    controller.abort(reason);
    await expect(sleeping).rejects.toBe(reason);
    expect(jest.getTimerCount()).toBe(0);
    await expect(abortableSleep(1000, controller.signal)).rejects.toBe(reason);
  });
});

describe('backoffDelay', () => {
  it('doubles per attempt within [step/2, step], capped', () => {
    const options = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(1, { ...options, random: () => 0 })).toBe(50);
    expect(backoffDelay(3, { ...options, random: () => 1 })).toBe(400);
    expect(backoffDelay(10, { ...options, random: () => 1 })).toBe(1000);
  });
});
