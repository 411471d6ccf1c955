import type { SavedObjectsType } from '@kbn/core/server';
import { firstModelVersion, keepKnownAttributes } from './model_versions';

export const BUDGET_SAVED_OBJECT_TYPE = 'exchange-message-trace-budget';

export interface BudgetAttributes {
  tenantId: string;
  /** Epoch milliseconds of the tenant's requests in the trailing window. */
  requestTimes: number[];
  /**
   * An on-demand share's only: who made each request (a digest of the user), in the order of
   * `requestTimes`, so each user's part holds on every node. Since model version 2.
   */
  requesters?: string[];
}

/**
 * One per tenant and part of its budget (collection's, and the on-demand share), so the budget
 * survives restarts and is shared by every connection to the tenant and every Kibana node.
 */
export const budgetSavedObjectType: SavedObjectsType<BudgetAttributes> = {
  name: BUDGET_SAVED_OBJECT_TYPE,
  hidden: true,
  namespaceType: 'agnostic',
  mappings: { dynamic: false, properties: { tenantId: { type: 'keyword' } } },
  modelVersions: {
    ...firstModelVersion<Omit<BudgetAttributes, 'requesters'>>({
      tenantId: true,
      requestTimes: true,
    }),
    // A new attribute that is not indexed: a version with no changes that knows it (Kibana's
    // developer docs, "Update a Saved Object type": adding a non-indexed field without default).
    2: {
      changes: [],
      schemas: {
        forwardCompatibility: keepKnownAttributes<BudgetAttributes>({
          tenantId: true,
          requestTimes: true,
          requesters: true,
        }),
      },
    },
  },
};
