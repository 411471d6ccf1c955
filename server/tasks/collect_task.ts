import type {
  TaskManagerSetupContract,
  TaskManagerStartContract,
} from '@kbn/task-manager-plugin/server';
import { parseDurationMs } from '../lib/collector/duration';
import { emptyTaskState } from './collect_task_state';
import { createCollectTaskRunner, type CollectTaskServices } from './collect_task_runner';

export const COLLECT_TASK_TYPE = 'exchangeMessageTrace:collect';
export const COLLECT_TASK_TIMEOUT = '10m';

/** One task per connection; its id follows from the connection's. */
export const collectTaskId = (connectionId: string) => `${COLLECT_TASK_TYPE}:${connectionId}`;

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
      maxConcurrency: 4,
      createTaskRunner: createCollectTaskRunner(getServices, parseDurationMs(COLLECT_TASK_TIMEOUT)),
    },
  });
}

/** Creates the connection's task, or updates its interval; the first run starts right away. */
export async function scheduleCollectTask(
  taskManager: TaskManagerStartContract,
  connectionId: string,
  intervalMinutes: number
) {
  await taskManager.ensureScheduled({
    id: collectTaskId(connectionId),
    taskType: COLLECT_TASK_TYPE,
    schedule: { interval: `${intervalMinutes}m` },
    params: { connectionId },
    state: emptyTaskState(),
  });
}

export async function removeCollectTask(
  taskManager: TaskManagerStartContract,
  connectionId: string
) {
  await taskManager.removeIfExists(collectTaskId(connectionId));
}
