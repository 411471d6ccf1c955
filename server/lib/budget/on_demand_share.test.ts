import { DrivenClock } from '../../../test/graph_emulator/clock';
import { busiestWindow } from '../../../test/graph_emulator/request_log';
import { inMemoryBudgetStore } from './in_memory_budget_store';
import { NoOnDemandShare, OnDemandShare, OnDemandShareUsedUp } from './on_demand_share';
import { BudgetWaitTooLong } from './request_budget';
import { tenantBudget } from './tenant_budget';

const start = Date.parse('2026-11-24T00:00:00Z');
const WINDOW = 5 * 60_000;
const ARRIVAL_MARGIN = 1000;
const SLOT = WINDOW + ARRIVAL_MARGIN;
/** A budget of 60: 12 on demand, 6 of them per user, 48 for collection. */
const SHARES = { collection: 48, onDemand: 12, perRequester: 6 };

const refusalOf = (taking: Promise<void>) =>
  taking.then(
    () => undefined,
    (error: unknown) => error as OnDemandShareUsedUp
  );

function share(clock: DrivenClock, store = inMemoryBudgetStore()) {
  return { store, share: new OnDemandShare(store, clock, SHARES, WINDOW) };
}

describe('OnDemandShare', () => {
  it('gives one user their part, then says when it frees: when their first request leaves the window', async () => {
    const clock = new DrivenClock(start);
    const { share: onDemand, store } = share(clock);
    for (let i = 0; i < 6; i++) {
      await onDemand.acquire('alice', undefined, 0);
      clock.advance(1000);
    }
    const refused = await refusalOf(onDemand.acquire('alice', undefined, 0));
    expect(refused).toBeInstanceOf(OnDemandShareUsedUp);
    expect(refused).toBeInstanceOf(BudgetWaitTooLong);
    expect(refused!.share).toBe('requester');
    expect(refused!.availableAt).toBe(start + SLOT);
    expect(refused!.message).toBe(
      'Your share of on-demand Microsoft Graph requests to this tenant (6 per 5 minutes) is used up until 2026-11-24T00:05:01.000Z'
    );
    expect(store.times).toHaveLength(6);
    expect(store.requesters).toEqual(Array(6).fill('alice'));

    // Exactly one more the moment her first request leaves the window, not before.
    clock.setTime(start + SLOT - 1);
    expect((await refusalOf(onDemand.acquire('alice', undefined, 0)))!.availableAt).toBe(
      start + SLOT
    );
    clock.setTime(start + SLOT);
    await onDemand.acquire('alice', undefined, 0);
    expect((await refusalOf(onDemand.acquire('alice', undefined, 0)))!.availableAt).toBe(
      start + 1000 + SLOT
    );
  });

  it('leaves the rest of the share to others, and refuses everyone once the share is full', async () => {
    const clock = new DrivenClock(start);
    const { share: onDemand } = share(clock);
    for (const user of ['alice', 'bob']) {
      for (let i = 0; i < 6; i++) await onDemand.acquire(user, undefined, 0);
      clock.advance(10_000);
    }
    const carol = await refusalOf(onDemand.acquire('carol', undefined, 0));
    expect(carol!.share).toBe('tenant');
    // The share frees a slot when alice's first request leaves; carol's own part is untouched.
    expect(carol!.availableAt).toBe(start + SLOT);
    expect(carol!.message).toBe(
      "The share of this tenant's Microsoft Graph requests kept for on-demand requests (12 of 60 per 5 minutes; collection has the rest) is used up until 2026-11-24T00:05:01.000Z"
    );
    // Bob's own part frees later than the share: his is the later slot, and the one named.
    const bob = await refusalOf(onDemand.acquire('bob', undefined, 0));
    expect(bob).toMatchObject({ share: 'requester', availableAt: start + 10_000 + SLOT });
  });

  it('waits for a slot within maxWaitMs, and never past it', async () => {
    const clock = new DrivenClock(start, { autoAdvance: true });
    const { share: onDemand } = share(clock);
    for (let i = 0; i < 6; i++) {
      await onDemand.acquire('alice', undefined, 0);
      clock.advance(1000);
    }
    clock.setTime(start + SLOT - 4000);
    await onDemand.acquire('alice', undefined, 5000);
    expect(clock.now()).toBe(start + SLOT);
    await onDemand.acquire('alice', undefined, 5000);
    expect(clock.now()).toBe(start + 1000 + SLOT);
    const refused = await refusalOf(onDemand.acquire('alice', undefined, 500));
    expect(refused!.availableAt).toBe(start + 2000 + SLOT);
    expect(clock.now()).toBe(start + 1000 + SLOT);
  });

  it('does not make another user wait behind a user waiting for their part', async () => {
    const clock = new DrivenClock(start);
    const { share: onDemand, store } = share(clock);
    for (let i = 0; i < 6; i++) await onDemand.acquire('alice', undefined, 0);
    const aliceWaits = onDemand.acquire('alice');
    // Bob is admitted at once, on a clock that has not moved.
    await onDemand.acquire('bob', undefined, 0);
    expect(store.requesters).toEqual([...Array(6).fill('alice'), 'bob']);
    expect(clock.pendingSleepers).toBe(1);
    clock.setTime(start + SLOT);
    await aliceWaits;
    // Her six and bob's one have left the window; the store keeps only what still counts.
    expect(store.times).toEqual([start + SLOT]);
    expect(store.requesters).toEqual(['alice']);
  });

  it('holds across Kibana nodes: two shares over one store admit each part once in total', async () => {
    const clock = new DrivenClock(start);
    const store = inMemoryBudgetStore();
    const nodeA = new OnDemandShare(store, clock, SHARES, WINDOW);
    const nodeB = new OnDemandShare(store, clock, SHARES, WINDOW);
    const take = (node: OnDemandShare, user: string) =>
      node.acquire(user, undefined, 0).then(
        () => 'admitted',
        (error: OnDemandShareUsedUp) => error.share
      );
    const alice = await Promise.all(
      Array.from({ length: 10 }, (_, i) => take(i % 2 ? nodeA : nodeB, 'alice'))
    );
    expect(alice.filter((o) => o === 'admitted')).toHaveLength(6);
    expect(alice.filter((o) => o === 'requester')).toHaveLength(4);
    const others = await Promise.all(
      ['bob', 'carol', 'dave', 'erin'].flatMap((user) => [take(nodeA, user), take(nodeB, user)])
    );
    expect(others.filter((o) => o === 'admitted')).toHaveLength(6);
    expect(others.filter((o) => o === 'tenant')).toHaveLength(2);
    expect(store.times).toHaveLength(12);
    // The nodes read the same copy and raced to save over it.
    expect(store.conflicts).toBeGreaterThan(0);
  });

  it('refuses on-demand requests with a reason when the budget has no fifth to spare', async () => {
    const budget = tenantBudget(
      { collection: inMemoryBudgetStore(), onDemand: inMemoryBudgetStore() },
      new DrivenClock(start),
      1
    );
    await expect(budget.onDemand.acquire('alice')).rejects.toThrow(new NoOnDemandShare(1).message);
    expect(new NoOnDemandShare(1).message).toBe(
      "This tenant's request budget (1 per 5 minutes) is all kept for collection: on-demand requests (event trails, connection tests) need a budget of 2 or more"
    );
    await budget.collection.acquire(undefined, 0);
  });
});

