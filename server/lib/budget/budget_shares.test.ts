import { budgetShares } from './budget_shares';

describe('budgetShares', () => {
  it.each([
    // limit: a fifth (rounded down, at least 1 from 2 up) on demand, half of that (rounded up) per user
    [1, { collection: 1, onDemand: 0, perRequester: 0 }],
    [2, { collection: 1, onDemand: 1, perRequester: 1 }],
    [5, { collection: 4, onDemand: 1, perRequester: 1 }],
    [9, { collection: 8, onDemand: 1, perRequester: 1 }],
    [10, { collection: 8, onDemand: 2, perRequester: 1 }],
    [15, { collection: 12, onDemand: 3, perRequester: 2 }],
    [60, { collection: 48, onDemand: 12, perRequester: 6 }],
    [100, { collection: 80, onDemand: 20, perRequester: 10 }],
  ])('splits a budget of %i', (limit, expected) => {
    expect(budgetShares(limit)).toEqual(expected);
  });

  it('never hands out more than the budget, and leaves collection at least 1 in every case', () => {
    for (let limit = 1; limit <= 100; limit++) {
      const { collection, onDemand, perRequester } = budgetShares(limit);
      expect(collection + onDemand).toBe(limit);
      expect(collection).toBeGreaterThanOrEqual(1);
      expect(perRequester).toBeLessThanOrEqual(onDemand);
      // Another user always has something left when the share holds more than one slot.
      if (onDemand > 1) expect(perRequester).toBeLessThan(onDemand);
    }
  });
});
