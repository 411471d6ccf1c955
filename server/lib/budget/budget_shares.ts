/** Of a tenant's budget, on-demand requests (event trails, connection tests) get a fifth. */
const ON_DEMAND_PERCENT = 20;

/**
 * How a tenant's budget per rolling 5 minutes is split. The parts never borrow from each other:
 * a slot lent to collection could not be handed back before it leaves the window, and one lent to
 * an on-demand request would delay collection by as much; so collection's speed never depends on
 * how many trails anyone opens, and the parts together never exceed the budget.
 */
export interface BudgetShares {
  /** Collection's part, taken by nothing else. */
  collection: number;
  /** Every on-demand request to the tenant, from every user and node. */
  onDemand: number;
  /** What one user may take of the on-demand share, so one user cannot use it all. */
  perRequester: number;
}

export function budgetShares(limit: number): BudgetShares {
  // A budget of 1 has no fifth to spare: collection keeps it. From 2 up, on-demand gets at least 1.
  const onDemand = limit < 2 ? 0 : Math.max(1, Math.floor((limit * ON_DEMAND_PERCENT) / 100));
  return { collection: limit - onDemand, onDemand, perRequester: Math.ceil(onDemand / 2) };
}
