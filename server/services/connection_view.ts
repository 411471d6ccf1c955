import type { ConcreteTaskInstance } from '@kbn/task-manager-plugin/server';
import type { ConnectionStatus } from '../../common/connection_status';
import type {
  ConnectionView,
  TaskHealth,
  WriterAuthorization,
} from '../../common/http_api/connections';
import { backfillProgress } from '../tasks/collect_backfill';
import { isTaskRunning, lostRunDeadline } from '../tasks/collect_task';
import { taskStateFor } from '../tasks/collect_task_state';
import type { ConnectionRecord } from './connection_store';

/** Task Manager's statuses of a task that will not run again by itself. */
const BROKEN = new Set<string>(['failed', 'unrecognized', 'dead_letter', 'should_delete']);

/**
 * A disabled connection reads `disabled` at once, while its task is still ending a run or has
 * yet to disable itself (syncCollectTask). A recurring task never ends up `failed` in Task Manager
 * (it is rescheduled after an error), so `failed` also means the last run recorded an error.
 */
function taskHealth(
  connectionEnabled: boolean,
  task: ConcreteTaskInstance | undefined,
  status: ConnectionStatus
): TaskHealth {
  if (!connectionEnabled) return 'disabled';
  if (!task) return 'missing';
  if (task.enabled === false) return 'disabled';
  if (isTaskRunning(task)) return 'running';
  if (BROKEN.has(task.status) || status.lastError) return 'failed';
  return 'idle';
}

function authorizationOf(record: ConnectionRecord, apiKeysEnabled: boolean): WriterAuthorization {
  if (!apiKeysEnabled) return { state: 'internal' };
  return record.writerKey ? { state: 'granted', ...record.writerKey } : { state: 'missing' };
}

/** The last error's kind when a run ended without Task Manager recording its result. */
export const LOST_RUN_ERROR_KIND = 'runResultLost';

/**
 * A task still `running` past its run's deadline reads as the failed run it is, with Task
 * Manager's retryAt as its next run (Run now forces one sooner).
 */
function withLostRun(task: ConcreteTaskInstance, status: ConnectionStatus, now: number) {
  const deadline = lostRunDeadline(task, now);
  if (deadline === undefined) return undefined;
  const retryAt = new Date(task.retryAt ?? task.runAt).toISOString();
  const message =
    `The run that started at ${new Date(task.startedAt!).toISOString()} ended without its ` +
    'result being recorded (Elasticsearch could not be reached then, or the Kibana node running ' +
    `it stopped). Task Manager runs it again at ${retryAt}; Run now starts a new run at once.`;
  return {
    status: {
      ...status,
      lastError: { kind: LOST_RUN_ERROR_KIND, message, at: new Date(deadline).toISOString() },
    },
    task: { health: 'failed' as const, nextRunAt: retryAt },
  };
}

export function connectionView(
  record: ConnectionRecord,
  task: ConcreteTaskInstance | undefined,
  apiKeysEnabled: boolean,
  now: number
): ConnectionView {
  const state = taskStateFor(task?.state ?? {}, record.settings.tenantId);
  const health = taskHealth(record.settings.enabled, task, state.status);
  const scheduled = task && (health === 'idle' || health === 'failed');
  const lost = health === 'running' && task ? withLostRun(task, state.status, now) : undefined;
  const backfill = backfillProgress(record.backfill, state.backfill);
  return {
    id: record.id,
    settings: record.settings,
    secrets: record.secretsSet,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    ...(record.createdBy ? { createdBy: record.createdBy } : {}),
    ...(record.updatedBy ? { updatedBy: record.updatedBy } : {}),
    status: lost?.status ?? state.status,
    task: lost?.task ?? {
      health,
      ...(scheduled ? { nextRunAt: new Date(task.runAt).toISOString() } : {}),
    },
    ...(backfill ? { backfill } : {}),
    authorization: authorizationOf(record, apiKeysEnabled),
  };
}
