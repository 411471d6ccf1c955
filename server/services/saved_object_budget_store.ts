import type { ISavedObjectsRepository } from '@kbn/core/server';
import { BudgetConflict, type BudgetStore } from '../lib/budget/request_budget';
import { BUDGET_SAVED_OBJECT_TYPE, type BudgetAttributes } from '../saved_objects/budget_type';
import { isConflictError, isNotFoundError } from './connection_errors';

/** Collection's part of a tenant's budget, or the share kept for on-demand requests. */
export type BudgetPart = 'collection' | 'onDemand';

/**
 * The request times of a part of a tenant's budget in a saved object of its own, shared by every
 * Kibana node and kept across restarts. Saves are optimistic, one write each: a first create that
 * finds the object, or an overwrite over a `version` someone else replaced, is a conflict (409) and
 * the budget re-reads. (Kibana's create sends if_seq_no/if_primary_term for `overwrite` with
 * `version`, without the preflight read `update` makes: api-server-internal/src/lib/apis/create.ts
 * @ 0d7124b0.)
 */
export function savedObjectBudgetStore(
  repository: ISavedObjectsRepository,
  tenantId: string,
  part: BudgetPart = 'collection'
): BudgetStore {
  const tenant = tenantId.toLowerCase();
  // Collection's keeps the id it had before the budget was split.
  const id = part === 'collection' ? tenant : `${tenant}:on-demand`;
  return {
    async load() {
      try {
        const saved = await repository.get<BudgetAttributes>(BUDGET_SAVED_OBJECT_TYPE, id);
        const { requestTimes, requesters } = saved.attributes;
        return { requestTimes, ...(requesters ? { requesters } : {}), version: saved.version };
      } catch (error) {
        if (isNotFoundError(error)) return { requestTimes: [] };
        throw error;
      }
    },
    async save(requestTimes, version, requesters) {
      const attributes: BudgetAttributes = {
        tenantId: tenant,
        requestTimes,
        ...(requesters ? { requesters } : {}),
      };
      try {
        await repository.create<BudgetAttributes>(BUDGET_SAVED_OBJECT_TYPE, attributes, {
          id,
          overwrite: version !== undefined,
          version,
          refresh: false,
        });
      } catch (error) {
        if (isConflictError(error)) throw new BudgetConflict();
        throw error;
      }
    },
  };
}
