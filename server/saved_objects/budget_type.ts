import type { SavedObjectsType } from '@kbn/core/server';
import { firstModelVersion } from './model_versions';

export const BUDGET_SAVED_OBJECT_TYPE = 'exchange-message-trace-budget';

export interface BudgetAttributes {
  tenantId: string;
  /** Epoch milliseconds of the tenant's requests in the trailing window. */
  requestTimes: number[];
}

/** One per tenant, so the budget survives restarts and is shared by every connection to it. */
export const budgetSavedObjectType: SavedObjectsType<BudgetAttributes> = {
  name: BUDGET_SAVED_OBJECT_TYPE,
  hidden: true,
  namespaceType: 'agnostic',
  mappings: { dynamic: false, properties: { tenantId: { type: 'keyword' } } },
  modelVersions: firstModelVersion<BudgetAttributes>({ tenantId: true, requestTimes: true }),
};
