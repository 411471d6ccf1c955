import type { CollectorCheckpoint } from '../../../common/collector_checkpoint';
import type { GraphMessageTrace } from '../../../common/graph/message_trace';
import { DrivenClock } from '../../../test/graph_emulator/clock';
import { BudgetWaitTooLong } from '../budget/request_budget';
import type { MessageTracePage, TimeWindow } from '../graph/graph_client';
import { GraphError } from '../graph/graph_error';
import { collect, type CollectorDeps } from './collect';
import { PageSlots } from './page_slots';
import { DEFAULT_WINDOW_SETTINGS } from './windows';

const HOUR = 3_600_000;
const now = Date.parse('2026-11-24T12:00:00Z');
const settings = { ...DEFAULT_WINDOW_SETTINGS, lookbackMs: 2 * HOUR, rereadMs: 0 };
const row = (id: string): GraphMessageTrace => ({
  id,
  receivedDateTime: '2026-11-24T11:00:00Z',
  recipientAddress: 'a@contoso.com',
  status: 'delivered',
});

/** Two pages per window: the first links to the second. */
function fakeGraph(calls: string[], failures: Array<Error | undefined> = []) {
  return {
    async listMessageTraces(
      from: { window: TimeWindow } | { nextLink: string }
    ): Promise<MessageTracePage> {
      const failure = failures.shift();
      if (failure) throw failure;
      if ('nextLink' in from) {
        calls.push(from.nextLink);
        return { rows: [row('second')], rejected: [{ reason: 'id: expected string', row: '{}' }] };
      }
      calls.push(`window ${from.window.start}-${from.window.end}`);
      return { rows: [row('first')], rejected: [], nextLink: `next-of-${from.window.start}` };
    },
  };
}

function deps(
  graph: CollectorDeps['graph'],
  saved: CollectorCheckpoint[],
  writeRows?: CollectorDeps['writeRows']
): CollectorDeps {
  return {
    graph,
    clock: new DrivenClock(now),
    saveCheckpoint: async (checkpoint) => {
      saved.push(checkpoint);
    },
    writeRows:
      writeRows ?? (async (rows) => ({ created: rows.length, alreadyPresent: 0, failed: [] })),
  };
}

const start: CollectorCheckpoint = {
  backfillStart: now - 2 * HOUR,
  collectedUntil: now - 2 * HOUR,
};

