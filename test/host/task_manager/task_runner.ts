import type { Logger } from '@kbn/core/server';
import type { CancellableTask, RunContext } from '@kbn/task-manager-plugin/server';
import type { RetryDelay } from './get_retry_at';
import { isInterval, parseIntervalAsMillisecond } from './intervals';
import type { TaskDefinition } from './task_definition_rules';
import { decideWriteback, returned, threw, type RunEnd } from './task_outcome';
import type { StoredTask, TaskStore } from './task_store';

export interface TaskRunnerDeps {
  store: TaskStore;
  logger: Logger;
  pollIntervalMs: number;
  defaultMaxAttempts: number;
  retryDelay: RetryDelay;
  /** Asks the poller to look for due tasks at once. */
  wake(): void;
}

type WritebackResult = 'written' | 'conflict' | 'not_found' | 'skipped';

/**
 * One run of a claimed task, written back onto the version the claim wrote, so that any write
 * to the task while it ran (bulkDisable, bulkUpdateState, removal, ...) makes the result lost:
 * the task then stays running until its retryAt.
 * Kibana: x-pack/platform/plugins/shared/task_manager/server/task_running/task_runner.ts @ 006b838e
 * (run, cancel, processResult), task_pool/task_pool.ts @ 02ac3f6d (handleMarkAsRunning).
 */
export class TaskRunner {
  private readonly abortController = new AbortController();
  private runner: CancellableTask | undefined;
  private readonly timeoutMs: number;

  constructor(
    private readonly claimed: StoredTask,
    private readonly definition: TaskDefinition,
    readonly timeout: string,
    private readonly deps: TaskRunnerDeps
  ) {
    this.timeoutMs = parseIntervalAsMillisecond(timeout);
  }

  get id() {
    return this.claimed.instance.id;
  }

  get expiration() {
    return new Date(this.claimed.instance.startedAt!.getTime() + this.timeoutMs);
  }

  private get maxAttempts() {
    return this.definition.maxAttempts ?? this.deps.defaultMaxAttempts;
  }

  /** A one-off task claimed (attempts already counted) more often than it may be attempted. */
  get isAdHocTaskAndOutOfAttempts() {
    return !this.claimed.instance.schedule && this.claimed.instance.attempts > this.maxAttempts;
  }

  toString() {
    return `${this.claimed.instance.taskType} "${this.id}"`;
  }

  async cancel() {
    if (this.abortController.signal.aborted) return;
    this.abortController.abort();
    await this.runner?.cancel?.();
  }

  async run(): Promise<void> {
    const task = this.claimed.instance;
    let end: RunEnd;
    let runnerReturned = false;
    try {
      // 9.2 to 9.4 hand tasks an abortController; 9.5-era Task Manager hands a signal. Both, here.
      this.runner = this.definition.createTaskRunner({
        taskInstance: task,
        abortController: this.abortController,
        signal: this.abortController.signal,
      } as RunContext);
      end = returned(await this.runner.run());
      runnerReturned = true;
    } catch (error) {
      this.deps.logger.error(`Task ${this} failed: ${error}`);
      end = threw(error, task);
    }
    let result = await this.writeBack(end);
    // Task Manager handles a failed write-back of a returned result as a failure of the run and
    // writes that once more onto the same version: only a deletion can still go through.
    if (result !== 'written' && runnerReturned) {
      const lost = this.lostResultError(result);
      this.deps.logger.error(`Task ${this} failed: ${lost}`);
      result = await this.writeBack(threw(lost, task));
    }
    if (result !== 'written') {
      const line = `Task ${this} failed in attempt to run: ${this.lostResultError(result).message}`;
      if (result === 'not_found') this.deps.logger.debug(line);
      else this.deps.logger.warn(line);
    }
  }

  private lostResultError(result: WritebackResult) {
    if (result === 'not_found') return new Error(`Saved object [task/${this.id}] not found`);
    if (result === 'conflict') return new Error(`Saved object [task/${this.id}] conflict`);
    return new Error(`Task ${this.id} was not updated`);
  }

  private async writeBack(end: RunEnd): Promise<WritebackResult> {
    const task = this.claimed.instance;
    const { writeback, expired, disabledItself } = decideWriteback(end, {
      task,
      timeout: this.timeout,
      maxAttempts: this.maxAttempts,
      pollIntervalMs: this.deps.pollIntervalMs,
      retryDelay: this.deps.retryDelay,
      now: new Date(),
    });
    if (expired) {
      // Kibana counts these (usage counter taskManagerUpdateSkippedDueToTaskExpiration).
      this.deps.logger.debug(
        `taskManagerUpdateSkippedDueToTaskExpiration: ${this} ended after it expired at ${this.expiration.toISOString()}`
      );
    }
    if (disabledItself) {
      this.deps.logger.warn(
        `Disabling task ${task.taskType}:${task.id} as it indicated it should disable itself`
      );
    }
    if (writeback.kind === 'none') return 'written';
    if (writeback.kind === 'delete') {
      await this.deps.store.remove(task.id);
      return 'written';
    }
    const interval = (writeback.fields.schedule as { interval?: string } | undefined)?.interval;
    // Kibana: task_store.ts @ 0098ca24 bulkPartialUpdate
    if (interval && !isInterval(interval)) {
      this.deps.logger.error(
        `[TaskStore] Invalid interval "${interval}". Task ${task.id} will not be updated.`
      );
      return 'skipped';
    }
    const result = await this.deps.store.partialUpdate(this.claimed, writeback.fields);
    if (result !== 'updated') return result;
    if ((writeback.fields.runAt?.getTime() ?? Infinity) <= Date.now()) this.deps.wake();
    return 'written';
  }
}
