import { randomUUID } from 'node:crypto';
import type { Client } from '@elastic/elasticsearch';
import type { Logger } from '@kbn/core/server';
import type {
  ConcreteTaskInstance,
  RunContext,
  RunResult,
  TaskDefinitionRegistry,
  TaskInstance,
  TaskManagerSetupContract,
  TaskManagerStartContract,
  TaskRegisterDefinition,
  TaskStatus,
} from '@kbn/task-manager-plugin/server';
import { parseDuration } from './duration';
import {
  failureOutcome,
  runWriteback,
  successOutcome,
  type RetryPolicy,
  type TaskOutcome,
} from './task_outcome';
import { TaskScheduling } from './task_scheduling';
import { TaskNotFoundError, TaskStore, type StoredTask } from './task_store';

export interface TaskManagerOptions {
  /** Where tasks are kept; a test host gets its own, so no other host claims its tasks. */
  index: string;
  pollIntervalMs: number;
  capacity: number;
  retry: RetryPolicy;
}

export const DEFAULT_TASK_MANAGER_OPTIONS: TaskManagerOptions = {
  index: 'kibana-host-task-manager',
  pollIntervalMs: 3000,
  capacity: 10,
  retry: { maxAttempts: 3, retryDelayMs: 5 * 60_000 },
};

interface RunningTask {
  cancel(): Promise<void>;
  done: Promise<void>;
}

/**
 * Stands in for Task Manager: definitions registered in setup, tasks persisted in a real index,
 * a poller that claims due tasks, runs them under their timeout (calling `cancel()` when it
 * passes) and reschedules them as Task Manager does.
 */
export class TaskManagerService {
  private readonly definitions = new Map<string, TaskRegisterDefinition>();
  private readonly store: TaskStore;
  private readonly running = new Map<string, RunningTask>();
  private readonly ownerId = `kibana-host-${randomUUID()}`;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private stopped = false;

  constructor(
    client: Client,
    private readonly logger: Logger,
    private readonly options: TaskManagerOptions = DEFAULT_TASK_MANAGER_OPTIONS
  ) {
    this.store = new TaskStore(client, options.index);
  }

  get index() {
    return this.options.index;
  }

  setup(): TaskManagerSetupContract {
    return {
      registerTaskDefinitions: (definitions: TaskDefinitionRegistry) => {
        for (const [type, definition] of Object.entries(definitions)) {
          if (this.definitions.has(type)) {
            throw new Error(`Task ${type} is already defined!`);
          }
          this.definitions.set(type, definition);
        }
      },
    } as TaskManagerSetupContract;
  }

  async start(): Promise<TaskManagerStartContract> {
    await this.store.ensureIndex();
    this.schedulePoll(0);
    const scheduling = new TaskScheduling(
      this.store,
      (taskType) => this.definition(taskType),
      () => this.schedulePoll(0)
    );
    const contract = {
      schedule: (task: TaskInstance) => scheduling.schedule(task),
      ensureScheduled: (task: TaskInstance & { id: string }) => scheduling.ensureScheduled(task),
      runSoon: (id: string) => scheduling.runSoon(id),
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
      [...this.running.values()].map(async (task) => {
        await task.cancel();
        await task.done;
      })
    );
  }

  private definition(taskType: string) {
    const definition = this.definitions.get(taskType);
    if (!definition) {
      throw new Error(
        `Unsupported task type "${taskType}". Supported types are ${[...this.definitions.keys()].join(', ')}`
      );
    }
    return definition;
  }