describe('tenantBudget', () => {
  it('keeps collection’s part whole whatever on-demand requests do, and the whole within the budget', async () => {
    const clock = new DrivenClock(start);
    const stores = { collection: inMemoryBudgetStore(), onDemand: inMemoryBudgetStore() };
    const budget = tenantBudget(stores, clock, 60);
    // 100 on-demand requests from five users over a minute: the share admits 12.
    const outcomes: string[] = [];
    for (let i = 0; i < 100; i++) {
      outcomes.push(
        await budget.onDemand.acquire(`user${i % 5}`, undefined, 0).then(
          () => 'admitted',
          () => 'refused'
        )
      );
      clock.advance(600);
    }
    expect(outcomes.filter((o) => o === 'admitted')).toHaveLength(12);
    // Collection then takes its whole part at once, without a wait or a conflict.
    const due = clock.now();
    for (let i = 0; i < 48; i++) await budget.collection.acquire(undefined, 0);
    expect(clock.now()).toBe(due);
    expect(stores.collection.times).toEqual(Array(48).fill(due));
    expect(stores.collection.conflicts).toBe(0);
    await expect(budget.collection.acquire(undefined, 0)).rejects.toBeInstanceOf(BudgetWaitTooLong);
    expect(busiestWindow([...stores.collection.times, ...stores.onDemand.times], WINDOW)).toBe(60);
  });

  it('refuses a budget above Microsoft limit of 100 per 5 minutes', () => {
    const stores = { collection: inMemoryBudgetStore(), onDemand: inMemoryBudgetStore() };
    expect(() => tenantBudget(stores, new DrivenClock(start), 101)).toThrow('between 1 and 100');
  });
});
