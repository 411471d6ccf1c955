import type { ISavedObjectsRepository } from '@kbn/core/server';
import { BudgetConflict, type BudgetStore } from '../lib/budget/request_budget';
import { BUDGET_SAVED_OBJECT_TYPE, type BudgetAttributes } from '../saved_objects/budget_type';

const statusOf = (error: unknown) =>
  (error as { output?: { statusCode?: number } }).output?.statusCode;

/**
 * A tenant's request times in a saved object, shared by every Kibana node and kept across
 * restarts. Saves are optimistic: a create that finds the object, or an update over a `version`
 * someone else replaced, is a conflict (409) and the budget re-reads.
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
        if (statusOf(error) === 404) return { requestTimes: [] };
        throw error;
      }
    },
    async save(requestTimes, version) {
      const attributes: BudgetAttributes = { tenantId: id, requestTimes };
      try {
        if (version === undefined) {
          await repository.create<BudgetAttributes>(BUDGET_SAVED_OBJECT_TYPE, attributes, {
            id,
            refresh: false,
          });
        } else {
          // With a version, Kibana's update writes with if_seq_no/if_primary_term and does not
          // retry a conflict (saved-objects api-server-internal update.ts @ 04140130).
          await repository.update<BudgetAttributes>(BUDGET_SAVED_OBJECT_TYPE, id, attributes, {
            version,
            refresh: false,
          });
        }
      } catch (error) {
        // 404: the object was deleted since it was read; re-reading starts it afresh.
        if (statusOf(error) === 409 || statusOf(error) === 404) throw new BudgetConflict();
        throw error;
      }
    },
  };
}
