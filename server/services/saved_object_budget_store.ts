import type { ISavedObjectsRepository } from '@kbn/core/server';
import { BudgetConflict, type BudgetStore } from '../lib/budget/request_budget';
import { BUDGET_SAVED_OBJECT_TYPE, type BudgetAttributes } from '../saved_objects/budget_type';
import { isConflictError, isNotFoundError } from './connection_errors';

/**
 * A tenant's request times in a saved object, shared by every Kibana node and kept across
 * restarts. Saves are optimistic, one write each: a first create that finds the object, or an
 * overwrite over a `version` someone else replaced, is a conflict (409) and the budget re-reads.
 * (Kibana's create sends if_seq_no/if_primary_term for `overwrite` with `version`, without the
 * preflight read `update` makes: api-server-internal/src/lib/apis/create.ts @ 0d7124b0.)
 */
export function savedObjectBudgetStore(
  repository: ISavedObjectsRepository,
  tenantId: string
): BudgetStore {
  const id = tenantId.toLowerCase();
  return {
    async load() {
      try {
        const saved = await repository.get<BudgetAttributes>(BUDGET_SAVED_OBJECT_TYPE, id);
        return { requestTimes: saved.attributes.requestTimes, version: saved.version };
      } catch (error) {
        if (isNotFoundError(error)) return { requestTimes: [] };
        throw error;
      }
    },
    async save(requestTimes, version) {
      const attributes: BudgetAttributes = { tenantId: id, requestTimes };
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
