import type { ConcreteTaskInstance } from '@kbn/task-manager-plugin/server';
import type { ConnectionStatus } from '../../common/connection_status';
import type {
  ConnectionView,
  TaskHealth,
  WriterAuthorization,
} from '../../common/http_api/connections';
import { backfillProgress } from '../tasks/collect_backfill';
import { isTaskRunning } from '../tasks/collect_task';
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

export function connectionView(
  record: ConnectionRecord,
  task: ConcreteTaskInstance | undefined,
  apiKeysEnabled: boolean
): ConnectionView {
  const state = taskStateFor(task?.state ?? {}, record.settings.tenantId);
  const health = taskHealth(record.settings.enabled, task, state.status);
  const scheduled = task && (health === 'idle' || health === 'failed');
  const backfill = backfillProgress(record.backfill, state.backfill);
  return {
    id: record.id,
    settings: record.settings,
    secrets: record.secretsSet,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    ...(record.createdBy ? { createdBy: record.createdBy } : {}),
    ...(record.updatedBy ? { updatedBy: record.updatedBy } : {}),
    status: state.status,
    task: { health, ...(scheduled ? { nextRunAt: new Date(task.runAt).toISOString() } : {}) },
    ...(backfill ? { backfill } : {}),
    authorization: authorizationOf(record, apiKeysEnabled),
  };
}
