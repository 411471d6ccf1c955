import type { Clock } from '../collector/clock';

/** Microsoft's limit: 100 message trace requests per rolling 5 minutes per tenant. */
export const GRAPH_REQUEST_LIMIT = 100;
export const DEFAULT_REQUEST_BUDGET = 60;
export const BUDGET_WINDOW_MS = 5 * 60_000;
/** Graph counts a request when it arrives, a little after we send it. */
const ARRIVAL_MARGIN_MS = 1000;

/** A tenant's recent request times as stored, and the store's token for that exact copy. */
export interface BudgetSnapshot {
  requestTimes: number[];
  /** Who made each request, in the order of `requestTimes`, where the store keeps it. */
  requesters?: string[];
  /** Absent while nothing has been saved yet. */
  version?: string;
}

/**
 * Where a tenant's recent request times live, so a restart does not reset the budget and every
 * process taking from it (each Kibana node) sees the others' requests.
 */
export interface BudgetStore {
  load(): Promise<BudgetSnapshot>;
  /**
   * Saves over the snapshot of `version` (a first save when undefined) and throws
   * BudgetConflict when someone else saved since: the caller re-loads and decides again.
   */
  save(requestTimes: number[], version: string | undefined, requesters?: string[]): Promise<void>;
}

/** What a Graph client takes a slot from before each counted request. */
export interface BudgetTaker {
  /**
   * Waits for a slot and records the request. With `maxWaitMs`, a slot further away throws
   * BudgetWaitTooLong instead.
   */
  acquire(signal?: AbortSignal, maxWaitMs?: number): Promise<void>;
}

export class BudgetConflict extends Error {
  constructor() {
    super('The request budget was changed by another taker since it was read');
  }
}

export class BudgetWaitTooLong extends Error {
  constructor(
    readonly availableAt: number,
    message = `The tenant's Microsoft Graph request budget is used up until ${new Date(availableAt).toISOString()}`
  ) {
    super(message);
  }
}

export function assertBudgetLimit(limit: number, maxLimit = GRAPH_REQUEST_LIMIT) {
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    throw new Error(`The request budget must be between 1 and ${maxLimit} per 5 minutes`);
  }
}

/** Whether Graph may still count a request sent at `time` in the window that ends at `now`. */
export const stillCounts = (time: number, now: number, windowMs: number) =>
  time > now - windowMs - ARRIVAL_MARGIN_MS;

/**
 * When one more request fits under `limit` beside `times` (ascending, all still counting): now
 * while fewer went out, otherwise when the one that makes the limit full leaves the window.
 */
export function nextSlot(times: readonly number[], limit: number, now: number, windowMs: number) {
  if (times.length < limit) return now;
  return times[times.length - limit]! + windowMs + ARRIVAL_MARGIN_MS;
}

/**
 * A budget over a rolling window: collection's part of a tenant's budget, taken by list and detail
 * calls of every connection to the tenant, in every process. Each take re-reads the stored
 * requests and saves over the copy it read, so two takers can never both claim the last slot.
 * Within a process, requests are admitted one at a time, in order, which spares most conflicts.
 */
export class RequestBudget implements BudgetTaker {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: BudgetStore,
    private readonly clock: Clock,
    readonly limit: number = DEFAULT_REQUEST_BUDGET,
    private readonly windowMs: number = BUDGET_WINDOW_MS,
    /** Only a test Graph (the emulator with its throttle off) may be asked for more than Microsoft allows. */
    maxLimit: number = GRAPH_REQUEST_LIMIT
  ) {
    assertBudgetLimit(limit, maxLimit);
  }

  private async recent(): Promise<{ times: number[]; version: string | undefined }> {
    const { requestTimes, version } = await this.store.load();
    const now = this.clock.now();
    const times = requestTimes
      .filter((time) => stillCounts(time, now, this.windowMs))
      .sort((a, b) => a - b);
    return { times, version };
  }

  private slotAt(times: number[]): number {
    return nextSlot(times, this.limit, this.clock.now(), this.windowMs);
  }

  /** When the next request may go out (now, if a slot is free). */
  async availableAt(): Promise<number> {
    return this.slotAt((await this.recent()).times);
  }

  /** Requests in the trailing window. */
  async used(): Promise<number> {
    return (await this.recent()).times.length;
  }

  /**
   * Waits for a slot and records the request. With `maxWaitMs`, a slot further away throws
   * BudgetWaitTooLong instead, so a task can end its run and come back when the slot frees.
   */
  acquire(signal?: AbortSignal, maxWaitMs = Number.POSITIVE_INFINITY): Promise<void> {
    const turn = this.queue.then(() => this.take(signal, this.clock.now() + maxWaitMs));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async take(signal: AbortSignal | undefined, latest: number): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const { times, version } = await this.recent();
      const availableAt = this.slotAt(times);
      if (availableAt > latest) throw new BudgetWaitTooLong(availableAt);
      const wait = availableAt - this.clock.now();
      if (wait > 0) {
        // Another process may take the slot meanwhile: look again once it is due.
        await this.clock.sleep(wait, signal);
        continue;
      }
      try {
        await this.store.save([...times, this.clock.now()], version);
        return;
      } catch (error) {
        if (!(error instanceof BudgetConflict)) throw error;
      }
    }
  }
}
