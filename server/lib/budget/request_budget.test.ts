import { DrivenClock } from '../../../test/graph_emulator/clock';
import { BudgetWaitTooLong, inMemoryBudgetStore, RequestBudget } from './request_budget';

const start = Date.parse('2026-11-24T00:00:00Z');
const WINDOW = 5 * 60_000;

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
    expect(times.slice(0, 3)).toEqual([0, 10_000, 10_000]);
    // The 4th waits until the 1st is out of the window (plus the arrival margin), and so on.
    expect(times[3]).toBeGreaterThanOrEqual(WINDOW);
    expect(times[3]).toBeLessThanOrEqual(WINDOW + 1000);
    expect(times[4]).toBeGreaterThanOrEqual(10_000 + WINDOW);
    expect(times[6]).toBeGreaterThanOrEqual(2 * WINDOW);
    for (let i = 3; i < times.length; i++) {
      expect(
        times.filter((t) => t > times[i]! - WINDOW && t <= times[i]!).length
      ).toBeLessThanOrEqual(3);
    }
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
    expect((error as BudgetWaitTooLong).availableAt).toBeGreaterThanOrEqual(start + WINDOW);
  });

  it('refuses a budget above Microsoft limit of 100 per 5 minutes', () => {
    expect(() => new RequestBudget(inMemoryBudgetStore(), new DrivenClock(start), 101)).toThrow(
      'between 1 and 100'
    );
  });

  it('serves concurrent callers one at a time, never overrunning', async () => {
    const clock = new DrivenClock(start, { autoAdvance: true });
    const budget = new RequestBudget(inMemoryBudgetStore(), clock, 5);
    const admitted: number[] = [];
    await Promise.all(
      Array.from({ length: 12 }, () => budget.acquire().then(() => admitted.push(clock.now())))
    );
    for (const time of admitted) {
      expect(admitted.filter((t) => t > time - WINDOW && t <= time).length).toBeLessThanOrEqual(5);
    }
  });
});
