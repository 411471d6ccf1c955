import { randomUUID } from 'node:crypto';
import type { Client } from '@elastic/elasticsearch';
import type { Logger } from '@kbn/core/server';
import type {
  ConcreteTaskInstance,
  TaskDefinitionRegistry,
  TaskInstance,
  TaskManagerSetupContract,
  TaskManagerStartContract,
  TaskStatus,
} from '@kbn/task-manager-plugin/server';
import {
  calculateDelayBasedOnAttempts,
  getRetryAt,
  getTimeout,
  type RetryDelay,
} from './get_retry_at';
import { TaskRunner } from './task_runner';
import { TaskScheduling } from './task_scheduling';
import { TaskNotFoundError, TaskStore, type StoredTask } from './task_store';
import { TaskTypeDictionary } from './task_type_dictionary';

export interface RetryPolicy {
  /** xpack.task_manager.max_attempts (default 3), for types that set no maxAttempts. */
  maxAttempts: number;
  /**
   * A fixed wait before a failed task's next attempt, so tests need not wait Task Manager's 30 s
   * and more; without it the host waits as Task Manager does (calculateDelayBasedOnAttempts).
   */
  retryDelayMs?: number;
}

export interface TaskManagerOptions {
  /** Where tasks are kept; a test host gets its own, so no other host claims its tasks. */
  index: string;
  pollIntervalMs: number;
  capacity: number;
  retry: RetryPolicy;
}

// Kibana: x-pack/platform/plugins/shared/task_manager/server/config.ts @ 0452ebf8 (the index is
// the host's to choose, under its `.kibana` prefix)
export const DEFAULT_TASK_MANAGER_OPTIONS: Omit<TaskManagerOptions, 'index'> = {
  pollIntervalMs: 3000,
  capacity: 10,
  retry: { maxAttempts: 3 },
};

/**
 * When a run of a task began and ended on this node: Task Manager's TASK_RUN event timing.
 * Kibana: x-pack/platform/plugins/shared/task_manager/server/task_events.ts @ 29cdd0ea
 */
export interface TaskRunTiming {
  id: string;
  ownerId: string;
  timing: { start: number; stop: number };
}

/**
 * Stands in for Task Manager: definitions registered in setup under Task Manager's rules, tasks
 * persisted in a real index, a poller that claims due tasks and runs them, cancelling those that
 * outlive their timeout, and writes each result back as Task Manager does. Several of them (the
 * background-task nodes of one Kibana) may share the index: a claim is a write over the version
 * the poller read, so only one of them wins a task.
 */
export class TaskManagerService {
  private readonly definitions: TaskTypeDictionary;
  private readonly store: TaskStore;
  /** Runs counted against capacity; a cancelled run leaves it at once, as in Task Manager's pool. */
  private readonly pool = new Map<string, TaskRunner>();
  /** Every run not yet finished, cancelled or not, for stop() to wait on. */
  private readonly inFlight = new Map<TaskRunner, Promise<void>>();
  private readonly retryDelay: RetryDelay;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private pollWaiters: Array<() => void> = [];
  private stopped = false;
  /** Runs this node finished, for tests to see which node ran what, and when. */
  readonly finishedRuns: TaskRunTiming[] = [];

  constructor(
    client: Client,
    private readonly logger: Logger,
    private readonly options: TaskManagerOptions,
    /** `kibana:<server.uuid>` of the node. */
    private readonly ownerId: string
  ) {
    this.store = new TaskStore(client, options.index);
    this.definitions = new TaskTypeDictionary(logger);
    const { retryDelayMs } = options.retry;
    this.retryDelay =
      retryDelayMs === undefined ? calculateDelayBasedOnAttempts : () => retryDelayMs;
  }

  get index() {
    return this.options.index;
  }

  setup(): TaskManagerSetupContract {
    return {
      registerTaskDefinitions: (definitions: TaskDefinitionRegistry) =>
        this.definitions.registerTaskDefinitions(definitions),
    };
  }

  async start(): Promise<TaskManagerStartContract> {
    await this.store.ensureIndex();
    this.schedulePoll(0);
    const scheduling = new TaskScheduling(
      this.store,
      (taskType) => this.definitions.ensureHas(taskType),
      () => this.schedulePoll(0),
      () => [...this.pool.values()].map((runner) => runner.id)
    );
    const contract = {
      schedule: (task: TaskInstance) => scheduling.schedule(task),
      ensureScheduled: (task: TaskInstance & { id: string }) => scheduling.ensureScheduled(task),
      runSoon: (id: string, force?: boolean) => scheduling.runSoon(id, force),
      bulkUpdateSchedules: (ids: string[], schedule: { interval: string }) =>
        scheduling.bulkUpdateSchedules(ids, schedule),
      bulkEnable: (ids: string[], runSoon?: boolean) => scheduling.bulkEnable(ids, runSoon),
      bulkDisable: (ids: string[], clearState?: string[] | boolean) =>
        scheduling.bulkDisable(ids, clearState),
      get: async (id: string) => (await this.store.get(id)).instance,
      remove: async (id: string) => {
        if (!(await this.store.remove(id))) throw new TaskNotFoundError(id);
      },
      removeIfExists: async (id: string) => {
        await this.store.remove(id);
      },
      fetch: async (options: { query?: object; size?: number; sort?: object[] } = {}) => ({
        docs: (
          await this.store.search(
            options.query ?? { match_all: {} },
            options.size ?? 10,
            options.sort
          )
        ).map((stored) => stored.instance),
        versionMap: new Map(),
      }),
    };
    return contract as unknown as TaskManagerStartContract;
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.polling;
    await Promise.all(
      [...this.inFlight].map(async ([runner, done]) => {
        await runner.cancel();
        await done;
      })
    );
    this.releasePollWaiters();
  }

