import type { Clock } from '../collector/clock';
import { budgetShares } from './budget_shares';
import { OnDemandShare } from './on_demand_share';
import {
  assertBudgetLimit,
  BUDGET_WINDOW_MS,
  RequestBudget,
  type BudgetStore,
} from './request_budget';

export interface TenantBudget {
  /** The whole budget per 5 minutes, as the connection sets it. */
  limit: number;
  collection: RequestBudget;
  onDemand: OnDemandShare;
}

/**
 * A tenant's budget split into its parts (see BudgetShares), each counted in a store of its own:
 * as neither part borrows from the other, each keeps to its own limit without reading the other's
 * requests, and a burst of on-demand takes never makes collection's save conflict and re-read.
 */
export function tenantBudget(
  stores: { collection: BudgetStore; onDemand: BudgetStore },
  clock: Clock,
  limit: number,
  windowMs = BUDGET_WINDOW_MS
): TenantBudget {
  assertBudgetLimit(limit);
  const shares = budgetShares(limit);
  return {
    limit,
    collection: new RequestBudget(stores.collection, clock, shares.collection, windowMs),
    onDemand: new OnDemandShare(stores.onDemand, clock, shares, windowMs),
  };
}