describe('collect', () => {
  it('reads every page of a window, saving the checkpoint after each stored page, until caught up', async () => {
    const calls: string[] = [];
    const saved: CollectorCheckpoint[] = [];
    const { checkpoint, summary } = await collect(deps(fakeGraph(calls), saved), start, settings);
    expect(calls).toEqual([`window ${now - 2 * HOUR}-${now}`, `next-of-${now - 2 * HOUR}`]);
    expect(saved[0]!.pass?.nextLink).toBe(`next-of-${now - 2 * HOUR}`);
    expect(saved[1]).toEqual({ backfillStart: start.backfillStart, collectedUntil: now });
    expect(checkpoint).toEqual(saved[1]);
    expect(summary).toMatchObject({
      pages: 2,
      rowsRead: 3,
      documentsCreated: 2,
      rowsRejected: 1,
      windowsCompleted: 1,
      caughtUp: true,
    });
  });

  it('does not move the checkpoint past a page Elasticsearch did not take', async () => {
    const saved: CollectorCheckpoint[] = [];
    const failing = deps(fakeGraph([]), saved, async () => {
      throw new Error('bulk rejected');
    });
    await expect(collect(failing, start, settings)).rejects.toThrow('bulk rejected');
    expect(saved).toEqual([]);
  });

  it('reads the window again from its start when Graph refuses a stale next link', async () => {
    const calls: string[] = [];
    const midWindow = {
      ...start,
      pass: { kind: 'collect' as const, start: now - 2 * HOUR, end: now - HOUR, nextLink: 'stale' },
    };
    const graph = fakeGraph(calls, [new GraphError('badRequest', 'skiptoken expired')]);
    const { checkpoint } = await collect(deps(graph, []), midWindow, settings);
    expect(calls[0]).toBe(`window ${now - 2 * HOUR}-${now - HOUR}`);
    expect(checkpoint.collectedUntil).toBe(now);
  });

  it('stops for the budget and says when it frees, keeping what it read', async () => {
    const saved: CollectorCheckpoint[] = [];
    const graph = fakeGraph([], [undefined, new BudgetWaitTooLong(now + 60_000)]);
    const { checkpoint, summary } = await collect(deps(graph, saved), start, settings);
    expect(summary).toMatchObject({ pages: 1, caughtUp: false, budgetAvailableAt: now + 60_000 });
    expect(checkpoint.pass?.nextLink).toBeDefined();
  });

  it('stores nothing once collection is no longer wanted, keeping the pages stored before', async () => {
    const calls: string[] = [];
    const saved: CollectorCheckpoint[] = [];
    const written: string[] = [];
    const answers = [true, false];
    const { checkpoint, summary } = await collect(
      deps(fakeGraph(calls), saved, async (rows) => {
        written.push(...rows.map((r) => r.id));
        return { created: rows.length, alreadyPresent: 0, failed: [] };
      }),
      start,
      settings,
      { stillWanted: async () => answers.shift()! }
    );
    expect(calls).toEqual([`window ${now - 2 * HOUR}-${now}`, `next-of-${now - 2 * HOUR}`]);
    expect(written).toEqual(['first']);
    expect(saved).toEqual([
      {
        ...start,
        pass: {
          kind: 'collect',
          start: now - 2 * HOUR,
          end: now,
          nextLink: `next-of-${now - 2 * HOUR}`,
        },
      },
    ]);
    expect(checkpoint).toEqual(saved[0]);
    expect(summary).toMatchObject({ pages: 1, documentsCreated: 1, caughtUp: false });
  });

  it('asks Graph for the next page while the current one is stored', async () => {
    const calls: string[] = [];
    const requestedWhileWriting: string[][] = [];
    const saved: CollectorCheckpoint[] = [];
    const { summary } = await collect(
      deps(fakeGraph(calls), saved, async (rows) => {
        requestedWhileWriting.push([...calls]);
        return { created: rows.length, alreadyPresent: 0, failed: [] };
      }),
      start,
      settings
    );
    const window = `window ${now - 2 * HOUR}-${now}`;
    const next = `next-of-${now - 2 * HOUR}`;
    expect(requestedWhileWriting).toEqual([
      [window, next],
      [window, next],
    ]);
    expect(calls).toEqual([window, next]);
    // The checkpoint still names the next page only once this one is stored.
    expect(saved.map((checkpoint) => checkpoint.pass?.nextLink)).toEqual([next, undefined]);
    expect(summary).toMatchObject({ pages: 2, caughtUp: true });
  });

  it('cancels the page read ahead when the run ends before it, and waits for it to end', async () => {
    const clock = new DrivenClock(now);
    const events: string[] = [];
    const graph: CollectorDeps['graph'] = {
      async listMessageTraces(from, signal) {
        if (!('nextLink' in from)) {
          return { rows: [row('first')], rejected: [], nextLink: 'next' };
        }
        events.push('next page requested');
        return new Promise((_, reject) =>
          signal!.addEventListener('abort', () => {
            events.push('next page cancelled');
            reject(new Error('aborted'));
          })
        );
      },
    };
    const { checkpoint, summary } = await collect(
      {
        graph,
        clock,
        saveCheckpoint: async () => undefined,
        writeRows: async (rows) => {
          // Storing the page takes the run past its deadline.
          clock.advance(10 * 60_000);
          return { created: rows.length, alreadyPresent: 0, failed: [] };
        },
      },
      start,
      settings,
      { deadline: now + 60_000 }
    );
    expect(events).toEqual(['next page requested', 'next page cancelled']);
    expect(checkpoint.pass?.nextLink).toBe('next');
    expect(summary).toMatchObject({ pages: 1, caughtUp: false });
  });

  it('lets errors that need a person through, with the checkpoint as it was', async () => {
    const graph = fakeGraph(
      [],
      [new GraphError('forbidden', 'ExchangeMessageTrace.Read.All not granted')]
    );
    await expect(collect(deps(graph, []), start, settings)).rejects.toMatchObject({
      kind: 'forbidden',
    });
  });

  it('holds pages only with a slot, and reads ahead only while no one waits for one', async () => {
    const slots = new PageSlots(1);
    const events: string[] = [];
    let pagesHeld = 0;
    let mostPagesHeld = 0;
    const tenant = (name: string) => {
      const calls: string[] = [];
      const graph = fakeGraph(calls);
      return collect(
        {
          ...deps(
            {
              async listMessageTraces(from) {
                pagesHeld += 1;
                mostPagesHeld = Math.max(mostPagesHeld, pagesHeld);
                events.push(`${name} requests ${'nextLink' in from ? 'next' : 'window'}`);
                return graph.listMessageTraces(from);
              },
            },
            []
          ),
          writeRows: async (rows) => {
            events.push(`${name} stores`);
            pagesHeld -= 1;
            return { created: rows.length, alreadyPresent: 0, failed: [] };
          },
        },
        start,
        settings,
        { pageSlots: slots }
      );
    };
    const [a, b] = await Promise.all([tenant('a'), tenant('b')]);
    expect(events).toEqual([
      'a requests window',
      'a stores',
      'b requests window',
      'b stores',
      'a requests next',
      'a stores',
      'b requests next',
      'b stores',
    ]);
    expect(mostPagesHeld).toBe(1);
    expect([a.summary.caughtUp, b.summary.caughtUp]).toEqual([true, true]);
    // Both handed their slot back: the next caller gets it without waiting.
    await expect(slots.acquire(AbortSignal.timeout(1000))).resolves.toBeDefined();
  });

  it('keeps reading ahead with a slot no one else wants', async () => {
    const slots = new PageSlots(1);
    const calls: string[] = [];
    const requestedWhileWriting: number[] = [];
    await collect(
      deps(fakeGraph(calls), [], async (rows) => {
        requestedWhileWriting.push(calls.length);
        return { created: rows.length, alreadyPresent: 0, failed: [] };
      }),
      start,
      settings,
      { pageSlots: slots }
    );
    expect(requestedWhileWriting).toEqual([2, 2]);
    // Handed back at the end: the next caller gets it without waiting.
    await expect(slots.acquire(AbortSignal.timeout(1000))).resolves.toBeDefined();
  });

  it('stops waiting for a slot when its signal aborts, having requested nothing', async () => {
    const slots = new PageSlots(1);
    const held = await slots.acquire();
    const calls: string[] = [];
    const stopping = new AbortController();
    const run = collect(deps(fakeGraph(calls), []), start, settings, {
      pageSlots: slots,
      signal: stopping.signal,
    });
    stopping.abort(new Error('The service is stopping'));
    await expect(run).rejects.toThrow('The service is stopping');
    expect(calls).toEqual([]);
    expect(slots.waiting).toBe(0);
    held.release();
  });
});