  private schedulePoll(delayMs: number) {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.polling = this.poll().finally(() => this.schedulePoll(this.options.pollIntervalMs));
    }, delayMs);
  }

  private async poll() {
    try {
      const free = this.options.capacity - this.running.size;
      const due = await this.store.findDue([...this.definitions.keys()], new Date(), free);
      for (const stored of due) {
        if (!this.running.has(stored.instance.id)) await this.claimAndRun(stored);
      }
    } catch (error) {
      this.logger.error(`Task Manager poll failed: ${(error as Error).message}`);
    }
  }

  private async claimAndRun(stored: StoredTask) {
    const definition = this.definition(stored.instance.taskType);
    const timeoutMs = parseDuration(stored.instance.timeoutOverride ?? definition.timeout ?? '5m');
    const startedAt = new Date();
    const { runAt, retryAt } = stored.instance;
    const claimed: ConcreteTaskInstance = {
      ...stored.instance,
      // The claimer records when the run was due, which bulkUpdateSchedules counts from.
      scheduledAt: retryAt && retryAt.getTime() < startedAt.getTime() ? retryAt : runAt,
      status: 'running' as TaskStatus,
      startedAt,
      retryAt: new Date(startedAt.getTime() + timeoutMs),
      attempts: stored.instance.attempts + 1,
      ownerId: this.ownerId,
    };
    if (!(await this.store.replace(stored, claimed))) return;
    // 9.2 to 9.4 hand tasks an abortController; 9.5-era Task Manager hands a signal. Both, here.
    const abortController = new AbortController();
    const runner = definition.createTaskRunner({
      taskInstance: claimed,
      abortController,
      signal: abortController.signal,
    } as RunContext);
    const cancel = async () => {
      if (abortController.signal.aborted) return;
      abortController.abort();
      await runner.cancel?.();
    };
    const done = this.execute(claimed, definition, runner.run, cancel, timeoutMs);
    this.running.set(claimed.id, { cancel, done });
    void done.finally(() => this.running.delete(claimed.id));
  }

  private async execute(
    task: ConcreteTaskInstance,
    definition: TaskRegisterDefinition,
    run: () => Promise<RunResult | undefined | void>,
    cancel: () => Promise<void>,
    timeoutMs: number
  ) {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    let outcome: TaskOutcome;
    try {
      const result = await Promise.race([run(), timedOut]);
      if (result === 'timeout') {
        this.logger.warn(
          `Cancelling task ${task.taskType} "${task.id}" as it expired after running for ${timeoutMs}ms`
        );
        await cancel();
        outcome = failureOutcome(task, this.retryPolicy(definition), new Date());
      } else if (result && (result as { error?: unknown }).error) {
        this.logger.error(
          `Task ${task.taskType} "${task.id}" failed: ${String((result as { error: unknown }).error)}`
        );
        outcome = failureOutcome(task, this.retryPolicy(definition), new Date());
      } else {
        outcome = successOutcome(task, result as RunResult | undefined, new Date());
      }
    } catch (error) {
      this.logger.error(`Task ${task.taskType} "${task.id}" failed: ${(error as Error).message}`);
      outcome = failureOutcome(task, this.retryPolicy(definition), new Date());
    } finally {
      clearTimeout(timer);
    }
    await this.persist(task.id, outcome);
  }

  private retryPolicy(definition: TaskRegisterDefinition): RetryPolicy {
    return {
      ...this.options.retry,
      maxAttempts: definition.maxAttempts ?? this.options.retry.maxAttempts,
    };
  }

  /**
   * The claim may have been removed meanwhile (removeIfExists during a run); then nothing is saved.
   * Like Task Manager's partial update, the run writes only its own fields: a task disabled or
   * given new params while it ran stays so.
   */
  private async persist(id: string, outcome: TaskOutcome) {
    try {
      if (outcome.kind === 'delete') {
        await this.store.remove(id);
        return;
      }
      const current = await this.store.get(id);
      await this.store.replace(current, {
        ...current.instance,
        ...runWriteback(outcome.instance),
      });
      if (outcome.instance.runAt.getTime() <= Date.now()) this.schedulePoll(0);
    } catch (error) {
      if ((error as { output?: { statusCode?: number } }).output?.statusCode === 404) return;
      this.logger.error(`Task Manager could not save task "${id}": ${(error as Error).message}`);
    }
  }
}
