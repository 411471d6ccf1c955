import type { ISavedObjectsRepository } from '@kbn/core/server';
import type { BudgetStore } from '../lib/budget/request_budget';
import { BUDGET_SAVED_OBJECT_TYPE, type BudgetAttributes } from '../saved_objects/budget_type';

const isNotFound = (error: unknown) =>
  (error as { output?: { statusCode?: number } }).output?.statusCode === 404;

/** A tenant's request times in a saved object, so a Kibana restart does not reset its budget. */
export function savedObjectBudgetStore(
  repository: ISavedObjectsRepository,
  tenantId: string
): BudgetStore {
  const id = tenantId.toLowerCase();
  return {
    async load() {
      try {
        const saved = await repository.get<BudgetAttributes>(BUDGET_SAVED_OBJECT_TYPE, id);
        return saved.attributes.requestTimes;
      } catch (error) {
        if (isNotFound(error)) return [];
        throw error;
      }
    },
    async save(requestTimes) {
      await repository.create<BudgetAttributes>(
        BUDGET_SAVED_OBJECT_TYPE,
        { tenantId: id, requestTimes },
        { id, overwrite: true, refresh: false }
      );
    },
  };
}
