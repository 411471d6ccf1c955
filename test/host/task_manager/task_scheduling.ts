import { randomUUID } from 'node:crypto';
import type {
  ConcreteTaskInstance,
  TaskInstance,
  TaskStatus,
} from '@kbn/task-manager-plugin/server';
import { parseIntervalAsMillisecond } from './intervals';
import { retryableBulkUpdate } from './task_bulk_update';
import { newInstance, type TaskStore } from './task_store';

const intervalOf = (task: Pick<TaskInstance, 'schedule'>) =>
  (task.schedule as { interval?: string } | undefined)?.interval;

/**
 * Task Manager's TaskScheduling (task_scheduling.ts): the start contract's methods that create
 * and change tasks. `wake` asks the poller to look for due tasks at once.
 */
export class TaskScheduling {
  constructor(
    private readonly store: TaskStore,
    private readonly assertTaskType: (taskType: string) => void,
    private readonly wake: () => void,
    /** Ids of the tasks this node's pool is running (getCurrentTasksInPool). */
    private readonly runningHere: () => string[]
  ) {}

  async schedule(task: TaskInstance): Promise<ConcreteTaskInstance> {
    this.assertTaskType(task.taskType);
    const interval = intervalOf(task);
    if (interval) parseIntervalAsMillisecond(interval);
    const instance = newInstance({ ...task, id: task.id ?? randomUUID() }, new Date());
    await this.store.create(instance);
    this.wake();
    return instance;
  }

  /**
   * Creates the task; an existing one keeps its state, params and `enabled`. From 9.3 (PR #238026)
   * Task Manager then hands an interval to bulkUpdateSchedules, which skips a running task.
   */
  async ensureScheduled(task: TaskInstance & { id: string }) {
    try {
      await this.schedule(task);
    } catch (error) {
      if ((error as { output?: { statusCode?: number } }).output?.statusCode !== 409) throw error;
      const interval = intervalOf(task);
      if (interval) {
        const result = await this.bulkUpdateSchedules([task.id], { interval });
        const failure = result.errors[0]?.error;
        if (failure && failure.statusCode !== 409 && failure.statusCode !== 404) {
          throw new Error(
            `Tried to update schedule for existing task "${task.id}" but failed with error: ${failure.message}`
          );
        }
      }
    }
    return task;
  }

  /**
   * A running task is refused unless forced; forcing works only when no run of it is in this
   * node's pool (a run another node holds, or one whose result was lost, is not seen).
   * Kibana: x-pack/platform/plugins/shared/task_manager/server/task_scheduling.ts @ 0086c4b6
   * (runSoon), lib/errors/task_already_running_error.ts @ 76136a3e
   */
  async runSoon(id: string, force = false) {
    const stored = await this.store.get(id);
    const { status } = stored.instance;
    if (status === 'unrecognized') {
      throw new Error(`Failed to run task "${id}" with status ${status}`);
    }
    const alreadyRunning = (noForce: boolean) =>
      new Error(
        `Failed to run task "${id}" as it is currently running${noForce ? ' and cannot be forced' : ''}`
      );
    if (status === 'claiming' || (status === 'running' && !force)) throw alreadyRunning(false);
    const forced = status === 'running';
    if (forced && this.runningHere().includes(id)) throw alreadyRunning(true);
    const now = new Date();
    const updated = await this.store.replace(stored, {
      ...stored.instance,
      status: 'idle' as TaskStatus,
      scheduledAt: now,
      runAt: now,
    });
    // A write since the read (another node's runSoon or claim) is swallowed, only flagged.
    // Kibana: x-pack/platform/plugins/shared/task_manager/server/task_scheduling.ts @ 0086c4b6
    // (runSoon; the flag since PR #268508)
    if (!updated) return { id, forced, conflict: true };
    this.wake();
    return { id, forced };
  }

  /** Only idle tasks change; the next run is an interval after the last one was due. */
  bulkUpdateSchedules(ids: string[], schedule: { interval: string }) {
    const intervalMs = parseIntervalAsMillisecond(schedule.interval);
    return retryableBulkUpdate(
      this.store,
      ids,
      (task) => task.status === 'idle' && intervalOf(task) !== schedule.interval,
      (task) => ({
        ...task,
        schedule,
        runAt: new Date(Math.max(task.scheduledAt.getTime() + intervalMs, Date.now())),
      })
    );
  }

  /** One task runs at once; several spread over up to five minutes so they do not fire together. */
  async bulkEnable(ids: string[], runSoon = true) {
    const result = await retryableBulkUpdate(
      this.store,
      ids,
      (task) => task.enabled === false,
      (task, _index, all) => {
        if (!runSoon) return { ...task, enabled: true };
        const now = Date.now();
        const interval = intervalOf(task);
        const spreadMs = Math.min(interval ? parseIntervalAsMillisecond(interval) : 0, 5 * 60_000);
        const runAt = new Date(
          all.length === 1 ? now : now + Math.floor(Math.random() * spreadMs) + 1
        );
        return { ...task, enabled: true, runAt, scheduledAt: runAt };
      }
    );
    this.wake();
    return result;
  }

  /** A disabled task keeps its state unless asked to clear it, and is never claimed. */
  bulkDisable(ids: string[], clearStateIdsOrBoolean?: string[] | boolean) {
    const clears = (id: string) =>
      clearStateIdsOrBoolean === true ||
      (Array.isArray(clearStateIdsOrBoolean) && clearStateIdsOrBoolean.includes(id));
    return retryableBulkUpdate(
      this.store,
      ids,
      (task) => task.enabled !== false,
      (task) => ({ ...task, enabled: false, ...(clears(task.id) ? { state: {} } : {}) })
    );
  }
}