  /** Resolves once a whole poll cycle has run after this call, e.g. to see a task was not claimed. */
  nextPollCycle(): Promise<void> {
    return new Promise((resolve) => {
      if (this.stopped) resolve();
      else this.pollWaiters.push(resolve);
    });
  }

  private releasePollWaiters() {
    const waiters = this.pollWaiters;
    this.pollWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private schedulePoll(delayMs: number) {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const waiters = this.pollWaiters;
      this.pollWaiters = [];
      this.polling = this.poll().finally(() => {
        for (const resolve of waiters) resolve();
        this.schedulePoll(this.options.pollIntervalMs);
      });
    }, delayMs);
  }

  private async poll() {
    try {
      const free = this.options.capacity - this.pool.size;
      const due = await this.store.findDue(this.definitions.getAllTypes(), new Date(), free);
      const inPool = new Set([...this.pool.values()].map((runner) => runner.id));
      for (const stored of due) {
        if (!inPool.has(stored.instance.id)) await this.claimAndRun(stored);
      }
    } catch (error) {
      this.logger.error(`Task Manager poll failed: ${(error as Error).message}`);
    }
  }

  /**
   * The claim, as Task Manager's mget claimer writes it: running, attempts counted, and a retryAt
   * after which the task may be claimed again should this run never write back.
   * Kibana: x-pack/platform/plugins/shared/task_manager/server/task_claimers/strategy_mget.ts
   * @ e88eb042 (claimAvailableTasks), lib/get_retry_at.ts @ 50d695cd
   */
  private async claimAndRun(stored: StoredTask) {
    const task = stored.instance;
    const definition = this.definitions.getRegistered(task.taskType);
    const timeout = getTimeout(task, definition.timeout);
    const now = new Date();
    const claimed = await this.store.replace(stored, {
      ...task,
      // The claimer records when the run was due, which bulkUpdateSchedules counts from.
      scheduledAt:
        task.retryAt && task.retryAt.getTime() < now.getTime() ? task.retryAt : task.runAt,
      status: 'running' as TaskStatus,
      startedAt: now,
      retryAt: getRetryAt(task, timeout, now, this.retryDelay),
      attempts: task.attempts + 1,
      ownerId: this.ownerId,
    } as ConcreteTaskInstance);
    if (!claimed) return;
    const runner = new TaskRunner(claimed, definition, timeout, {
      store: this.store,
      logger: this.logger,
      pollIntervalMs: this.options.pollIntervalMs,
      defaultMaxAttempts: this.options.retry.maxAttempts,
      retryDelay: this.retryDelay,
      wake: () => this.schedulePoll(0),
    });
    // A one-off task claimed again after its last attempt never wrote back is removed, not run.
    // Kibana: polling_lifecycle.ts @ 35de92b4, task_running/task_runner.ts @ 006b838e
    if (runner.isAdHocTaskAndOutOfAttempts) {
      this.logger.debug(`Removing ${runner} because the max attempts have been reached.`);
      await this.store.remove(task.id);
      return;
    }
    this.runInPool(runner);
  }

  private runInPool(runner: TaskRunner) {
    const executionId = randomUUID();
    const start = Date.now();
    this.pool.set(executionId, runner);
    // Task Manager cancels a run once it is past its expiration, and frees its capacity.
    const expiry = setTimeout(
      () => {
        this.logger.warn(
          `Cancelling task ${runner} as it expired at ${runner.expiration.toISOString()} (with timeout set at ${runner.timeout}).`
        );
        this.pool.delete(executionId);
        void runner.cancel();
      },
      runner.expiration.getTime() - Date.now() + 1
    );
    const done = runner
      .run()
      .catch((error) =>
        this.logger.warn(`Task ${runner} failed in attempt to run: ${(error as Error).message}`)
      )
      .finally(() => {
        clearTimeout(expiry);
        this.pool.delete(executionId);
        this.inFlight.delete(runner);
        this.finishedRuns.push({
          id: runner.id,
          ownerId: this.ownerId,
          timing: { start, stop: Date.now() },
        });
      });
    this.inFlight.set(runner, done);
  }
}
