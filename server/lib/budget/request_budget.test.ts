import { DrivenClock } from '../../../test/graph_emulator/clock';
import { busiestWindow } from '../../../test/graph_emulator/request_log';
import { inMemoryBudgetStore } from './in_memory_budget_store';
import { BudgetWaitTooLong, RequestBudget } from './request_budget';

const start = Date.parse('2026-11-24T00:00:00Z');
const WINDOW = 5 * 60_000;
const ARRIVAL_MARGIN = 1000;

describe('RequestBudget', () => {
  it('admits up to the limit per rolling window, then waits for the oldest request to leave it', async () => {
    const clock = new DrivenClock(start, { autoAdvance: true });
    const budget = new RequestBudget(inMemoryBudgetStore(), clock, 3);
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      await budget.acquire();
      times.push(clock.now() - start);
      if (i === 0) clock.advance(10_000);
    }
    // Request k + 3 goes out the moment request k leaves the window (with the arrival margin).
    const slot = WINDOW + ARRIVAL_MARGIN;
    expect(times).toEqual([0, 10_000, 10_000, slot, 10_000 + slot, 10_000 + slot, 2 * slot]);
    expect(busiestWindow(times, WINDOW)).toBe(3);
  });

  it('survives a restart: a new budget over the same store knows the earlier requests', async () => {
    const clock = new DrivenClock(start);
    const store = inMemoryBudgetStore();
    const first = new RequestBudget(store, clock, 2);
    await first.acquire();
    await first.acquire();
    const restarted = new RequestBudget(store, clock, 2);
    expect(await restarted.used()).toBe(2);
    await expect(restarted.acquire(undefined, 60_000)).rejects.toBeInstanceOf(BudgetWaitTooLong);
    const error = await restarted.acquire(undefined, 0).catch((e: BudgetWaitTooLong) => e);
    expect((error as BudgetWaitTooLong).availableAt).toBe(start + WINDOW + ARRIVAL_MARGIN);
  });

  it('refuses a budget above Microsoft limit of 100 per 5 minutes', () => {
    expect(() => new RequestBudget(inMemoryBudgetStore(), new DrivenClock(start), 101)).toThrow(
      'between 1 and 100'
    );
  });

  it('serves concurrent callers one at a time, never overrunning', async () => {
    const clock = new DrivenClock(start, { autoAdvance: true });
    const store = inMemoryBudgetStore();
    const budget = new RequestBudget(store, clock, 5);
    const admitted: number[] = [];
    await Promise.all(
      Array.from({ length: 12 }, () => budget.acquire().then(() => admitted.push(clock.now())))
    );
    expect(busiestWindow(admitted, WINDOW)).toBe(5);
    // One taker in this process: its queue leaves nobody to conflict with.
    expect(store.conflicts).toBe(0);
  });

  describe('shared by two Kibana nodes (two budgets over one store)', () => {
    it('admits the limit in total, not per node: the loser of a race re-reads and is refused', async () => {
      const clock = new DrivenClock(start);
      const store = inMemoryBudgetStore();
      const nodeA = new RequestBudget(store, clock, 4);
      const nodeB = new RequestBudget(store, clock, 4);
      const outcomes = await Promise.all(
        Array.from({ length: 5 }, () => [nodeA, nodeB])
          .flat()
          .map((budget) =>
            budget.acquire(undefined, 0).then(
              () => 'admitted',
              (error: unknown) => (error instanceof BudgetWaitTooLong ? 'refused' : error)
            )
          )
      );
      expect(outcomes.filter((o) => o === 'admitted')).toHaveLength(4);
      expect(outcomes.filter((o) => o === 'refused')).toHaveLength(6);
      expect(store.times).toEqual([start, start, start, start]);
      // The nodes read the same copy and raced to save over it.
      expect(store.conflicts).toBeGreaterThan(0);
      expect(await nodeA.used()).toBe(4);
      expect(await nodeB.used()).toBe(4);
    });

    it('sees the other node’s requests made after its own last take', async () => {
      const clock = new DrivenClock(start);
      const store = inMemoryBudgetStore();
      const nodeA = new RequestBudget(store, clock, 3);
      const nodeB = new RequestBudget(store, clock, 3);
      await nodeA.acquire(undefined, 0);
      clock.advance(1000);
      await nodeB.acquire(undefined, 0);
      await nodeB.acquire(undefined, 0);
      const refused = await nodeA.acquire(undefined, 0).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(BudgetWaitTooLong);
      expect((refused as BudgetWaitTooLong).availableAt).toBe(start + WINDOW + ARRIVAL_MARGIN);
      expect(store.times).toEqual([start, start + 1000, start + 1000]);
    });

    it('makes waiters on both nodes take turns as slots free, as one node would', async () => {
      const clock = new DrivenClock(start, { autoAdvance: true });
      const store = inMemoryBudgetStore([start]);
      const nodeA = new RequestBudget(store, clock, 1);
      const nodeB = new RequestBudget(store, clock, 1);
      const admitted: Array<[string, number]> = [];
      const take = (node: string, budget: RequestBudget) =>
        budget.acquire().then(() => admitted.push([node, clock.now() - start]));
      await Promise.all([take('A', nodeA), take('B', nodeB), take('A', nodeA)]);
      // Both wake when the first slot frees; the one that saves first takes it, the other one
      // re-reads and sleeps until the next. Every slot is used, none twice.
      const slot = WINDOW + ARRIVAL_MARGIN;
      expect(admitted.map(([, at]) => at)).toEqual([slot, 2 * slot, 3 * slot]);
      expect(admitted.map(([node]) => node).sort()).toEqual(['A', 'A', 'B']);
      expect(busiestWindow(store.times, WINDOW)).toBe(1);
    });
  });
});
