import type {
  BulkUpdateTaskResult,
  ConcreteTaskInstance,
  TaskManagerSetupContract,
  TaskManagerStartContract,
} from '@kbn/task-manager-plugin/server';
import type { ConnectionSettings } from '../../common/connection';
import { parseDurationMs } from '../lib/collector/duration';
import { runDeadline } from './cancellable_run';
import { emptyTaskState } from './collect_task_state';
import { createCollectTaskRunner, type CollectTaskServices } from './collect_task_runner';

export const COLLECT_TASK_TYPE = 'exchangeMessageTrace:collect';
export const COLLECT_TASK_TIMEOUT = '10m';

/** One task per connection; its id follows from the connection's. */
export const collectTaskId = (connectionId: string) => `${COLLECT_TASK_TYPE}:${connectionId}`;

const RUNNING = new Set<string>(['running', 'claiming']);

export const isTaskRunning = (task: ConcreteTaskInstance) => RUNNING.has(task.status);

const COLLECT_TASK_TIMEOUT_MS = parseDurationMs(COLLECT_TASK_TIMEOUT);

/**
 * When the claimed run must have handed its result over, for a task still `running` past it: the
 * run ended (or its node stopped) and Task Manager could not record the result, so the task waits
 * for its retryAt. Undefined for a task not running, or still within its deadline at `now`.
 */
export function lostRunDeadline(task: ConcreteTaskInstance, now: number): number | undefined {
  if (task.status !== 'running' || !task.startedAt) return undefined;
  const deadline = runDeadline(new Date(task.startedAt).getTime(), COLLECT_TASK_TIMEOUT_MS);
  return now > deadline ? deadline : undefined;
}

export function registerCollectTaskDefinition({
  taskManager,
  getServices,
}: {
  taskManager: TaskManagerSetupContract;
  getServices: () => Promise<CollectTaskServices>;
}) {
  taskManager.registerTaskDefinitions({
    [COLLECT_TASK_TYPE]: {
      title: 'Exchange Online message trace collection',
      description: 'Pulls message traces of one connection from Microsoft Graph into Elasticsearch',
      timeout: COLLECT_TASK_TIMEOUT,
      // No maxConcurrency: Task Manager refuses it outside its allow-list and Kibana would not
      // start. The per-tenant Graph budget is what bounds the calls to Microsoft.
      createTaskRunner: createCollectTaskRunner(getServices, COLLECT_TASK_TIMEOUT_MS),
    },
  });
}

const scheduleOf = (intervalMinutes: number) => ({ interval: `${intervalMinutes}m` });

/**
 * Creates the connection's task, disabled when the connection is; an enabled one runs at once. An
 * existing task keeps its state: ensureScheduled only swallows the conflict (and from 9.3 updates
 * an idle task's interval), so changes to an existing task go through syncCollectTask.
 */
export async function scheduleCollectTask(
  taskManager: TaskManagerStartContract,
  connectionId: string,
  intervalMinutes: number,
  enabled = true
) {
  await taskManager.ensureScheduled({
    id: collectTaskId(connectionId),
    taskType: COLLECT_TASK_TYPE,
    schedule: scheduleOf(intervalMinutes),
    params: { connectionId },
    state: emptyTaskState(),
    enabled,
  });
}

function assertUpdated(action: string, result: BulkUpdateTaskResult) {
  const failure = result.errors[0];
  if (failure) {
    throw new Error(
      `Task Manager could not ${action} task "${failure.id}": ${failure.error.message ?? failure.error.statusCode}`
    );
  }
}

/**
 * Disables the task through its own next run, brought forward: that run finds the connection
 * disabled and returns `shouldDisableTask`; a run in progress reads the connection between pages
 * and ends early, keeping its progress, and the run after it does the same. Task Manager's
 * bulkDisable would also write to a running task: that run's write-back (made against the
 * version it claimed) would then fail, losing its checkpoint and leaving the task `running`
 * until retryAt (task_scheduling.ts @ ae46a5d1, task_running/task_runner.ts @ 006b838e).
 * Enabled again before that run, the task simply collects. Enabled again in the instant a run is
 * disabling itself, the task ends up disabled (bulkEnable skipped it, as it was enabled and
 * running): the page shows it, and Run now or saving the connection enables it.
 */
async function disableThroughNextRun(taskManager: TaskManagerStartContract, id: string) {
  if ((await taskManager.get(id)).enabled === false) return;
  try {
    await taskManager.runSoon(id);
  } catch (error) {
    // Claimed meanwhile: that run reads the connection too.
    if (!isTaskRunning(await taskManager.get(id))) throw error;
  }
}

/**
 * Brings a connection's task in line with its settings, whatever shape the task is in (a missing
 * one is created). Disabling keeps the state, so the checkpoint survives until it is enabled again;
 * `startOver` (a new tenant) replaces the task, and with it the checkpoint. Task Manager skips a
 * running task when it updates schedules; the task itself returns the connection's interval at the
 * end of such a run.
 */
export async function syncCollectTask(
  taskManager: TaskManagerStartContract,
  connectionId: string,
  settings: Pick<ConnectionSettings, 'intervalMinutes' | 'enabled'>,
  { startOver = false } = {}
) {
  const id = collectTaskId(connectionId);
  if (startOver) await taskManager.removeIfExists(id);
  await scheduleCollectTask(taskManager, connectionId, settings.intervalMinutes, settings.enabled);
  assertUpdated(
    'reschedule',
    await taskManager.bulkUpdateSchedules([id], scheduleOf(settings.intervalMinutes))
  );
  if (settings.enabled) assertUpdated('enable', await taskManager.bulkEnable([id]));
  else await disableThroughNextRun(taskManager, id);
}

export async function removeCollectTask(
  taskManager: TaskManagerStartContract,
  connectionId: string
) {
  await taskManager.removeIfExists(collectTaskId(connectionId));
}
