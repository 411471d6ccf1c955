import type { Clock } from '../collector/clock';

/** Microsoft's limit: 100 message trace requests per rolling 5 minutes per tenant. */
export const GRAPH_REQUEST_LIMIT = 100;
export const DEFAULT_REQUEST_BUDGET = 60;
export const BUDGET_WINDOW_MS = 5 * 60_000;
/** Graph counts a request when it arrives, a little after we send it. */
const ARRIVAL_MARGIN_MS = 1000;

/** Where a tenant's recent request times live, so a restart does not reset the budget. */
export interface BudgetStore {
  load(): Promise<number[]>;
  save(requestTimes: number[]): Promise<void>;
}

export class BudgetWaitTooLong extends Error {
  constructor(readonly availableAt: number) {
    super(`The request budget is used up until ${new Date(availableAt).toISOString()}`);
  }
}

/**
 * A per-tenant budget over a rolling window, shared by list and detail calls. Requests are
 * admitted one at a time, in order, so concurrent callers never overrun it together.
 */
export class RequestBudget {
  private requestTimes: number[] | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: BudgetStore,
    private readonly clock: Clock,
    readonly limit: number = DEFAULT_REQUEST_BUDGET,
    private readonly windowMs: number = BUDGET_WINDOW_MS,
    /** Only a test Graph (the emulator with its throttle off) may be asked for more than Microsoft allows. */
    maxLimit: number = GRAPH_REQUEST_LIMIT
  ) {
    if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
      throw new Error(`The request budget must be between 1 and ${maxLimit} per 5 minutes`);
    }
  }

  private async recent(): Promise<number[]> {
    this.requestTimes ??= await this.store.load();
    const horizon = this.clock.now() - this.windowMs - ARRIVAL_MARGIN_MS;
    this.requestTimes = this.requestTimes.filter((time) => time > horizon).sort((a, b) => a - b);
    return this.requestTimes;
  }

  /** When the next request may go out (now, if a slot is free). */
  async availableAt(): Promise<number> {
    const times = await this.recent();
    if (times.length < this.limit) return this.clock.now();
    return times[times.length - this.limit]! + this.windowMs + ARRIVAL_MARGIN_MS;
  }

  /** Requests in the trailing window. */
  async used(): Promise<number> {
    return (await this.recent()).length;
  }

  /**
   * Waits for a slot and records the request. With `maxWaitMs`, a longer wait throws
   * BudgetWaitTooLong instead, so a task can end its run and come back when the slot frees.
   */
  acquire(signal?: AbortSignal, maxWaitMs = Number.POSITIVE_INFINITY): Promise<void> {
    const turn = this.queue.then(async () => {
      const availableAt = await this.availableAt();
      const wait = availableAt - this.clock.now();
      if (wait > maxWaitMs) throw new BudgetWaitTooLong(availableAt);
      if (wait > 0) await this.clock.sleep(wait, signal);
      this.requestTimes!.push(this.clock.now());
      await this.store.save([...this.requestTimes!]);
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }
}

export function inMemoryBudgetStore(initial: number[] = []): BudgetStore & { times: number[] } {
  const store = {
    times: [...initial],
    load: async () => [...store.times],
    save: async (times: number[]) => {
      store.times = [...times];
    },
  };
  return store;
}
