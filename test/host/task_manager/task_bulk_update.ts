import type {
  BulkUpdateTaskResult,
  ConcreteTaskInstance,
  ErrorOutput,
} from '@kbn/task-manager-plugin/server';
import type { StoredTask, TaskStore } from './task_store';

/** Task Manager retries a bulk update's version conflicts twice (lib/retryable_bulk_update.ts). */
const MAX_RETRIES = 2;

function errorOutput(id: string, statusCode: number, message: string): ErrorOutput {
  return {
    type: 'task',
    id,
    status: statusCode,
    error: { error: statusCode === 404 ? 'Not Found' : 'Conflict', statusCode, message },
  };
}

/**
 * Task Manager's retryableBulkUpdate: read each task, keep those `filter` accepts, write `map`'s
 * result with optimistic concurrency, retry conflicts. Tasks the filter drops are in neither list.
 */
export async function retryableBulkUpdate(
  store: TaskStore,
  taskIds: string[],
  filter: (task: ConcreteTaskInstance) => boolean,
  map: (
    task: ConcreteTaskInstance,
    index: number,
    all: ConcreteTaskInstance[]
  ) => ConcreteTaskInstance
): Promise<BulkUpdateTaskResult> {
  const results = new Map<string, { task: ConcreteTaskInstance } | { error: ErrorOutput }>();

  async function attempt(ids: string[]) {
    const found: StoredTask[] = [];
    for (const id of ids) {
      try {
        found.push(await store.get(id));
      } catch (error) {
        if ((error as { output?: { statusCode?: number } }).output?.statusCode !== 404) throw error;
        results.set(id, { error: errorOutput(id, 404, (error as Error).message) });
      }
    }
    const kept = found.filter((stored) => filter(stored.instance));
    const instances = kept.map((stored) => stored.instance);
    await Promise.all(
      kept.map(async (stored, index) => {
        const updated = map(stored.instance, index, instances);
        results.set(
          stored.instance.id,
          (await store.replace(stored, updated))
            ? { task: updated }
            : { error: errorOutput(stored.instance.id, 409, 'version conflict') }
        );
      })
    );
  }

  const conflicted = () =>
    [...results.entries()]
      .filter(([, result]) => 'error' in result && result.error.error.statusCode === 409)
      .map(([id]) => id);

  await attempt(taskIds);
  for (let retry = 1; retry <= MAX_RETRIES && conflicted().length > 0; retry++) {
    await attempt(conflicted());
  }
  const outcome: BulkUpdateTaskResult = { tasks: [], errors: [] };
  for (const result of results.values()) {
    if ('task' in result) outcome.tasks.push(result.task);
    else outcome.errors.push(result.error);
  }
  return outcome;
}
