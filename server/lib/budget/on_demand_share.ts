import type { Clock } from '../collector/clock';
import type { BudgetShares } from './budget_shares';
import {
  BudgetConflict,
  BudgetWaitTooLong,
  nextSlot,
  stillCounts,
  type BudgetStore,
  type BudgetTaker,
} from './request_budget';

type Share = 'requester' | 'tenant';

/** An on-demand request refused because its share is used up until `availableAt`. */
export class OnDemandShareUsedUp extends BudgetWaitTooLong {
  constructor(
    availableAt: number,
    readonly share: Share,
    { collection, onDemand, perRequester }: BudgetShares
  ) {
    const until = new Date(availableAt).toISOString();
    super(
      availableAt,
      share === 'requester'
        ? `Your share of on-demand Microsoft Graph requests to this tenant (${perRequester} per 5 minutes) is used up until ${until}`
        : `The share of this tenant's Microsoft Graph requests kept for on-demand requests (${onDemand} of ${collection + onDemand} per 5 minutes; collection has the rest) is used up until ${until}`
    );
  }
}

/** A budget too small to spare any request for on-demand use. */
export class NoOnDemandShare extends Error {
  constructor(limit: number) {
    super(
      `This tenant's request budget (${limit} per 5 minutes) is all kept for collection: on-demand requests (event trails, connection tests) need a budget of 2 or more`
    );
  }
}

interface StoredRequest {
  at: number;
  /** Absent from a store that does not keep who asked: it then counts for the tenant only. */
  by?: string;
}

/**
 * The on-demand share of a tenant's budget (event trails, connection tests), with each user's part
 * of it. Like collection's part, each take re-reads the stored requests and saves over the copy it
 * read, so the share and each user's part hold across all Kibana nodes. Within a process only that
 * read-decide-save step is taken in turn: a request waiting for its slot sleeps outside it, so a
 * user who has used their part never holds up another user's request.
 */
export class OnDemandShare {
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: BudgetStore,
    private readonly clock: Clock,
    readonly shares: BudgetShares,
    private readonly windowMs: number
  ) {}

  /** Takes for `requester`, in the shape a Graph client takes from a budget. */
  for(requester: string): BudgetTaker {
    return { acquire: (signal, maxWaitMs) => this.acquire(requester, signal, maxWaitMs) };
  }

  /**
   * Records a request of `requester` once both the share and the requester's part have a slot,
   * waiting at most `maxWaitMs` for it; a slot further away throws OnDemandShareUsedUp.
   */
  async acquire(
    requester: string,
    signal?: AbortSignal,
    maxWaitMs = Number.POSITIVE_INFINITY
  ): Promise<void> {
    if (this.shares.onDemand === 0) throw new NoOnDemandShare(this.shares.collection);
    const latest = this.clock.now() + maxWaitMs;
    for (;;) {
      signal?.throwIfAborted();
      const refusal = await this.inTurn(() => this.take(requester));
      if (!refusal) return;
      if (refusal.availableAt > latest) {
        throw new OnDemandShareUsedUp(refusal.availableAt, refusal.share, this.shares);
      }
      await this.clock.sleep(refusal.availableAt - this.clock.now(), signal);
    }
  }

  private inTurn<T>(step: () => Promise<T>): Promise<T> {
    const result = this.turn.then(step);
    this.turn = result.catch(() => undefined);
    return result;
  }

  /** Takes a slot now, or says when the share that is full frees one. */
  private async take(
    requester: string
  ): Promise<{ availableAt: number; share: Share } | undefined> {
    for (;;) {
      const { requestTimes, requesters, version } = await this.store.load();
      const now = this.clock.now();
      const recent: StoredRequest[] = requestTimes
        .map((at, index) => ({ at, by: requesters?.[index] }))
        .filter(({ at }) => stillCounts(at, now, this.windowMs))
        .sort((a, b) => a.at - b.at);
      const tenantSlot = nextSlot(
        recent.map(({ at }) => at),
        this.shares.onDemand,
        now,
        this.windowMs
      );
      const requesterSlot = nextSlot(
        recent.filter(({ by }) => by === requester).map(({ at }) => at),
        this.shares.perRequester,
        now,
        this.windowMs
      );
      if (requesterSlot > now || tenantSlot > now) {
        return requesterSlot >= tenantSlot
          ? { availableAt: requesterSlot, share: 'requester' }
          : { availableAt: tenantSlot, share: 'tenant' };
      }
      try {
        await this.store.save([...recent.map(({ at }) => at), now], version, [
          ...recent.map(({ by }) => by ?? ''),
          requester,
        ]);
        return undefined;
      } catch (error) {
        if (!(error instanceof BudgetConflict)) throw error;
      }
    }
  }
}
